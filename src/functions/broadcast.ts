import { isBlank } from "../core/cells";
import { CvaError, isCvaError } from "../core/errors";
import { phrase } from "../core/messages/catalogue";
import { fromExcelCell, toExcelCell } from "./excelValues";
import { cellNumber, columnOf, Matrix, sameHeights, spill, Subject, subjectOf } from "./ranges";

/** One numeric argument of a scalar formula: its name in messages, and what a blank or omitted cell stands for. */
export interface NumberArg {
  what: Subject;
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
  const value = single === undefined ? undefined : computeRow(formula, single);
  if (typeof value === "number" && value - value === 0) return [[value]];
  if (isCvaError(value)) return [[toExcelCell(value)]];
  return spill(() => spillRows(formula, args));
}

/** The formula on one row's values: its number, or the CvaError it threw; undefined for anything else (a bug). */
function computeRow(formula: ScalarFormula, values: number[]): number | CvaError | undefined {
  try {
    return formula.compute(values);
  } catch (error) {
    return isCvaError(error) ? error : undefined;
  }
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

function spillRows(formula: ScalarFormula, args: readonly unknown[]): unknown[][] {
  const specs = formula.args;
  const given = specs.flatMap((spec, k) =>
    args[k] === undefined || args[k] === null
      ? []
      : [{ spec, column: columnOf(args[k], spec.what) }]
  );
  const columns: (Matrix | undefined)[] = specs.map(
    (spec) => given.find((g) => g.spec === spec)?.column
  );
  const heights = given.map((g) => g.column.length);
  const rowCount = Math.max(1, ...heights);
  const spilled = given.filter((g) => g.column.length !== 1);
  sameHeights(
    spilled.map((g) => g.spec.what),
    spilled.map((g) => g.column.length)
  );
  const out = new Array<unknown[]>(rowCount);
  const values = new Array<number>(columns.length);
  for (let r = 0; r < rowCount; r++) {
    if (isBlankRow(columns, r)) {
      out[r] = [""];
      continue;
    }
    try {
      out[r] = [formula.compute(readRow(columns, specs, r, values, rowCount > 1))];
    } catch (error) {
      if (!isCvaError(error)) throw error;
      out[r] = [error];
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
    if (typeof cell === "number" && cell - cell === 0) values[k] = cell;
    else if (fallback !== undefined && (cell === undefined || cell === null || cell === ""))
      values[k] = fallback;
    else
      values[k] = cellNumber(
        cell,
        named ? phrase("term.inRow", { what: subjectOf(specs[k].what), row: r + 1 }) : specs[k].what
      );
  }
  return values;
}
