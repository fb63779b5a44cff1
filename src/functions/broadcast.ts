import { CellValue, isBlank } from "../core/cells";
import { isCvaError, valueError } from "../core/errors";
import { excelResult, fromExcelCell, toExcelCell } from "./excelValues";
import { cellNumber, columnOf, Matrix } from "./ranges";

/** One numeric argument of a scalar formula: its name in messages, and what a blank or omitted cell stands for. */
export interface NumberArg {
  what: string;
  /** For optional arguments: the value a blank or omitted cell stands for. */
  fallback?: number;
}

/** A scalar engine formula with its arguments described, defined once per custom function. */
export interface ScalarFormula {
  args: readonly NumberArg[];
  compute: (values: number[]) => number;
}

/**
 * Runs a scalar formula row by row, as Excel users expect from =CVA.CLV(B2:B100, C2:C100, 12): every argument is a
 * single value (used for every row) or a single column, all columns have the same number of rows, and the result
 * spills one value per row. A row where every column argument is blank gives a blank; an error in a row (a bad
 * cell, or a CvaError from the formula) stays in that row. Never throws: a bad shape is a single error cell.
 */
export function broadcast(formula: ScalarFormula, args: readonly unknown[]): any[][] {
  const single = singleRow(formula.args, args);
  if (single !== undefined) {
    const value = guarded(formula.compute, single);
    return [
      [
        typeof value === "number" && value > -Infinity && value < Infinity
          ? value
          : toExcelCell(value),
      ],
    ];
  }
  const result = excelResult(() => spillRows(formula, args));
  return Array.isArray(result) ? result : [[result]];
}

/**
 * The common case, one formula per customer row (=CVA.CLV(B2, C2, D2) filled down), read without building columns:
 * the values when every argument is a number, a 1×1 range holding one, or an omitted optional; undefined otherwise.
 */
function singleRow(specs: readonly NumberArg[], args: readonly unknown[]): number[] | undefined {
  const values = new Array<number>(specs.length);
  for (let k = 0; k < specs.length; k++) {
    const arg = args[k];
    const cell = Array.isArray(arg)
      ? arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1
        ? arg[0][0]
        : undefined
      : arg;
    if (typeof cell === "number" && cell > -Infinity && cell < Infinity) values[k] = cell;
    else if ((arg === undefined || arg === null) && specs[k].fallback !== undefined)
      values[k] = specs[k].fallback as number;
    else return undefined;
  }
  return values;
}

function guarded(compute: (values: number[]) => number, values: number[]): CellValue {
  try {
    return compute(values);
  } catch (error) {
    if (isCvaError(error)) return error;
    throw error;
  }
}

function spillRows(formula: ScalarFormula, args: readonly unknown[]): unknown[][] {
  const specs = formula.args;
  const columns: (Matrix | undefined)[] = specs.map((spec, k) =>
    args[k] === undefined || args[k] === null ? undefined : columnOf(args[k], spec.what)
  );
  const heights = columns.map((column) => column?.length ?? 1);
  const rowCount = Math.max(...heights);
  if (heights.some((h) => h !== 1 && h !== rowCount)) {
    throw valueError(
      `The ranges must have the same number of rows: ${specs.map((s, k) => `${s.what} has ${heights[k]}`).join(", ")}.`
    );
  }
  const out = new Array<unknown[]>(rowCount);
  const values = new Array<number>(columns.length);
  for (let r = 0; r < rowCount; r++) {
    if (isBlankRow(columns, r)) {
      out[r] = [""];
      continue;
    }
    try {
      out[r] = [toExcelCell(formula.compute(readRow(columns, specs, r, values, rowCount > 1)))];
    } catch (error) {
      if (!isCvaError(error)) throw error;
      out[r] = [toExcelCell(error)];
    }
  }
  return out;
}

function isBlankRow(columns: readonly (Matrix | undefined)[], r: number): boolean {
  let spilled = 0;
  for (const column of columns) {
    if (column === undefined || column.length === 1) continue;
    spilled++;
    if (!isBlank(fromExcelCell(column[r][0]))) return false;
  }
  return spilled > 0;
}

function readRow(
  columns: readonly (Matrix | undefined)[],
  specs: readonly NumberArg[],
  r: number,
  values: number[],
  named: boolean
): number[] {
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k];
    const cell = column === undefined ? undefined : column[column.length === 1 ? 0 : r][0];
    const fallback = specs[k].fallback;
    if (typeof cell === "number" && Number.isFinite(cell)) values[k] = cell;
    else if (fallback !== undefined && (cell === undefined || cell === null || cell === ""))
      values[k] = fallback;
    else values[k] = cellNumber(cell, named ? `${specs[k].what} in row ${r + 1}` : specs[k].what);
  }
  return values;
}
