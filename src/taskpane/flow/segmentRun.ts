/**
 * A click on Segment as plain steps, without React: prepareRun plans everything and changes nothing (the output
 * with the Change column when there is a run to compare with, the summary sheet, what is saved with the workbook,
 * and the cells in the way); commitRun writes it and keeps the run. Every read and write of the click goes through
 * here and the store session; the pane's hook shows their progress, the bench times them end to end.
 */
import {
  changedCells,
  fingerprintsOf,
  fingerprintsText,
  parseFingerprints,
} from "../../core/sharing/fingerprint";
import { planHistorySave } from "../../core/sharing/runHistory";
import type { SlotRun } from "../../core/sharing/snapshot";
import { planSummarySheet } from "../../core/sharing/summarySheet";
import { overlaps, subtractAll } from "../../core/workbook/rectangles";
import { mergePlans, planOnSheet } from "../../core/workbook/writePlans";
import { Progress, SheetRange, WorkbookPort, WritePlan } from "../../core/workbook/workbookPort";
import { FlowState } from "./flowState";
import {
  ChangeReport,
  MonitoredRun,
  SharingOptions,
  changeReport,
  comparableRun,
  monitorRun,
  runBasis,
  settingsChanged,
} from "./monitoring";
import { Problem, problem, problemOf } from "./problems";
import {
  ANALYSES_KEY,
  AnalysisOutput,
  StoredAnalysis,
  StoredRuns,
  analysisFor,
  historyPrefix,
  indexText,
  ownSheetName,
  writtenKey,
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
  /** Where a transaction table's customer summary goes; null for a customer table. */
  customerSheet: string | null;
  /** The settings changed since the newest kept run: this run is not compared with it, and starts anew. */
  newBaseline: boolean;
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
  /** Not compared because the settings changed since the previous run (PreparedRun.newBaseline). */
  newBaseline: boolean;
}

/**
 * The cells of an analysis's output that the user changed since its last run wrote them (compared with the
 * fingerprints the run kept), which the run would replace: the user must agree first, as for any data in the way.
 * Cells given up to other analyses since are theirs, not checked here.
 */
async function editedCells(
  workbook: WorkbookPort,
  store: StoreSession,
  analysis: StoredAnalysis
): Promise<SheetRange[]> {
  const text = (await store.read()).entries.get(writtenKey(analysis.id));
  const fingerprints = text === undefined ? [] : (parseFingerprints(text) ?? []);
  const edited: SheetRange[] = [];
  for (const fingerprint of fingerprints) {
    if (!analysis.output.owned.some((range) => overlaps(range, fingerprint.range))) continue;
    const values = await workbook.readValues(fingerprint.range);
    for (const cells of changedCells(fingerprint, values))
      if (analysis.output.owned.some((range) => overlaps(range, cells))) edited.push(cells);
  }
  return edited;
}

/**
 * Plans a run of the flow's current result for its analysis (the one `opened` in the pane, or the one of the same
 * data, or a new one: see analysisFor); null when the flow is not ready to segment. Writes nothing.
 */
export async function prepareRun(
  workbook: WorkbookPort,
  flow: FlowState,
  segmented: Segmented,
  keeping: RunKeeping,
  t: Translate,
  locale: string,
  opened?: string
): Promise<PreparedRun | null> {
  const { data, setup, settings } = flow;
  if (!data || !setup || !flow.table || !settings) return null;
  const savedAt = new Date().toISOString();
  const config = configOfRun({
    data,
    setup,
    method: segmented.method,
    settings,
    table: flow.table,
    options: keeping.options,
    locale,
    savedAt,
  });
  const analysis = analysisFor(keeping.stored, config, opened);
  const others = keeping.stored.analyses.filter((other) => other.id !== analysis.id);
  // An analysis's own sheets keep their names; a new one's are named apart from the other analyses'.
  const customerSheet = flow.table.summary
    ? ownSheetName(
        flow.table.range.sheet,
        analysis.output.customerSheet,
        others.flatMap((other) => other.output.customerSheet ?? [])
      )
    : null;
  const table =
    customerSheet === null
      ? flow.table
      : { ...flow.table, range: { ...flow.table.range, sheet: customerSheet } };
  const previous = comparableRun(analysis, config);
  const newBaseline = settingsChanged(analysis, config);
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
    {
      previous: analysis.output.owned,
      others: others.flatMap((other) => other.output.owned),
      changeColumn: monitored.comparison !== null,
    }
  );
  pending.conflicts.unshift(...(await editedCells(workbook, keeping.store, analysis)));
  let summary: WritePlan | null = null;
  if (keeping.options.summarySheet) {
    const sheet = ownSheetName(
      t("segmentSummary.sheetName"),
      analysis.output.summarySheet,
      others.flatMap((other) => other.output.summarySheet ?? [])
    );
    summary = planSummarySheet({
      tiers: segmented.result.tiers,
      comparison: monitored.comparison,
      translate: t,
      sheet,
    });
    const inTheWay = await summarySheetInTheWay(workbook, sheet, analysis.output.summarySheet);
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  let report: PreparedRun["report"] = null;
  if (segmented.report) {
    const { sheet: base } = segmented.report;
    const sheet = ownSheetName(
      base,
      analysis.output.reportSheet,
      others.flatMap((other) => other.output.reportSheet ?? [])
    );
    const planned = segmented.report.plan(previous, locale);
    report = { plan: planOnSheet(planned.plan, base, sheet), note: planned.note };
    const inTheWay = await summarySheetInTheWay(workbook, sheet, analysis.output.reportSheet);
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  return {
    analysis,
    pending,
    summary,
    report,
    config,
    monitored,
    previous,
    customerSheet,
    newBaseline,
  };
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
  const { analysis, pending, summary, report, config, monitored, previous, customerSheet } =
    prepared;
  const { store, stored } = keeping;
  const summarySheet = summary?.sheets?.[0].name ?? analysis.output.summarySheet;
  const reportSheet = report?.plan.sheets?.[0].name ?? analysis.output.reportSheet;
  // Cells of other analyses this run writes over (the user agreed) are no longer theirs.
  const others = stored.analyses
    .filter((other) => other.id !== analysis.id)
    .map((other) => ({
      ...other,
      output: { ...other.output, owned: subtractAll(other.output.owned, pending.owned) },
    }));
  const updated = (output: AnalysisOutput) => ({
    ...analysis,
    config: { ok: true as const, config },
    stored: config,
    output,
  });
  // The index lists the analyses in the order they last ran: this one last.
  const withOutput = (output: AnalysisOutput) => indexText([...others, updated(output)]);

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
        customerSheet,
        reportSheet,
      }),
      // Until the write is done, nothing is known of what the owned cells hold.
      [writtenKey(analysis.id)]: null,
    },
    { with: { ...output, settings: { ...output.settings, ...settings } }, progress }
  );
  const final: AnalysisOutput = { owned: pending.owned, summarySheet, customerSheet, reportSheet };
  let saveProblem: Problem | null = null;
  let history = analysis.history;
  try {
    const { entries } = await store.read();
    const save = planHistorySave(
      entries,
      historyPrefix(analysis.id),
      analysis.history,
      monitored.current,
      config.monitoring.keepRuns,
      runBasis(config)
    );
    const written = fingerprintsText(fingerprintsOf(output, pending.owned));
    await store.update(
      { ...save.changes, [ANALYSES_KEY]: withOutput(final), [writtenKey(analysis.id)]: written },
      { with: { clear: [], values: [], fills: [], settings: {}, autoOpen: config.autoOpen } }
    );
    history = save.history;
  } catch (error) {
    saveProblem = { ...problem("runNotKept", undefined, "warning"), cause: problemOf(error) };
  }
  keeping.onSaved({
    analyses: [...others, { ...updated(final), history }],
    problems: stored.problems,
    legacySettings: [],
  });
  const changes =
    monitored.comparison && previous
      ? changeReport(monitored.comparison, monitored.current, previous, analysis.history.table)
      : null;
  return {
    report: changes,
    saveProblem,
    note: report?.note ?? null,
    newBaseline: prepared.newBaseline,
  };
}
