import type { CellValue } from "../cells";
import { valueError } from "../errors";
import { columnLetters } from "../workbook/a1";
import type { ConditionalFill, NumberFormats, SheetRange } from "../workbook/workbookPort";
import { tierPalette } from "./palette";
import type { SegmentationResult } from "./segmentCustomers";

/** Excel's sheet size. */
const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
/** Excel refuses a conditional-format formula longer than this. */
const MAX_RULE_FORMULA = 255;

/** The legend's columns: tier, customers, shares, value and action. */
export const LEGEND_COLUMNS = 6;

export interface LegendHeaders {
  customers: string;
  shareOfCustomers: string;
  value: string;
  shareOfValue: string;
  action: string;
}

export const DEFAULT_LEGEND_HEADERS: LegendHeaders = {
  customers: "Customers",
  shareOfCustomers: "% of customers",
  value: "Value",
  shareOfValue: "% of value",
  action: "Recommended action",
};

export interface PlanOptions {
  /** The legend's headers in the user's language (its first column takes the tier column's header). */
  legendHeaders?: Partial<LegendHeaders>;
  /** Turns an action's i18n key into the text written in the legend; default writes the key. */
  translate?: (key: string) => string;
  /**
   * The result's columns the legend keeps clear of, when more than the result has now: room for a column a later run
   * adds (monitoring's Change column), so the legend stays where it is.
   */
  legendAfter?: number;
  /** The result's first column; default the column right of the selection. */
  column?: number;
}

/** One rule per tier on a column of tier names: the fill follows the names, whatever later edits do to them. */
export interface TierFills {
  /** The cells the rules apply to; the formulas are written for its top-left cell. */
  range: SheetRange;
  rules: ConditionalFill[];
}

export interface SegmentationPlan {
  /** The result block: right of the selection, same rows, its header row included when the selection has one. */
  target: SheetRange;
  /** The result's headers, on the target's first row when the selection has a header row. */
  header: CellValue[] | null;
  /** The result's columns, one value per data row: written as they are, under the header. */
  columns: readonly (readonly CellValue[])[];
  /** Colours of the tier column's data cells. */
  fills: TierFills;
  /** Tier, customers, shares, value and action per tier, one empty column right of the result, from its top row. */
  legend: { target: SheetRange; values: CellValue[][]; fills: TierFills };
  /** Number formats of the result columns that have one (their data cells). */
  numberFormats: NumberFormats[];
  /** Every range this output occupies: what a re-run may clear as ours. */
  owned: SheetRange[];
}

/**
 * Where and what a segmentation writes, as plain data: the result columns right of the selection, a legend one
 * column further right, and colours as ONE conditional-format rule per tier, e.g. =J2="Champions" on J2:J2358
 * (column absolute, row relative to the range's top-left cell; quotes in a name doubled, as Excel escapes them).
 * Rules keep the colours right when a value is edited and need no add-in to show, and formatting costs one call
 * per tier whatever the number of rows. Shares are written as percentages rounded to one decimal, values to cents.
 * @example planSegmentationOutput({ sheet: "S", row: 0, column: 0, rowCount: 2358, columnCount: 6 }, true, rfmResult).fills.rules[0].formula // '=J2="Champions"'
 */
export function planSegmentationOutput(
  selection: SheetRange,
  hasHeader: boolean,
  result: SegmentationResult,
  options: PlanOptions = {}
): SegmentationPlan {
  const headerRows = hasHeader ? 1 : 0;
  const dataRows = selection.rowCount - headerRows;
  const columns = result.columns;
  if (dataRows < 1) throw valueError("The selection has no data rows to segment.");
  for (const column of columns) {
    if (column.values.length !== dataRows)
      throw valueError(
        `The result has ${column.values.length} rows but the selection ${dataRows} data rows: segment the same selection again.`
      );
  }
  const target: SheetRange = {
    sheet: selection.sheet,
    row: selection.row,
    column: options.column ?? selection.column + selection.columnCount,
    rowCount: selection.rowCount,
    columnCount: columns.length,
  };
  const legendTarget: SheetRange = {
    sheet: selection.sheet,
    row: selection.row,
    column: target.column + Math.max(target.columnCount, options.legendAfter ?? 0) + 1,
    rowCount: 1 + result.tiers.length,
    columnCount: LEGEND_COLUMNS,
  };
  if (legendTarget.column + legendTarget.columnCount > SHEET_COLUMNS)
    throw valueError("There is no room right of the selection for the result and its legend.");
  if (legendTarget.row + legendTarget.rowCount > SHEET_ROWS)
    throw valueError("There is no room below the selection's first row for the legend.");

  const palette = tierPalette(result.tiers.length);
  const labels = result.tiers.map((tier) => tier.label);
  const tierCells: SheetRange = {
    sheet: selection.sheet,
    row: selection.row + headerRows,
    column: target.column + result.tierColumn,
    rowCount: dataRows,
    columnCount: 1,
  };
  const legendCells: SheetRange = {
    sheet: selection.sheet,
    row: legendTarget.row + 1,
    column: legendTarget.column,
    rowCount: result.tiers.length,
    columnCount: 1,
  };

  const headers = { ...DEFAULT_LEGEND_HEADERS, ...options.legendHeaders };
  const translate = options.translate ?? ((key: string) => key);
  const legendValues: CellValue[][] = [
    [
      columns[result.tierColumn].header,
      headers.customers,
      headers.shareOfCustomers,
      headers.value,
      headers.shareOfValue,
      headers.action,
    ],
    ...result.tiers.map((tier) => [
      tier.label,
      tier.customers,
      percent(tier.shareOfCustomers),
      Math.round(tier.value * 100) / 100,
      percent(tier.shareOfValue),
      translate(tier.action),
    ]),
  ];

  const numberFormats: NumberFormats[] = columns.flatMap((column, j) =>
    column.numberFormat === undefined
      ? []
      : [
          {
            sheet: selection.sheet,
            areas: [
              { row: tierCells.row, column: target.column + j, rowCount: dataRows, columnCount: 1 },
            ],
            format: column.numberFormat,
          },
        ]
  );
  return {
    target,
    header: hasHeader ? columns.map((column) => column.header) : null,
    columns: columns.map((column) => column.values),
    numberFormats,
    fills: { range: tierCells, rules: tierRules(tierCells, labels, palette) },
    legend: {
      target: legendTarget,
      values: legendValues,
      fills: { range: legendCells, rules: tierRules(legendCells, labels, palette) },
    },
    owned: [target, legendTarget],
  };
}

/**
 * One rule per tier for a one-column range, =<column><first row>="<tier name>". The reference is relative both ways
 * so each cell tests itself: the same rules then colour every area they are given (the tier column and the legend's
 * in one RangeAreas). Excel compares text without regard to case, which is why tier names must differ beyond case.
 */
function tierRules(
  range: SheetRange,
  labels: readonly string[],
  palette: ReturnType<typeof tierPalette>
): ConditionalFill[] {
  const cell = `${columnLetters(range.column)}${range.row + 1}`;
  return labels.map((label, j) => {
    const formula = `=${cell}="${label.replace(/"/g, '""')}"`;
    if (formula.length > MAX_RULE_FORMULA)
      throw valueError(
        `The tier name ${JSON.stringify(label.slice(0, 40))}… is too long for an Excel colour rule.`
      );
    return { formula, fill: palette[j].fill, fontColor: palette[j].fontColor };
  });
}

function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}
