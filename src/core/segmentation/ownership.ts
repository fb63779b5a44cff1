import { subtractAll } from "../workbook/rectangles";
import type { SheetRange, WritePlan } from "../workbook/workbookPort";
import type { SegmentationPlan } from "./writePlan";

/**
 * The cells of the new output that are not ours yet: the pane asks the user before writing over them when any
 * holds a value (WorkbookPort.findValues on each range).
 * @example cellsToCheck([], plan) // plan.owned: nothing is ours, all of it must be empty
 */
export function cellsToCheck(
  previous: readonly SheetRange[],
  plan: SegmentationPlan
): SheetRange[] {
  return subtractAll(plan.owned, previous);
}

/**
 * What the re-run must empty of our previous output: every cell we owned except those the new tier rules cover.
 * Cells the new output merely writes values to are cleared too, since clearing is what removes an old colour rule
 * from them (a cell that held tier names last time may hold scores now); the new tier columns get their rules
 * replaced and their values overwritten, so clearing them would only make them flicker.
 */
export function rangesToClear(
  previous: readonly SheetRange[],
  plan: SegmentationPlan
): SheetRange[] {
  return subtractAll(previous, [plan.fills.range, plan.legend.fills.range]);
}

/**
 * The whole run as a workbook write plan: clear what was ours, write the result and legend, colour both tier
 * columns. What is ours is recorded in the workbook's store by the caller, before this plan is applied.
 */
export function replacePreviousOutput(
  previous: readonly SheetRange[],
  plan: SegmentationPlan
): WritePlan {
  const { sheet } = plan.target;
  const area = ({ row, column, rowCount, columnCount }: SheetRange) => ({
    row,
    column,
    rowCount,
    columnCount,
  });
  const header = plan.header ? [{ at: plan.target, values: [plan.header] }] : [];
  return {
    clear: rangesToClear(previous, plan),
    values: [...header, { at: plan.legend.target, values: plan.legend.values }],
    columns: [
      {
        at: { sheet, row: plan.target.row + header.length, column: plan.target.column },
        columns: plan.columns,
      },
    ],
    // The tier rules test the cell they colour, so one set covers the tier column and the legend: one call per tier.
    fills: [
      {
        sheet,
        areas: [area(plan.fills.range), area(plan.legend.fills.range)],
        rules: plan.fills.rules,
      },
    ],
    numberFormats: plan.numberFormats,
    settings: {},
  };
}

/** A range as the store keeps it: [sheet, row, column, rows, columns]. */
export type StoredRange = [string, number, number, number, number];

/** @example storedRanges([{ sheet: "S", row: 0, column: 6, rowCount: 10, columnCount: 5 }]) // [["S", 0, 6, 10, 5]] */
export function storedRanges(ranges: readonly SheetRange[]): StoredRange[] {
  return ranges.map((r) => [r.sheet, r.row, r.column, r.rowCount, r.columnCount]);
}

/**
 * Reads storedRanges back; null when any entry is not a range. A record that cannot be read must never be guessed
 * at: clearing cells on the word of a damaged record could destroy the user's data, so the caller takes it as
 * nothing owned and checks every cell in the way.
 */
export function rangesOfStored(entries: unknown): SheetRange[] | null {
  if (!Array.isArray(entries)) return null;
  const ranges: SheetRange[] = [];
  for (const entry of entries) {
    if (
      !Array.isArray(entry) ||
      entry.length !== 5 ||
      typeof entry[0] !== "string" ||
      entry[0] === "" ||
      !entry.slice(1).every(isIndex) ||
      entry[3] < 1 ||
      entry[4] < 1
    )
      return null;
    const [sheet, row, column, rowCount, columnCount] = entry as StoredRange;
    ranges.push({ sheet, row, column, rowCount, columnCount });
  }
  return ranges;
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
