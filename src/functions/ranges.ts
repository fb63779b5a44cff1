import { CellValue, isBlank } from "../core/cells";
import { CvaError, cvaError, heldError, isCvaError } from "../core/errors";
import { Message, phrase } from "../core/messages/catalogue";
import { scratchFloat64, scratchInt32, withScratch } from "../core/stats/scratch";
import { fromExcelCell, toExcelCell, toExcelError } from "./excelValues";

/**
 * Reading range arguments the way Excel hands them (rows × columns of raw values) without first copying a
 * 1,048,576-row column cell by cell: numbers are read in place and only other cells go through fromExcelCell.
 */
export type Matrix = readonly (readonly unknown[])[];

/**
 * What a message says an argument or cell is: a phrase from the catalogue ("Gross margin", "Recency in row 3"), or
 * an argument's parameter name ("customerIds"), which Excel shows as it is in every language.
 */
export type Subject = Message | string;

export function subjectOf(what: Subject): Message {
  return typeof what === "string" ? phrase("term.argument", { name: what }) : what;
}

/** An argument as rows × columns: a single value is a 1×1 range. Empty or ragged ranges are refused. */
export function matrixOf(arg: unknown, what: Subject): Matrix {
  if (!Array.isArray(arg)) return [[arg]];
  if (isRectangular(arg)) return arg as Matrix;
  const rows = arg.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows.length === 0 ? 0 : rows[0].length;
  if (width === 0) throw cvaError("range.empty", { what: subjectOf(what) });
  for (const row of rows)
    if (row.length !== width) throw cvaError("range.notRectangular", { what: subjectOf(what) });
  return rows;
}

/** What Excel hands over for a range: rows, all arrays of one non-zero width. Taken as it is, not copied. */
function isRectangular(arg: readonly unknown[]): boolean {
  if (arg.length === 0 || !Array.isArray(arg[0]) || arg[0].length === 0) return false;
  const width = arg[0].length;
  for (let r = 1; r < arg.length; r++) {
    const row = arg[r];
    if (!Array.isArray(row) || row.length !== width) return false;
  }
  return true;
}

/** A single-column argument (a single value counts as a column of one). */
export function columnOf(arg: unknown, what: Subject): Matrix {
  const rows = matrixOf(arg, what);
  if (rows[0].length !== 1)
    throw cvaError("range.notColumn", { what: subjectOf(what), columns: rows[0].length });
  return rows;
}

/**
 * A column argument's rows as Excel hands them, taken in place for a loop that reads every cell with cellInColumn:
 * checking the whole column first would be a pass over every row of its own. Only the first row is checked here (an
 * empty range, or one more than a column wide, is refused as columnOf refuses it); cellInColumn checks the others as
 * it reads them.
 */
export function columnInPlace(arg: unknown, what: Subject): readonly unknown[] {
  if (!Array.isArray(arg)) return [arg];
  return arg.length > 0 && isOneCell(arg[0]) ? arg : columnOf(arg, what);
}

/** Row `row` of a column taken by columnInPlace, as an engine cell; a row of another width is refused. */
export function cellInColumn(column: readonly unknown[], row: number, what: Subject): CellValue {
  const cells = column[row];
  if (isOneCell(cells)) return cellAt(Array.isArray(cells) ? cells[0] : cells);
  throw cvaError("range.notRectangular", { what: subjectOf(what) });
}

/** A row of one cell: a one-element array, or a bare value (a plain list, where each value is a row). */
function isOneCell(row: unknown): boolean {
  return !Array.isArray(row) || row.length === 1;
}

/** A cell as the engine reads it: numbers and text as they are, Excel's error values as CvaErrors. */
export function cellAt(value: unknown): CellValue {
  return typeof value === "object" && value !== null ? fromExcelCell(value) : (value as CellValue);
}

/** A one-row or one-column argument as a flat list, e.g. cutoffs typed as {0.2,0.5} or held in A1:A2. */
export function listOf(arg: unknown, what: Subject): CellValue[] {
  const rows = matrixOf(arg, what);
  if (rows.length > 1 && rows[0].length > 1)
    throw cvaError("range.notList", { what: subjectOf(what) });
  return rows.flat().map(fromExcelCell);
}

/** Reads a cell that must be a finite number; the error names the cell's role so the user can find it. */
export function cellNumber(value: unknown, what: Subject): number {
  if (typeof value === "number" && value - value === 0) return value;
  throw cellError(value, what);
}

/** Why a cell is not a finite number. */
function cellError(value: unknown, what: Subject): CvaError {
  const cell = fromExcelCell(value);
  if (isCvaError(cell)) return cell;
  if (isBlank(cell)) return cvaError("cell.blank", { what: subjectOf(what) });
  if (typeof cell === "number") return cvaError("cell.notFinite", { what: subjectOf(what) });
  return cvaError("cell.notNumber", { what: subjectOf(what), value: cell });
}

/** Like cellNumber, but a blank or omitted cell stands for the argument's default. */
export function cellNumberOr(value: unknown, what: Subject, fallback: number): number {
  return value === undefined || value === null || value === "" ? fallback : cellNumber(value, what);
}

/** An optional argument: omitted or blank gives undefined (the caller's default); a range must be one cell. */
export function optionalCell(arg: unknown, what: Subject): unknown {
  if (arg === undefined || arg === null) return undefined;
  const rows = matrixOf(arg, what);
  if (rows.length !== 1 || rows[0].length !== 1)
    throw cvaError("range.notSingle", { what: subjectOf(what) });
  const cell = fromExcelCell(rows[0][0]);
  if (isCvaError(cell)) throw cell;
  return isBlank(cell) ? undefined : cell;
}

/** An optional text choice, case-insensitive, from a fixed list. */
export function optionalChoice<T extends string>(
  arg: unknown,
  what: Subject,
  choices: readonly T[],
  fallback: T
): T {
  const cell = optionalCell(arg, what);
  if (cell === undefined) return fallback;
  const text = String(cell).trim().toLowerCase();
  const choice = choices.find((c) => c === text);
  if (choice === undefined)
    throw cvaError("option.unknown", {
      what: subjectOf(what),
      choices: choices.map((c) => `"${c}"`).join(", "),
      value: cell as string | number | boolean,
    });
  return choice;
}

/**
 * Numeric rows of one or more same-length columns (a population: RFM measures, values to tier, score measures).
 * A row where every cell is blank is a blank row; a row with a blank, text or error cell among numbers gets its own
 * error; the other rows' numbers are packed into typed arrays for the engine, `index` mapping rows to them.
 */
export interface NumericRows {
  rowCount: number;
  /** Per row: its position in `columns`, or −1 for a blank row or a row with an error. */
  index: Int32Array;
  rowErrors: Map<number, CvaError>;
  /** One typed array per column, holding the valid rows only: scratch, valid until the call returns. */
  columns: Float64Array[];
}

export interface ColumnSource {
  rows: Matrix;
  column: number;
  what: Subject;
}

/** The ranges of one call must be equally tall; the error lists each one's height. */
export function sameHeights(whats: readonly Subject[], heights: readonly number[]): void {
  if (heights.every((h) => h === heights[0])) return;
  throw cvaError("range.rowCounts", {
    sizes: whats.map((what, k) =>
      phrase("range.rowCount", { what: subjectOf(what), rows: heights[k] })
    ),
  });
}

export function numericRows(sources: readonly ColumnSource[]): NumericRows {
  const rowCount = sources[0].rows.length;
  sameHeights(
    sources.map((s) => s.what),
    sources.map((s) => s.rows.length)
  );
  // Column by column (tight loops), each row's cells that are not numbers are tallied in its index slot: the low
  // 16 bits count them, the high 16 bits the blanks among them.
  const index = scratchInt32(rowCount).fill(0);
  const full = sources.map(({ rows, column }) => {
    const values = scratchFloat64(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const value = rows[r][column];
      if (typeof value === "number" && value - value === 0) values[r] = value;
      else index[r] += value === null || value === undefined || value === "" ? 0x10001 : 1;
    }
    return values;
  });
  const rowErrors = new Map<number, CvaError>();
  let valid = 0;
  for (let r = 0; r < rowCount; r++) {
    const tally = index[r];
    if (tally === 0) {
      if (valid !== r) for (const values of full) values[valid] = values[r];
      index[r] = valid++;
      continue;
    }
    index[r] = -1;
    if (tally >>> 16 !== sources.length) rowErrors.set(r, rowError(sources, r));
  }
  return { rowCount, index, rowErrors, columns: full.map((column) => column.subarray(0, valid)) };
}

/**
 * The rows whose value in `column` fails `keep` become rows with their own error (`errorOf`), the rest re-packed: a
 * rule on the numbers themselves (e.g. no negative value to share) fails those rows, never the whole column.
 */
export function refuseRows(
  rows: NumericRows,
  column: number,
  keep: (value: number) => boolean,
  errorOf: (value: number) => CvaError
): NumericRows {
  const values = rows.columns[column];
  let valid = 0;
  for (let r = 0; r < rows.rowCount; r++) {
    const i = rows.index[r];
    if (i < 0) continue;
    if (!keep(values[i])) {
      rows.rowErrors.set(r, errorOf(values[i]));
      rows.index[r] = -1;
      continue;
    }
    if (valid !== i) for (const packed of rows.columns) packed[valid] = packed[i];
    rows.index[r] = valid++;
  }
  return { ...rows, columns: rows.columns.map((packed) => packed.subarray(0, valid)) };
}

/** The error of a row with a cell that is not a number: the first such cell's, named with its row. */
function rowError(sources: readonly ColumnSource[], r: number): CvaError {
  const bad = sources.find(({ rows, column }) => {
    const value = rows[r][column];
    return !(typeof value === "number" && value - value === 0);
  }) as ColumnSource;
  const what = phrase("term.inRow", { what: subjectOf(bad.what), row: r + 1 });
  const cell = fromExcelCell(bad.rows[r][bad.column]);
  return isCvaError(cell) ? heldError(what, cell) : cellError(cell, what);
}

/**
 * Spills per-row results `width` cells wide: blank rows stay blank, rows with an error repeat it across the row, the
 * others come from `cellsOf` (given the row's position in the packed columns).
 */
export function spillNumericRows(
  rows: NumericRows,
  width: number,
  cellsOf: (i: number) => unknown[]
): unknown[][] {
  const out = new Array<unknown[]>(rows.rowCount);
  for (let r = 0; r < rows.rowCount; r++) {
    const i = rows.index[r];
    out[r] = i >= 0 ? cellsOf(i) : new Array<unknown>(width).fill(rows.rowErrors.get(r) ?? "");
  }
  return out;
}

/**
 * One shared row per distinct key below `keys`. Population spills repeat a few values (tier labels, RFM codes) over
 * up to a million rows and Excel reads the result by value, so they cost a few arrays rather than a million, whose
 * allocation would take longer than the scoring.
 * @example const rowOf = sharedRows(3, (tier) => [labels[tier]]); rowOf(0) === rowOf(0) // true
 */
export function sharedRows(
  keys: number,
  build: (key: number) => unknown[]
): (key: number) => unknown[] {
  const rows = new Array<unknown[] | undefined>(keys).fill(undefined);
  return (key) => (rows[key] ??= build(key));
}

/**
 * Runs an adapter body and returns its result as Excel gets it, never throwing: every cell passes toExcelCell, the
 * one output guard; a whole-call CvaError becomes a single error cell (a 1×1 spill, so every function returns the
 * type its metadata declares); anything unexpected becomes #VALUE! with the reason.
 */
export function spill(compute: () => unknown[][]): any[][] {
  let rows: unknown[][];
  try {
    rows = withScratch(compute);
  } catch (error) {
    return [[toExcelError(isCvaError(error) ? error : unexpected(error))]];
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "number" ? value - value !== 0 : typeof value !== "string")
        row[c] = toExcelCell(value);
    }
  }
  return rows;
}

function unexpected(error: unknown): CvaError {
  return cvaError("result.unexpected", {
    detail: error instanceof Error ? error.message : String(error),
  });
}
