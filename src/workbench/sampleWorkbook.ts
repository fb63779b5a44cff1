import type { CellValue } from "../core/cells";
import Papa from "papaparse";
import { BAD_DATA_ROWS } from "./badDataSheet";
import { MemoryWorkbook } from "./memoryWorkbook";
import customersCsv from "./sample/cdnow-customers.csv";
import transactionsCsv from "./sample/cdnow-transactions.csv";

function parseCsv(text: string): CellValue[][] {
  const parsed = Papa.parse<CellValue[]>(text.trim(), {
    dynamicTyping: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) =>
    row.map((value) => (value === undefined || value === "" ? null : value))
  );
}

/**
 * The bundled CDNOW sample: a customer sheet (what the pane segments) and the transactions it came from, plus a
 * small sheet of bad data for the quality report.
 */
export function createSampleWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook({
    Customers: parseCsv(customersCsv),
    Transactions: parseCsv(transactionsCsv),
    "Bad data": BAD_DATA_ROWS.map((row) => [...row]),
  });
  workbook.formatAsDate("Customers", 1);
  workbook.formatAsDate("Customers", 2);
  workbook.formatAsDate("Transactions", 1);
  return workbook;
}
