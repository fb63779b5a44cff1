import type { SqlValue } from "../../core/scale/sqlEngine";

/** What these functions read of an Arrow vector (DuckDB-WASM's results are apache-arrow tables). */
interface ArrowVector {
  readonly length: number;
  readonly nullCount: number;
  isValid(index: number): boolean;
  get(index: number): unknown;
  toArray(): ArrayLike<unknown>;
}

/** An Arrow table as DuckDB-WASM returns it: record batches of a few thousand rows each. */
export interface ArrowTable {
  readonly numRows: number;
  readonly numCols: number;
  readonly batches: readonly {
    readonly numRows: number;
    getChildAt(i: number): ArrowVector | null;
  }[];
}

/**
 * Each batch's column read whole (toArray: a typed array for numbers), nulls from the validity bitmap. Reading a
 * result row by row through the table (Table.getChildAt(c).get(r) on millions of rows in thousands of batches)
 * took minutes; this is linear. A type whose array is not one value per row (a decimal's words) is read by get.
 */
function forEachValue(
  table: ArrowTable,
  column: number,
  use: (row: number, value: unknown) => void
): void {
  let at = 0;
  for (const batch of table.batches) {
    const vector = batch.getChildAt(column);
    if (vector !== null) {
      const array = vector.toArray();
      const whole = array.length === batch.numRows;
      const nulls = vector.nullCount > 0;
      for (let k = 0; k < batch.numRows; k++)
        use(at + k, nulls && !vector.isValid(k) ? null : whole ? array[k] : vector.get(k));
    }
    at += batch.numRows;
  }
}

/** The table's columns as numbers; NULL (and anything not a number) reads as NaN. */
export function numberColumnsOf(table: ArrowTable): Float64Array[] {
  return Array.from({ length: table.numCols }, (_, c) => {
    const values = new Float64Array(table.numRows).fill(Number.NaN);
    forEachValue(table, c, (row, value) => {
      if (value !== null) values[row] = Number(value);
    });
    return values;
  });
}

/** The table as rows of plain values: numbers (64-bit integers too), strings, booleans or null. */
export function rowsOf(table: ArrowTable): SqlValue[][] {
  const rows: SqlValue[][] = Array.from({ length: table.numRows }, () => new Array(table.numCols));
  for (let c = 0; c < table.numCols; c++)
    forEachValue(table, c, (row, value) => {
      rows[row][c] = plainValue(value);
    });
  return rows;
}

function plainValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (typeof value === "bigint") return Number(value);
  return String(value);
}
