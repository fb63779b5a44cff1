import { CellValue, isBlank } from "../core/cells";
import { CvaError, isCvaError, numError, valueError } from "../core/errors";
import { excelResult, fromExcelCell, toExcelCell } from "./excelValues";

/**
 * Reading range arguments the way Excel hands them (rows × columns of raw values) without first copying a
 * 1,048,576-row column cell by cell: numbers are read in place and only other cells go through fromExcelCell.
 */
export type Matrix = readonly (readonly unknown[])[];

/** An argument as rows × columns: a single value is a 1×1 range. Empty or ragged ranges are refused. */
export function matrixOf(arg: unknown, what: string): Matrix {
  if (!Array.isArray(arg)) return [[arg]];
  if (isRectangular(arg)) return arg as Matrix;
  const rows = arg.map((row) => (Array.isArray(row) ? row : [row]));
  const width = rows.length === 0 ? 0 : rows[0].length;
  if (width === 0) throw valueError(`${what} is an empty range.`);
  for (const row of rows)
    if (row.length !== width) throw valueError(`${what} is not a rectangular range.`);
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
export function columnOf(arg: unknown, what: string): Matrix {
  const rows = matrixOf(arg, what);
  if (rows[0].length !== 1)
    throw valueError(`${what} must be a single column, got ${rows[0].length} columns.`);
  return rows;
}

/** A one-row or one-column argument as a flat list, e.g. cutoffs typed as {0.2,0.5} or held in A1:A2. */
export function listOf(arg: unknown, what: string): CellValue[] {
  const rows = matrixOf(arg, what);
  if (rows.length > 1 && rows[0].length > 1)
    throw valueError(`${what} must be a single row or column.`);
  return rows.flat().map(fromExcelCell);
}

/** Reads a cell that must be a finite number; the error names the cell's role so the user can find it. */
export function cellNumber(value: unknown, what: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw numError(`${what} is not a finite number.`);
  }
  const cell = fromExcelCell(value);
  if (isCvaError(cell)) throw cell;
  if (isBlank(cell)) throw valueError(`${what} is blank.`);
  throw valueError(`${what} must be a number, got ${JSON.stringify(cell)}.`);
}

/** Like cellNumber, but a blank or omitted cell stands for the argument's default. */
export function cellNumberOr(value: unknown, what: string, fallback: number): number {
  return value === undefined || value === null || value === "" ? fallback : cellNumber(value, what);
}

/** An optional argument: omitted or blank gives undefined (the caller's default); a range must be one cell. */
export function optionalCell(arg: unknown, what: string): unknown {
  if (arg === undefined || arg === null) return undefined;
  const rows = matrixOf(arg, what);
  if (rows.length !== 1 || rows[0].length !== 1)
    throw valueError(`${what} must be a single value.`);
  const cell = fromExcelCell(rows[0][0]);
  if (isCvaError(cell)) throw cell;
  return isBlank(cell) ? undefined : cell;
}

/** An optional text choice, case-insensitive, from a fixed list. */
export function optionalChoice<T extends string>(
  arg: unknown,
  what: string,
  choices: readonly T[],
  fallback: T
): T {
  const cell = optionalCell(arg, what);
  if (cell === undefined) return fallback;
  const text = String(cell).trim().toLowerCase();
  const choice = choices.find((c) => c === text);
  if (choice === undefined)
    throw valueError(
      `${what} must be ${choices.map((c) => `"${c}"`).join(", ")}; got ${JSON.stringify(cell)}.`
    );
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
  /** One typed array per column, holding the valid rows only. */
  columns: Float64Array[];
}

export interface ColumnSource {
  rows: Matrix;
  column: number;
  what: string;
}

export function numericRows(sources: readonly ColumnSource[]): NumericRows {
  const rowCount = sources[0].rows.length;
  for (const source of sources) {
    if (source.rows.length !== rowCount)
      throw valueError(
        `The ranges must have the same number of rows: ${sources.map((s) => `${s.what} has ${s.rows.length}`).join(", ")}.`
      );
  }
  const index = new Int32Array(rowCount);
  const rowErrors = new Map<number, CvaError>();
  const full = sources.map(() => new Float64Array(rowCount));
  let valid = 0;
  for (let r = 0; r < rowCount; r++) {
    let numbers = 0;
    let blanks = 0;
    for (let c = 0; c < sources.length; c++) {
      const value = sources[c].rows[r][sources[c].column];
      if (typeof value === "number" && Number.isFinite(value)) {
        full[c][valid] = value;
        numbers++;
      } else if (value === null || value === undefined || value === "") {
        blanks++;
      }
    }
    if (numbers === sources.length) {
      index[r] = valid++;
      continue;
    }
    index[r] = -1;
    if (blanks === sources.length) continue;
    rowErrors.set(r, rowError(sources, r));
  }
  return { rowCount, index, rowErrors, columns: full.map((column) => column.subarray(0, valid)) };
}

function rowError(sources: readonly ColumnSource[], r: number): CvaError {
  for (const { rows, column, what } of sources) {
    const cell = fromExcelCell(rows[r][column]);
    if (isCvaError(cell))
      return new CvaError(cell.code, `${what} in row ${r + 1} holds an error: ${cell.message}`);
    try {
      cellNumber(cell, `${what} in row ${r + 1}`);
    } catch (error) {
      if (isCvaError(error)) return error;
      throw error;
    }
  }
  return valueError(`Row ${r + 1} could not be read.`);
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
    out[r] =
      i >= 0
        ? cellsOf(i)
        : new Array<unknown>(width).fill(toExcelCell(rows.rowErrors.get(r) ?? null));
  }
  return out;
}

/**
 * Runs an adapter body whose result spills. A whole-call failure (bad shape, bad option) comes back as a single
 * error cell, a 1×1 spill, so every function returns the type its metadata declares and never throws.
 */
export function spill(compute: () => unknown[][]): any[][] {
  const result = excelResult(compute);
  return Array.isArray(result) ? result : [[result]];
}
