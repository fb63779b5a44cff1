import { valueError } from "../errors";
import { subtractAll } from "../workbook/rectangles";
import type { SheetRange, WritePlan } from "../workbook/workbookPort";
import type { SegmentationPlan } from "./writePlan";

/** The workbook setting that remembers which ranges the add-in's last segmentation output occupies. */
export const OWNED_RANGES_SETTING = "cva.segmentation.owned";

const FORMAT_VERSION = 1;

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
 * columns, and remember the new output as ours.
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
  return {
    clear: rangesToClear(previous, plan),
    values: [
      { at: plan.target, values: plan.values },
      { at: plan.legend.target, values: plan.legend.values },
    ],
    // The tier rules test the cell they colour, so one set covers the tier column and the legend: one call per tier.
    fills: [
      {
        sheet,
        areas: [area(plan.fills.range), area(plan.legend.fills.range)],
        rules: plan.fills.rules,
      },
    ],
    settings: { [OWNED_RANGES_SETTING]: serializeOwnedRanges(plan.owned) },
  };
}

/**
 * The owned ranges as compact JSON for a workbook setting: {"v":1,"ranges":[[sheet,row,column,rows,columns],…]}.
 * @example serializeOwnedRanges([{ sheet: "S", row: 0, column: 6, rowCount: 10, columnCount: 5 }]) // '{"v":1,"ranges":[["S",0,6,10,5]]}'
 */
export function serializeOwnedRanges(ranges: readonly SheetRange[]): string {
  return JSON.stringify({
    v: FORMAT_VERSION,
    ranges: ranges.map((r) => [r.sheet, r.row, r.column, r.rowCount, r.columnCount]),
  });
}

/**
 * Reads what serializeOwnedRanges wrote; null (no setting) is no ranges. Anything else is refused with a #VALUE!
 * error rather than guessed at: clearing cells on the word of a damaged setting could destroy the user's data.
 */
export function parseOwnedRanges(text: string | null): SheetRange[] {
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw valueError("The stored record of the add-in's output is not valid JSON.");
  }
  const record = parsed as { v?: unknown; ranges?: unknown };
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    record.v !== FORMAT_VERSION ||
    !Array.isArray(record.ranges)
  ) {
    throw valueError(
      `The stored record of the add-in's output is not version ${FORMAT_VERSION} of its format.`
    );
  }
  return record.ranges.map((entry: unknown) => {
    if (
      !Array.isArray(entry) ||
      entry.length !== 5 ||
      typeof entry[0] !== "string" ||
      entry[0] === "" ||
      !entry.slice(1).every(isIndex) ||
      entry[3] < 1 ||
      entry[4] < 1
    ) {
      throw valueError(
        `The stored record of the add-in's output holds a malformed range: ${JSON.stringify(entry)}.`
      );
    }
    const [sheet, row, column, rowCount, columnCount] = entry as [
      string,
      number,
      number,
      number,
      number,
    ];
    return { sheet, row, column, rowCount, columnCount };
  });
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
