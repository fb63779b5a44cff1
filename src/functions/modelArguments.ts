// Reading the model functions' arguments: customer columns, parameter rows or details blocks, units.
import { isBlank } from "../core/cells";
import { CvaError, cvaError, isCvaError } from "../core/errors";
import { phrase } from "../core/messages/catalogue";
import type { GammaGammaParams } from "../core/models/gammaGamma";
import { inRow } from "../core/models/groupedSample";
import {
  checkedSpendParams,
  checkedTransactionParams,
  type ModelBlock,
  parseModelBlock,
} from "../core/models/parameterRow";
import type { DataUnit } from "../core/models/predictiveClv";
import type { TransactionModelParams } from "../core/models/registry";
import { fromExcelCell } from "./excelValues";
import {
  type ColumnSource,
  columnOf,
  matrixOf,
  numericRows,
  optionalCell,
  type Subject,
} from "./ranges";

// The columns' names in messages ("Frequency in row 3 must be a number"); T keeps its parameter name.
export const FREQUENCY = phrase("term.frequency");
export const RECENCY = phrase("term.recency");
export const MONETARY = phrase("term.monetary");

const DATA_UNITS: readonly DataUnit[] = ["D", "W", "M"];

/**
 * A single cell among columns stands for every row, as in CVA.PALIVE: one T (everyone observed to the same date)
 * or one monetary value beside columns of customers.
 */
export function spreadSingleCells(sources: ColumnSource[]): ColumnSource[] {
  const rowCount = Math.max(...sources.map((source) => source.rows.length));
  return sources.map((source) =>
    source.rows.length === 1 && rowCount > 1
      ? { ...source, rows: new Array<readonly unknown[]>(rowCount).fill(source.rows[0]) }
      : source
  );
}

export function columnSource(arg: unknown, what: Subject): ColumnSource {
  return { rows: columnOf(arg, what), column: 0, what };
}

/**
 * The columns a model is fitted on. Every customer counts, so the first bad row fails the whole call, named by its
 * row in the range (blank rows are skipped, which is why rows are checked here and not by the engine).
 */
export function fittingColumns(
  sources: readonly ColumnSource[],
  invalid: (columns: Float64Array[], i: number) => CvaError | null
): Float64Array[] {
  const rows = numericRows(sources);
  for (let r = 0; r < rows.rowCount; r++) {
    const i = rows.index[r];
    const error = i < 0 ? rows.rowErrors.get(r) : invalid(rows.columns, i);
    if (!error) continue;
    throw i < 0 ? error : inRow(r + 1, error);
  }
  return rows.columns;
}

/**
 * A parameter row as a fit returned it, or a fit's whole details block; an error in it (a failed fit upstream) is
 * passed on as it is.
 */
export function modelBlock(arg: unknown, what: string): ModelBlock {
  const rows = matrixOf(arg, what).map((row) => row.map(fromExcelCell));
  const error = rows.flat().find(isCvaError);
  if (error) throw error;
  return parseModelBlock(rows);
}

export function transactionParams(arg: unknown): TransactionModelParams {
  return checkedTransactionParams(modelBlock(arg, "modelParams").params);
}

export function spendParams(arg: unknown): GammaGammaParams {
  return checkedSpendParams(modelBlock(arg, "ggParams").params);
}

/** An omitted optional range argument: nothing, or a single blank cell. */
export function isOmitted(arg: unknown): boolean {
  if (arg === undefined || arg === null) return true;
  const rows = matrixOf(arg, "count");
  return rows.length === 1 && rows[0].length === 1 && isBlank(fromExcelCell(rows[0][0]));
}

/** An optional TRUE/FALSE argument (1/0 accepted, as Excel does); blank or omitted is FALSE. */
export function flag(arg: unknown, what: string): boolean {
  const cell = optionalCell(arg, what);
  if (cell === undefined) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  throw cvaError("model.notFlag", { what, value: cell as string });
}

export function dataUnitOf(arg: unknown): DataUnit {
  const cell = optionalCell(arg, "dataUnit");
  if (cell === undefined) return "D";
  const unit = DATA_UNITS.find((u) => u === String(cell).trim().toUpperCase());
  if (unit === undefined)
    throw cvaError("model.dataUnit", { value: cell as string | number | boolean });
  return unit;
}
