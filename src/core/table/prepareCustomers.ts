import type { CellValue } from "../cells";
import { valueError } from "../errors";
import { FIRST_EXCEL_DATE, LAST_EXCEL_DATE, ValueKind, valueRange } from "./columnChecks";
import { isExcelErrorText } from "./excelErrorText";
import { repeatedIds } from "./repeatedIds";

/**
 * Why a row was left out: "blank" (a cell it needs is empty; a row empty in every cell used is listed too but is
 * no data problem), "text" (text or TRUE/FALSE where a number belongs, or TRUE/FALSE as a customer id), "negative"
 * (a measure that cannot be negative, like an amount), "duplicateId" (a later row of a customer already kept),
 * "error" (an Excel error value such as #N/A), "notDate" (a date before 1900-01-01 or after 9999-12-31) and
 * "afterAsOf" (a date after the as-of date). The rules per kind of value are columnChecks'.
 */
export type SkipReason =
  "blank" | "text" | "negative" | "duplicateId" | "error" | "notDate" | "afterAsOf";

export const SKIP_REASONS: readonly SkipReason[] = [
  "blank",
  "text",
  "negative",
  "duplicateId",
  "error",
  "notDate",
  "afterAsOf",
];

export interface SkippedRow {
  /** The row number Excel shows (1-based). */
  sheetRow: number;
  /** Index into the rows given (0 = the selection's first row). */
  index: number;
  reason: SkipReason;
  /** The column (index into a row) at fault; null when the row is blank in every column used. */
  column: number | null;
  /** For a duplicate id: the sheet row of the customer's row that is kept. */
  repeats?: number;
}

export interface QualityReport {
  /** Rows below the header. */
  dataRows: number;
  kept: number;
  skipped: SkippedRow[];
  /** Skipped rows per reason; blank rows are counted under "blank". */
  counts: Record<SkipReason, number>;
  /** Rows blank in every column used: they get blank results and are not data problems. */
  blankRows: number;
}

export interface MeasureColumn {
  column: number;
  /** What the column holds, hence the numbers it accepts (columnChecks); default "measure", any finite number. */
  kind?: ValueKind;
}

export interface PrepareOptions {
  hasHeader: boolean;
  /** Sheet row (0-based) of rows[0], for the report's row numbers. */
  firstRow?: number;
  customer?: number;
  /** Keep only the first row of each customer id (a customer table); false for transactions. Default true. */
  uniqueCustomers?: boolean;
  measures: readonly MeasureColumn[];
  /** Excel serial date: dates after its day are left out ("afterAsOf"). */
  asOfDate?: number;
}

export interface PreparedCustomers {
  /** One column per measure, in the order asked, over the kept rows. */
  values: Float64Array[];
  /** Index into the rows given (0 = the selection's first row) of each kept row, ascending. */
  rows: Uint32Array;
  quality: QualityReport;
}

/** Problem codes per row while reading: 0 = none, else 1 + the reason's index in SKIP_REASONS. */
const BLANK = 1;
const TEXT = 2;
const NEGATIVE = 3;
const DUPLICATE = 4;
const ERROR = 5;
const NOT_DATE = 6;
const AFTER_AS_OF = 7;

/**
 * Reads the measures a method needs from a selection into typed columns, leaving out the rows it cannot use and
 * saying why, with the row numbers Excel shows. A row is judged by the first problem found, customer id first, then
 * each measure in order; duplicates are judged last, so the first usable row of a customer is the one kept.
 * Numeric text ("12") is refused like any text, as toNumber does: it usually means a column imported as text.
 *
 * The rows are read a column at a time, each by a small loop that sees one kind of check: a million rows then cost
 * well under 100 ms, where one loop doing every check for every row proved too varied for V8 to keep optimised.
 * @example prepareCustomers([["Id", "Spend"], ["a", 5], ["b", "n/a"]], { hasHeader: true, customer: 0, measures: [{ column: 1 }] }).quality.skipped // [{ sheetRow: 3, index: 2, reason: "text", column: 1 }]
 */
export function prepareCustomers(
  rows: readonly (readonly CellValue[])[],
  options: PrepareOptions
): PreparedCustomers {
  const { measures, customer } = options;
  if (measures.length === 0) throw valueError("Choose at least one measure column.");
  const start = options.hasHeader ? 1 : 0;
  const dataRows = Math.max(0, rows.length - start);
  const problems: RowProblems = {
    code: new Uint8Array(dataRows),
    column: new Int32Array(dataRows),
  };
  if (customer !== undefined) checkIds(rows, start, customer, problems);
  const values = measures.map((measure) =>
    readMeasure(rows, start, measure, options.asOfDate, problems)
  );
  if (customer !== undefined && options.uniqueCustomers !== false)
    markDuplicates(rows, start, customer, problems);

  const kept = new Uint32Array(dataRows);
  let n = 0;
  for (let p = 0; p < dataRows; p++) {
    if (problems.code[p] !== 0) continue;
    for (const column of values) column[n] = column[p];
    kept[n++] = start + p;
  }
  const used =
    customer === undefined
      ? measures.map((measure) => measure.column)
      : [customer, ...measures.map((measure) => measure.column)];
  const quality = report(rows, start, options.firstRow ?? 0, used, problems);
  quality.kept = n;
  if (customer !== undefined && quality.counts.duplicateId > 0)
    namesKeptRows(rows, customer, kept.subarray(0, n), options.firstRow ?? 0, quality);
  lastReports.set(rows, { key: optionsKey(options), quality });
  // Views, not copies: another 8 MB per column would cost more in garbage collection than the unused tail wastes.
  return {
    values: values.map((column) => column.subarray(0, n)),
    rows: kept.subarray(0, n),
    quality,
  };
}

/** Per data row (index = row − header rows): the first problem's code and column. */
interface RowProblems {
  code: Uint8Array;
  column: Int32Array;
}

function flag(problems: RowProblems, p: number, code: number, column: number): void {
  if (problems.code[p] !== 0) return;
  problems.code[p] = code;
  problems.column[p] = column;
}

/** Ids are numbers or text; the common id (a number, or text starting with a visible character other than "#") passes on type tests alone. */
function checkIds(
  rows: readonly (readonly CellValue[])[],
  start: number,
  column: number,
  problems: RowProblems
): void {
  for (let i = start; i < rows.length; i++) {
    const id = rows[i][column];
    if (
      typeof id === "number" ||
      (typeof id === "string" && id.charCodeAt(0) > 32 && id.charCodeAt(0) !== 35)
    )
      continue;
    const code = isBlankCell(id)
      ? BLANK
      : isExcelErrorText(id)
        ? ERROR
        : typeof id === "boolean"
          ? TEXT
          : 0;
    if (code !== 0) flag(problems, i - start, code, column);
  }
}

function readMeasure(
  rows: readonly (readonly CellValue[])[],
  start: number,
  measure: MeasureColumn,
  asOfDate: number | undefined,
  problems: RowProblems
): Float64Array {
  const { column } = measure;
  const kind = measure.kind ?? "measure";
  const { lowest, end } = valueRange(kind, asOfDate);
  const values = new Float64Array(Math.max(0, rows.length - start));
  for (let i = start; i < rows.length; i++) {
    const cell = rows[i][column];
    if (typeof cell === "number" && cell >= lowest && cell < end) values[i - start] = cell;
    else flag(problems, i - start, cellProblem(cell, kind), column);
  }
  return values;
}

/**
 * The last report made on each rows array: the pane checks a table's mapped columns right after a method read the
 * same ones (a million rows take a few hundred milliseconds to check), so the check reuses the method's report.
 */
const lastReports = new WeakMap<
  readonly (readonly CellValue[])[],
  { key: string; quality: QualityReport }
>();

function optionsKey(options: PrepareOptions): string {
  const { hasHeader, firstRow, customer, uniqueCustomers, measures, asOfDate } = options;
  return JSON.stringify([hasHeader, firstRow, customer, uniqueCustomers, measures, asOfDate]);
}

/**
 * prepareCustomers' report alone, taken from the last preparation of the same rows with the same options when there
 * is one. Rows are read once and never changed in place (a new read is a new array), so the report still holds.
 */
export function qualityReport(
  rows: readonly (readonly CellValue[])[],
  options: PrepareOptions
): QualityReport {
  const last = lastReports.get(rows);
  return last?.key === optionsKey(options) ? last.quality : prepareCustomers(rows, options).quality;
}

function cellProblem(cell: CellValue | undefined, kind: ValueKind): number {
  if (isBlankCell(cell)) return BLANK;
  if (isExcelErrorText(cell)) return ERROR;
  if (typeof cell !== "number") return TEXT;
  if (!Number.isFinite(cell)) return ERROR;
  if (kind !== "date") return NEGATIVE;
  return cell >= FIRST_EXCEL_DATE && cell <= LAST_EXCEL_DATE ? AFTER_AS_OF : NOT_DATE;
}

function markDuplicates(
  rows: readonly (readonly CellValue[])[],
  start: number,
  column: number,
  problems: RowProblems
): void {
  const usable = new Uint32Array(problems.code.length);
  let count = 0;
  for (let p = 0; p < problems.code.length; p++)
    if (problems.code[p] === 0) usable[count++] = start + p;
  const candidates = usable.subarray(0, count);
  const repeated = repeatedIds(candidates, (i) => rows[i][column] as string | number);
  for (let k = 0; k < count; k++)
    if (repeated[k] === 1) flag(problems, candidates[k] - start, DUPLICATE, column);
}

/** Gives each duplicate its kept row's sheet row (only run when there are duplicates). */
function namesKeptRows(
  rows: readonly (readonly CellValue[])[],
  customer: number,
  kept: Uint32Array,
  firstRow: number,
  quality: QualityReport
): void {
  const keptRow = new Map<CellValue, number>();
  for (const index of kept) keptRow.set(rows[index][customer], firstRow + index + 1);
  for (const row of quality.skipped)
    if (row.reason === "duplicateId") row.repeats = keptRow.get(rows[row.index][customer]);
}

/** The skipped rows in sheet order; a blank problem in a row blank in every column used is a blank row. */
function report(
  rows: readonly (readonly CellValue[])[],
  start: number,
  firstRow: number,
  used: readonly number[],
  problems: RowProblems
): QualityReport {
  const quality: QualityReport = {
    dataRows: problems.code.length,
    kept: 0,
    skipped: [],
    counts: Object.fromEntries(
      SKIP_REASONS.map((reason) => [reason, 0])
    ) as QualityReport["counts"],
    blankRows: 0,
  };
  for (let p = 0; p < problems.code.length; p++) {
    if (problems.code[p] === 0) continue;
    const reason = SKIP_REASONS[problems.code[p] - 1];
    const index = start + p;
    const blankRow = reason === "blank" && used.every((c) => isBlankCell(rows[index][c]));
    quality.skipped.push({
      sheetRow: firstRow + index + 1,
      index,
      reason,
      column: blankRow ? null : problems.column[p],
    });
    quality.counts[reason]++;
    if (blankRow) quality.blankRows++;
  }
  return quality;
}

function isBlankCell(cell: CellValue | undefined): boolean {
  return (
    cell === null ||
    cell === undefined ||
    (typeof cell === "string" && (cell === "" || (cell.charCodeAt(0) <= 32 && cell.trim() === "")))
  );
}
