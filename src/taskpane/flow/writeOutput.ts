import type { CellValue } from "../../core/cells";
import { isCvaError } from "../../core/errors";
import {
  OWNED_RANGES_SETTING,
  cellsToCheck,
  parseOwnedRanges,
  replacePreviousOutput,
  serializeOwnedRanges,
} from "../../core/segmentation/ownership";
import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { changeFill } from "../../core/sharing/changeColumn";
import {
  LegendHeaders,
  SegmentationPlan,
  planSegmentationOutput,
} from "../../core/segmentation/writePlan";
import type {
  Progress,
  SheetRange,
  WorkbookPort,
  WritePlan,
} from "../../core/workbook/workbookPort";
import type { CustomerTable } from "./customerTable";
import { overlaps } from "../../core/workbook/rectangles";
import { ProblemError, problem } from "./problems";
import { sheetAddress } from "./readSelection";

/** A run checked and planned, waiting for the user's consent when it would overwrite cells that are not ours. */
export interface PendingOutput {
  plan: WritePlan;
  /** Non-empty cells in the way that the add-in did not write: the user must agree before they are overwritten. */
  conflicts: SheetRange[];
  /** The add-in's output so far, and where this run puts it. */
  previous: SheetRange[];
  owned: SheetRange[];
  /** Where the result columns and the legend go, for the message afterwards. */
  target: SheetRange;
  legend: SheetRange;
}

/** The workbook setting naming the summary sheet the add-in wrote, so a later run may replace that sheet. */
export const SUMMARY_SHEET_SETTING = "cva.segmentation.summarySheet";
/** Likewise for a method's report sheet (the Cohorts sheet). */
export const REPORT_SHEET_SETTING = "cva.segmentation.reportSheet";

export interface OutputTexts {
  legendHeaders: LegendHeaders;
  /** The recommended actions' i18n keys to text. */
  action: (key: string) => string;
}

/**
 * What the add-in wrote last time, from the workbook's settings. A record that cannot be read is taken as nothing
 * ours: every cell in the way is then checked and the user asked, rather than cells cleared on a guess.
 */
export async function previousOutput(workbook: WorkbookPort): Promise<SheetRange[]> {
  try {
    return parseOwnedRanges(await workbook.readSetting(OWNED_RANGES_SETTING));
  } catch (error) {
    if (isCvaError(error)) return [];
    throw error;
  }
}

/**
 * Plans a run and finds what stands in its way, changing nothing. Refuses a selection that holds the add-in's own previous output (re-running would clear the data
 * being segmented) and targets with merged cells (Excel cannot write a block across them). With `changeColumn`, the
 * result's last column is monitoring's Change column and gets its warning colour (changeFill).
 */
export async function prepareOutput(
  workbook: WorkbookPort,
  table: CustomerTable,
  result: SegmentationResult,
  texts: OutputTexts,
  { changeColumn = false }: { changeColumn?: boolean } = {}
): Promise<PendingOutput> {
  const previous = await previousOutput(workbook);
  const source = table.summary?.sourceRange ?? table.range;
  const overlap = previous.find((range) => overlaps(range, source));
  if (overlap)
    throw new ProblemError(problem("selectionHoldsResults", { address: sheetAddress(overlap) }));
  // A summary sheet not there yet has nothing in the way: the plan adds it before writing.
  const newSheet =
    table.summary !== undefined &&
    !(await workbook.listSheets()).some(
      (sheet) => sheet.toLowerCase() === table.range.sheet.toLowerCase()
    );

  const planned = planSegmentationOutput(table.range, table.hasHeader, result, {
    legendHeaders: texts.legendHeaders,
    translate: texts.action,
  });
  const plan: SegmentationPlan = table.summary
    ? { ...planned, owned: [table.range, ...planned.owned] }
    : planned;
  for (const range of newSheet ? [] : plan.owned) {
    const { merged } = await workbook.inspectRange(range);
    if (merged.length > 0)
      throw new ProblemError(problem("mergedTarget", { address: sheetAddress(merged[0]) }));
  }
  const conflicts: SheetRange[] = [];
  for (const range of newSheet ? [] : cellsToCheck(previous, plan)) {
    const found = await workbook.findValues(range);
    if (found) conflicts.push(found);
  }
  const writePlan = replacePreviousOutput(previous, plan);
  if (changeColumn) writePlan.fills.push(changeFill(plan));
  if (table.summary) {
    writePlan.sheets = [{ name: table.range.sheet }];
    writePlan.values.unshift({ at: table.range, values: table.rows as CellValue[][] });
  }
  return {
    plan: writePlan,
    conflicts,
    previous,
    owned: plan.owned,
    target: plan.target,
    legend: plan.legend.target,
  };
}

/**
 * Writes a prepared run. The new output is recorded as ours (with the old) before the first cell changes, so a
 * run cancelled half-way is still cleared by the next one rather than mistaken for the user's data.
 */
export async function writeOutput(
  workbook: WorkbookPort,
  pending: PendingOutput,
  progress: Progress = {}
): Promise<void> {
  await workbook.writeSetting(
    OWNED_RANGES_SETTING,
    serializeOwnedRanges([...pending.previous, ...pending.owned])
  );
  await workbook.applyWritePlan(pending.plan, progress);
}

/**
 * The summary sheet (or a method's report sheet, recorded under `setting`) is replaced on each run, so a sheet of
 * that name the add-in did not write is in the way: its cells, for the consent dialog. Null when there is no such
 * sheet, when it is empty, or when it is the add-in's own.
 */
export async function summarySheetInTheWay(
  workbook: WorkbookPort,
  sheet: string,
  setting = SUMMARY_SHEET_SETTING
): Promise<SheetRange | null> {
  const existing = (await workbook.listSheets()).find(
    (name) => name.toLowerCase() === sheet.toLowerCase()
  );
  if (existing === undefined || (await workbook.readSetting(setting)) === existing) return null;
  return workbook.getUsedRange(existing);
}

/** "Customers!G1:K2358, Customers!M1:R12", for messages. */
export function addresses(ranges: readonly SheetRange[]): string {
  return ranges.map((range) => sheetAddress(range)).join(", ");
}
