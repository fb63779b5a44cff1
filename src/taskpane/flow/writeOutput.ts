import type { CellValue } from "../../core/cells";
import { cellsToCheck, replacePreviousOutput } from "../../core/segmentation/ownership";
import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { changeFill } from "../../core/sharing/changeColumn";
import {
  LegendHeaders,
  SegmentationPlan,
  planSegmentationOutput,
} from "../../core/segmentation/writePlan";
import {
  DATE_FORMAT,
  type SheetRange,
  type WorkbookPort,
  type WritePlan,
} from "../../core/workbook/workbookPort";
import { SUMMARY_DATE_COLUMNS } from "../../core/table/summariseTransactions";
import type { CustomerTable } from "./customerTable";
import { overlaps } from "../../core/workbook/rectangles";
import { ProblemError, problem } from "./problems";
import { sheetAddress } from "./readSelection";

/** A run checked and planned, waiting for the user's consent when it would overwrite cells that are not ours. */
export interface PendingOutput {
  plan: WritePlan;
  /** Non-empty cells in the way that the add-in did not write: the user must agree before they are overwritten. */
  conflicts: SheetRange[];
  /** The analysis's output so far, and where this run puts it. */
  previous: SheetRange[];
  owned: SheetRange[];
  /** Where the result columns and the legend go, for the message afterwards. */
  target: SheetRange;
  legend: SheetRange;
}

export interface OutputTexts {
  legendHeaders: LegendHeaders;
  /** The recommended actions' i18n keys to text. */
  action: (key: string) => string;
}

/**
 * Plans a run and finds what stands in its way, changing nothing. `previous` is the analysis's output so far (from
 * the store), which the run replaces; `others` the other analyses' output, which it leaves alone (cells of theirs in
 * its way are listed like anyone's). Refuses a selection that holds any analysis's output (segmenting results, or
 * clearing the data being segmented) and targets with merged cells (Excel cannot write a block across them). With
 * `changeColumn`, the result's last column is monitoring's Change column and gets its warning colour (changeFill).
 */
export async function prepareOutput(
  workbook: WorkbookPort,
  table: CustomerTable,
  result: SegmentationResult,
  texts: OutputTexts,
  {
    previous = [],
    others = [],
    changeColumn = false,
  }: {
    previous?: readonly SheetRange[];
    others?: readonly SheetRange[];
    changeColumn?: boolean;
  } = {}
): Promise<PendingOutput> {
  const source = table.summary?.sourceRange ?? table.range;
  const overlap = [...previous, ...others].find((range) => overlaps(range, source));
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
    // The first and last purchase are dates, and show as dates.
    writePlan.numberFormats = [
      ...(writePlan.numberFormats ?? []),
      {
        sheet: table.range.sheet,
        areas: SUMMARY_DATE_COLUMNS.map((column) => ({
          row: 1,
          column,
          rowCount: table.range.rowCount - 1,
          columnCount: 1,
        })),
        format: DATE_FORMAT,
      },
    ];
  }
  return {
    plan: writePlan,
    conflicts,
    previous: [...previous],
    owned: plan.owned,
    target: plan.target,
    legend: plan.legend.target,
  };
}

/**
 * The summary sheet is replaced on each run, so a sheet of that name the add-in did not write is in the way: its
 * cells, for the consent dialog. Null when there is no such sheet, when it is empty, or when it is the one the
 * analysis wrote (`ours`).
 */
export async function summarySheetInTheWay(
  workbook: WorkbookPort,
  sheet: string,
  ours: string | null
): Promise<SheetRange | null> {
  const existing = (await workbook.listSheets()).find(
    (name) => name.toLowerCase() === sheet.toLowerCase()
  );
  if (existing === undefined || existing === ours) return null;
  return workbook.getUsedRange(existing);
}

/** "Customers!G1:K2358, Customers!M1:R12", for messages. */
export function addresses(ranges: readonly SheetRange[]): string {
  return ranges.map((range) => sheetAddress(range)).join(", ");
}
