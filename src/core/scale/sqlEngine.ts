/**
 * The port through which the large-file path runs SQL: DuckDB in Node (the command line) and DuckDB-WASM (the task
 * pane) implement it, so both run the same statements. Values come back as plain JavaScript: whole numbers beyond
 * 2^53 do not occur in these statements' results, so 64-bit integers arrive as numbers; dates are cast to text or
 * day numbers in the SQL itself.
 */
export type SqlValue = number | string | boolean | null;

export interface SqlEngine {
  /** Runs one statement and returns its rows, each as an array in the statement's column order. */
  rows(sql: string): Promise<SqlValue[][]>;
  /**
   * Runs a statement whose columns are all numbers and returns them column by column: millions of rows without a
   * JavaScript array per row. NULL reads as NaN.
   */
  numberColumns(sql: string): Promise<Float64Array[]>;
  /** Runs a statement for its effect (CREATE, COPY, SET …); resolves to the rows it wrote (COPY, INSERT) or 0. */
  run(sql: string): Promise<number>;
}
