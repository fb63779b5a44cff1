/**
 * A click on Segment as plain steps, without React: prepareRun plans everything and changes nothing (the output
 * with the Change column when there is a run to compare with, the summary sheet, what is saved with the workbook,
 * and the cells in the way); commitRun writes it and keeps the run. The pane's hook shows their progress; the bench
 * times them end to end.
 */
import type { RunSnapshot } from "../../core/sharing/snapshot";
import { planSummarySheet } from "../../core/sharing/summarySheet";
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
import { Problem, problem } from "./problems";
import { Segmented, Translate } from "./segment";
import { StoredRuns, saveRun } from "./runStore";
import { SegmentationConfig, configOfRun } from "./storedConfig";
import {
  PendingOutput,
  REPORT_SHEET_SETTING,
  SUMMARY_SHEET_SETTING,
  prepareOutput,
  summarySheetInTheWay,
  writeOutput,
} from "./writeOutput";

/** A run checked and planned: the output, the summary sheet, and what is saved with the workbook. */
export interface PreparedRun {
  pending: PendingOutput;
  summary: WritePlan | null;
  /** The method's report sheet, and what the comparison with the previous run says of it. */
  report: { plan: WritePlan; note: Problem | null } | null;
  config: SegmentationConfig;
  monitored: MonitoredRun;
  previous: RunSnapshot | null;
}

/** What a run needs from the workbook's store: the runs kept, the options, and where to report a save. */
export interface RunKeeping {
  stored: StoredRuns;
  options: SharingOptions;
  onSaved: (config: SegmentationConfig, runs: RunSnapshot[]) => void;
}

export interface CommittedRun {
  /** Changes since the previous run; null on a first run (or one not comparable with the last). */
  report: ChangeReport | null;
  /** Why the run could not be kept for monitoring (the output itself is written). */
  saveProblem: Problem | null;
  /** What the method's report says changed since the previous run (e.g. a drop in pooled retention). */
  note: Problem | null;
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
  const previous = comparableRun(keeping.stored, config);
  const monitored = monitorRun({
    table,
    method: segmented.method,
    result: segmented.result,
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
    { changeColumn: monitored.comparison !== null }
  );
  let summary: WritePlan | null = null;
  if (keeping.options.summarySheet) {
    summary = planSummarySheet({
      tiers: segmented.result.tiers,
      comparison: monitored.comparison,
      translate: t,
    });
    const inTheWay = await summarySheetInTheWay(workbook, t("segmentSummary.sheetName"));
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  const report = segmented.report?.plan(previous, locale) ?? null;
  if (segmented.report) {
    const sheet = segmented.report.sheet;
    const inTheWay = await summarySheetInTheWay(workbook, sheet, REPORT_SHEET_SETTING);
    if (inTheWay) pending.conflicts.push(inTheWay);
  }
  return { pending, summary, report, config, monitored, previous };
}

/**
 * Writes a prepared run (the user has agreed to every overwrite), then keeps it for monitoring. A failure to keep
 * the run is reported, not thrown: the results are written by then.
 */
export async function commitRun(
  workbook: WorkbookPort,
  prepared: PreparedRun,
  keeping: RunKeeping,
  progress: Progress = {}
): Promise<CommittedRun> {
  const { pending, summary, report, config, monitored, previous } = prepared;
  await writeOutput(workbook, pending, progress);
  if (summary) {
    await workbook.applyWritePlan(summary);
    await workbook.writeSetting(SUMMARY_SHEET_SETTING, summary.sheets?.[0].name ?? null);
  }
  if (report) {
    await workbook.applyWritePlan(report.plan);
    await workbook.writeSetting(REPORT_SHEET_SETTING, report.plan.sheets?.[0].name ?? null);
  }
  let saveProblem: Problem | null = null;
  try {
    const runs = await saveRun(workbook, config, keeping.stored.runs, monitored.current.snapshot);
    keeping.onSaved(config, runs);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    saveProblem = problem("runNotKept", { detail }, "warning");
  }
  const changes =
    monitored.comparison && previous
      ? changeReport(monitored.comparison, monitored.current, previous)
      : null;
  return { report: changes, saveProblem, note: report?.note ?? null };
}
