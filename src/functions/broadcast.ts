import { isBlank } from "../core/cells";
import { isCvaError, valueError } from "../core/errors";
import { fromExcelCell, toExcelCell } from "./excelValues";
import { cellNumber, columnOf, Matrix } from "./ranges";

/** One numeric argument of a scalar formula: its name in messages, and what a blank or omitted cell stands for. */
export interface NumberArg {
  what: string;
  /** For optional arguments: the value a blank or omitted cell stands for. */
  fallback?: number;
}

/**
 * Runs a scalar formula row by row, as Excel users expect from =CVA.CLV(B2:B100, C2:C100, 12): every argument is a
 * single value (used for every row) or a single column, all columns have the same number of rows, and the result
 * spills one value per row. A row where every column argument is blank gives a blank; an error in a row (a bad
 * cell, or a CvaError from the formula) stays in that row.
 */
export function broadcastRows(args: readonly unknown[], specs: readonly NumberArg[], compute: (values: number[]) => number): unknown[][] {
  const columns: (Matrix | undefined)[] = args.map((arg, k) => (arg === undefined || arg === null ? undefined : columnOf(arg, specs[k].what)));
  const heights = columns.map((column) => column?.length ?? 1);
  const rowCount = Math.max(...heights);
  if (heights.some((h) => h !== 1 && h !== rowCount)) {
    throw valueError(`The ranges must have the same number of rows: ${specs.map((s, k) => `${s.what} has ${heights[k]}`).join(", ")}.`);
  }
  const out = new Array<unknown[]>(rowCount);
  const values = new Array<number>(columns.length);
  for (let r = 0; r < rowCount; r++) {
    try {
      out[r] = isBlankRow(columns, r) ? [""] : [toExcelCell(compute(readRow(columns, specs, r, values, rowCount > 1)))];
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

function readRow(columns: readonly (Matrix | undefined)[], specs: readonly NumberArg[], r: number, values: number[], named: boolean): number[] {
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k];
    const cell = column === undefined ? undefined : column[column.length === 1 ? 0 : r][0];
    const spec = specs[k];
    if (typeof cell === "number" && Number.isFinite(cell)) values[k] = cell;
    else if (spec.fallback !== undefined && (cell === undefined || cell === null || cell === "")) values[k] = spec.fallback;
    else values[k] = cellNumber(cell, named ? `${spec.what} in row ${r + 1}` : spec.what);
  }
  return values;
}
