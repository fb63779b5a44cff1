import type { CellValue } from "../cells";
import type { ValueKind } from "./columnChecks";
import { QualityReport, qualityReport } from "./prepareCustomers";

export interface TableColumns {
  hasHeader: boolean;
  /** Sheet row (0-based) of rows[0], for the report's row numbers. */
  firstRow?: number;
  customer?: number;
  /** What each mapped column holds (columnKinds). */
  kinds: ReadonlyMap<number, ValueKind>;
  asOfDate?: number;
}

/**
 * Every mapped column of a table checked by its kind's rule, whichever method runs: what the data-quality report
 * lists, each finding then marked by how the chosen method treats it (left out when the method reads the column,
 * kept when it does not). Null when no column besides the id is mapped.
 * @example checkTable([["a", -1, 3]], { hasHeader: false, customer: 0, kinds: new Map([[1, "amount"]]) })?.skipped[0].reason // "negative"
 */
export function checkTable(
  rows: readonly (readonly CellValue[])[],
  table: TableColumns
): QualityReport | null {
  if (table.kinds.size === 0) return null;
  // Columns in sheet order, as methods read theirs, so a method that read the same columns lends its report.
  return qualityReport(rows, {
    hasHeader: table.hasHeader,
    firstRow: table.firstRow,
    customer: table.customer,
    measures: [...table.kinds]
      .sort(([a], [b]) => a - b)
      .map(([column, kind]) => ({ column, kind })),
    asOfDate: table.asOfDate,
  });
}
