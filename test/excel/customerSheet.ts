import type { CellValue } from "../../src/core/cells";

/** Excel's row limit. */
export const EXCEL_ROWS = 1_048_576;

/** A customer table as exported from a CRM: fixed-width id, recency, frequency, monetary, with a header row. */
export const customerCell = (row: number, column: number): CellValue => {
  if (row === 0) return ["Customer", "Recency", "Frequency", "Monetary"][column] ?? "";
  const spend = 5 + ((row * 7919) % 499_500) / 100;
  return (
    [`C${String(row).padStart(7, "0")}`, (row * 31) % 730, 1 + (row % 17), spend][column] ?? ""
  );
};

/** The Excel enums the Office.js layer reads, as Office.js would define them. */
export function installExcelGlobals(): void {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SpecialCellType: { visible: "Visible" },
  };
}
