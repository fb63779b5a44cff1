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
import { boundingBox, overlaps, sameSheet, subtractAll } from "../../core/workbook/rectangles";
import { mergePlans, planOnSheet, valueAreas } from "../../core/workbook/writePlans";
import { Progress, SheetRange, WorkbookPort, WritePlan } from "../../core/workbook/workbookPort";
import { FlowState } from "./flowState";
import {
  ChangeReport,
  MonitoredRun,
  SharingOptions,
  changeReport,
  comparableRun,
  compareAnyway,
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
  /** The newest kept run when the settings changed since (newBaseline), for "Compare anyway". */
  earlier: SlotRun | null;
  /**
   * Whether the cells in the way can be left as they are with the output in the next empty columns instead: a
   * customer table's output on its own sheet, not yet moved.
   */
  movable: boolean;
}

/** How the user answered the cells in the way: `moveAside` the cells kept, the output going to the next empty columns. */
export interface RunChoice {
  moveAside?: readonly SheetRange[];
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
  /** With newBaseline: the comparison with the previous run all the same, made when the user asks. */
  compareAnyway: (() => ChangeReport) | null;
}

/**
 * What the user changed in what the analysis's last run wrote (compared with the fingerprints the run kept), which
 * this run would replace: cells of its output that differ and, on the sheets it replaces whole (`ownSheets`: its
 * customer summary, Segment summary and report sheets), any value outside what it wrote. The user must agree first,
 * as for any data in the way. Cells given up to other analyses since are theirs, not checked here; a sheet with no
 * fingerprint (written before they were kept) is not known well enough to check.
 */
async function editedCells(
  workbook: WorkbookPort,
  store: StoreSession,
  analysis: StoredAnalysis,
  ownSheets: readonly string[]
): Promise<SheetRange[]> {
  const text = (await store.read()).entries.get(writtenKey(analysis.id));
  const fingerprints = text === undefined ? [] : (parseFingerprints(text) ?? []);
  const ours = (range: SheetRange) =>
    ownSheets.some((sheet) => sameSheet(sheet, range.sheet)) ||
    analysis.output.owned.some((owned) => overlaps(owned, range));
  const edited: SheetRange[] = [];
  for (const fingerprint of fingerprints) {
    if (!ours(fingerprint.range)) continue;
    const columns = await workbook.readColumns(fingerprint.range);
    for (const cells of changedCells(fingerprint, columns)) if (ours(cells)) edited.push(cells);
  }
  const sheets = await workbook.listSheets();
  for (const sheet of ownSheets) {
    const written = fingerprints
      .filter((fingerprint) => sameSheet(fingerprint.range.sheet, sheet))
      .map((fingerprint) => fingerprint.range);
    if (written.length === 0 || !sheets.some((name) => sameSheet(name, sheet))) continue;
    const used = await workbook.getUsedRange(sheet);
    for (const rest of used ? subtractAll([used], written) : []) {
      const found = await workbook.findValues(rest);
      if (found) edited.push(found);
    }
  }
  return edited;
}

/** The block a plan's values cover on one sheet: how a sheet the run replaces whole is fingerprinted. */
function writtenBlock(plan: WritePlan, sheet: string): SheetRange | null {
  const blocks = valueAreas(plan).filter(
    (block) => sameSheet(block.sheet, sheet) && block.rowCount > 0 && block.columnCount > 0
  );
  return blocks.length === 0 ? null : boundingBox(blocks[0], blocks.slice(1));
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
  opened?: string,
  choice: RunChoice = {}
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
      // Room for the Change column a later run adds, so the legend stays put.
      legendAfter: segmented.result.columns.length + (table.mapping.customer === undefined ? 0 : 1),
      moveAside: choice.moveAside,
    }
  );
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
  const ownSheets = [
    customerSheet !== null ? analysis.output.customerSheet : null,
    summary ? analysis.output.summarySheet : null,
    report ? analysis.output.reportSheet : null,
  ].flatMap((sheet) => sheet ?? []);
  const edited = await editedCells(workbook, keeping.store, analysis, ownSheets);
  // Cells the user keeps, the output moved aside, are in nobody's way.
  pending.conflicts.unshift(...subtractAll(edited, choice.moveAside ?? []));
  const dataSheet = flow.table.range.sheet;
  const movable =
    !choice.moveAside &&
    !flow.table.summary &&
    pending.conflicts.every((range) => sameSheet(range.sheet, dataSheet));
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
    earlier: newBaseline ? analysis.history.latest : null,
    movable,
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
    // The sheets the run replaces whole are fingerprinted too, so edits there are protected like its columns.
    const sheets = [summary, report?.plan].flatMap((plan) =>
      plan?.sheets?.[0] ? (writtenBlock(plan, plan.sheets[0].name) ?? []) : []
    );
    const written = fingerprintsText(fingerprintsOf(output, [...pending.owned, ...sheets]));
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
  const { earlier } = prepared;
  const ids = analysis.history.table;
  return {
    report: changes,
    saveProblem,
    note: report?.note ?? null,
    newBaseline: prepared.newBaseline,
    compareAnyway: earlier ? () => compareAnyway(monitored, earlier, ids, keeping.options) : null,
  };
}
