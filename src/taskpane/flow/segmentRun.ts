/**
 * A click on Segment as plain steps, without React: prepareRun plans everything and changes nothing (the output
 * with the Change column when there is a run to compare with, the summary sheet, what is saved with the workbook,
 * and the cells in the way); commitRun writes it and keeps the run. Every read and write of the click goes through
 * here and the store session; the pane's hook shows their progress, the bench times them end to end.
 */
import { planHistorySave } from "../../core/sharing/runHistory";
import type { SlotRun } from "../../core/sharing/snapshot";
import { planSummarySheet } from "../../core/sharing/summarySheet";
import { mergePlans } from "../../core/workbook/writePlans";
import { Progress, WorkbookPort, WritePlan } from "../../core/workbook/workbookPort";
import { FlowState } from "./flowState";
import {
  ChangeReport,
  MonitoredRun,
  SharingOptions,
  changeReport,
  comparableRun,
  monitorRun,
} from "./monitoring";
import { Problem, problem, problemOf } from "./problems";
import {
  ANALYSES_KEY,
  AnalysisOutput,
  StoredAnalysis,
  StoredRuns,
  historyPrefix,
  indexText,
  newAnalysis,
} from "./runStore";
import { Segmented, Translate } from "./segment";
import type { StoreSession } from "./storeSession";
import { SegmentationConfig, configOfRun } from "./storedConfig";
import { PendingOutput, prepareOutput, summarySheetInTheWay } from "./writeOutput";

/** A run checked and planned: the output, the summary sheet, and what is saved with the workbook. */
export interface PreparedRun {
  /** The analysis the run updates (a new one when the workbook has none). */
  analysis: StoredAnalysis;
  pending: PendingOutput;
  summary: WritePlan | null;
  /** The method's report sheet, and what the comparison with the previous run says of it. */
  report: { plan: WritePlan; note: Problem | null } | null;
  config: SegmentationConfig;
  monitored: MonitoredRun;
  previous: SlotRun | null;
}

/** What a run needs from the workbook's store: what it holds, the options, and where to report a save. */
export interface RunKeeping {
  store: StoreSession;
  stored: StoredRuns;
  options: SharingOptions;
  onSaved: (stored: StoredRuns) => void;
}

export interface CommittedRun {
  /** Changes since the previous run; null on a first run (or one not comparable with the last). */
  report: ChangeReport | null;
  /** Why the run could not be kept for monitoring (the output itself is written). */
  saveProblem: Problem | null;
  /** What the method's report says changed since the previous run (e.g. a drop in pooled retention). */
  note: Problem | null;
}

/** The analysis a run updates: the workbook's (it holds one), or a new one. */
function analysisOf(stored: StoredRuns, config: SegmentationConfig): StoredAnalysis {
  return stored.analyses[0] ?? newAnalysis("a1", config);
}

/** Plans a run of the flow's current result; null when the flow is not ready to segment. Writes nothing. */
export async function prepareRun(
  workbook: WorkbookPort,
  flow: FlowState,
  segmented: Segmented,
  keeping: RunKeeping,
  t: Translate,
  locale: string
): Promise<PreparedRun | null> {
  const { data, setup, table, settings } = flow;
  if (!data || !setup || !table || !settings) return null;
  const savedAt = new Date().toISOString();
  const config = configOfRun({
    data,
    setup,
    method: segmented.method,
    settings,
    table,
    options: keeping.options,
    locale,
    savedAt,
  });
  const analysis = analysisOf(keeping.stored, config);
  const previous = comparableRun(analysis, config);
  const monitored = monitorRun({
    table,
    method: segmented.method,
    result: segmented.result,
    ids: analysis.history.table,
    previous,
    options: keeping.options,
    savedAt,
    t,
  });
  const pending = await prepareOutput(
    workbook,
    table,
    monitored.result,
    {
      legendHeaders: {
        customers: t("legend.customers"),
        shareOfCustomers: t("legend.shareOfCustomers"),
        value: t("legend.value"),
        shareOfValue: t("legend.shareOfValue"),
        action: t("legend.action"),
      },
      action: (key) => t(key),
    },
    { previous: analysis.output.owned, changeColumn: monitored.comparison !== null }
  );
  let summary: WritePlan | null = null;
  if (keeping.options.summarySheet) {
    summary = planSummarySheet({
      tiers: segmented.result.tiers,
      comparison: monitored.comparison,
      translate: t,
    });
    const inTheWay = await summarySheetInTheWay(
      workbook,
      t("segmentSummary.sheetName"),
      analysis.output.summarySheet
    );
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  const report = segmented.report?.plan(previous, locale) ?? null;
  if (segmented.report) {
    const sheet = segmented.report.sheet;
    const inTheWay = await summarySheetInTheWay(
      workbook,
      sheet,
      analysis.output.reportSheet ?? null
    );
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  return { analysis, pending, summary, report, config, monitored, previous };
}

/**
 * Writes a prepared run (the user has agreed to every overwrite), then keeps it for monitoring. The new output is
 * recorded as the analysis's (with the old) in the same call that writes it, before its first cell, so a run
 * cancelled half-way is cleared by the next one rather than mistaken for the user's data. A failure to keep the run
 * is reported, not thrown: the results are written by then.
 */
export async function commitRun(
  prepared: PreparedRun,
  keeping: RunKeeping,
  progress: Progress = {}
): Promise<CommittedRun> {
  const { analysis, pending, summary, report, config, monitored, previous } = prepared;
  const { store, stored } = keeping;
  const summarySheet = summary?.sheets?.[0].name ?? analysis.output.summarySheet;
  const reportSheet = report?.plan.sheets?.[0].name ?? analysis.output.reportSheet ?? null;
  const others = stored.analyses.filter((other) => other.id !== analysis.id);
  const withOutput = (output: AnalysisOutput) =>
    indexText([...others, { ...analysis, config: { ok: true, config }, stored: config, output }]);

  const settings = Object.fromEntries(stored.legacySettings.map((key) => [key, null]));
  const output = [summary, report?.plan].reduce<WritePlan>(
    (plan, more) => (more ? mergePlans(plan, more) : plan),
    pending.plan
  );
  await store.update(
    {
      [ANALYSES_KEY]: withOutput({
        owned: [...pending.previous, ...pending.owned],
        summarySheet,
        reportSheet,
      }),
    },
    { with: { ...output, settings: { ...output.settings, ...settings } }, progress }
  );
  const final: AnalysisOutput = { owned: pending.owned, summarySheet, reportSheet };
  let saveProblem: Problem | null = null;
  let history = analysis.history;
  try {
    const { entries } = await store.read();
    const save = planHistorySave(
      entries,
      historyPrefix(analysis.id),
      analysis.history,
      monitored.current,
      config.monitoring.keepRuns
    );
    await store.update(
      { ...save.changes, [ANALYSES_KEY]: withOutput(final) },
      { with: { clear: [], values: [], fills: [], settings: {}, autoOpen: config.autoOpen } }
    );
    history = save.history;
  } catch (error) {
    saveProblem = { ...problem("runNotKept", undefined, "warning"), cause: problemOf(error) };
  }
  keeping.onSaved({
    analyses: [
      ...others,
      { ...analysis, config: { ok: true, config }, stored: config, output: final, history },
    ],
    problems: stored.problems,
    legacySettings: [],
  });
  const changes =
    monitored.comparison && previous
      ? changeReport(monitored.comparison, monitored.current, previous, analysis.history.table)
      : null;
  return { report: changes, saveProblem, note: report?.note ?? null };
}
