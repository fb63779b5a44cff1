// From a transaction table to one row per customer (CVA.RFMSUMMARY).
import { CellValue } from "../core/cells";
import {
  RFM_SUMMARY_HEADERS,
  rfmSummary as rfmSummaryOf,
  rfmSummaryRows,
} from "../core/summary/rfmSummary";
import { fromExcelCell } from "./excelValues";
import { cellNumber, cellNumberOr, columnOf, optionalCell, spill } from "./ranges";

/**
 * Summarises a transaction table into one row per customer, as lifetimes' summary_data_from_transaction_data: purchases are merged per period, frequency = repeat purchase periods, recency = last − first purchase, T = as-of date − first purchase (in periods of periodDays: days by default), monetary = mean spend of the repeat periods. Spills a header row, then per customer: customer, frequency, recency, T, monetary, orders, total, first purchase, last purchase.
 * @customfunction RFMSUMMARY
 * @param {any[][]} customerIds Customer id of each transaction (one column).
 * @param {number[][]} dates Date of each transaction, as Excel dates (not text; one column, same length).
 * @param {number[][]} amounts Amount of each transaction (one column, same length).
 * @param {number} [asOfDate] End of the observation period; later transactions are left out. Default: the latest transaction date.
 * @param {number} [periodDays] Days per period: 1 (the default) gives recency and T in days, 7 in weeks (Monday to Sunday).
 * @returns {any[][]} A header row, then one row per customer.
 */
export function rfmSummary(
  customerIds: any[][],
  dates: number[][],
  amounts: number[][],
  asOfDate?: number,
  periodDays?: number
): any[][] {
  return spill(() => {
    const asOf = optionalCell(asOfDate, "asOfDate");
    const summary = rfmSummaryOf(
      cellsOf(customerIds, "customerIds"),
      cellsOf(dates, "dates"),
      cellsOf(amounts, "amounts"),
      asOf === undefined ? undefined : cellNumber(asOf, "asOfDate"),
      cellNumberOr(optionalCell(periodDays, "periodDays"), "periodDays", 1)
    );
    return [[...RFM_SUMMARY_HEADERS], ...rfmSummaryRows(summary)];
  });
}

/** A single-column argument as engine cells, e.g. the columns of a transaction table; numbers and text as they are. */
export function cellsOf(arg: unknown, what: string): CellValue[] {
  const rows = columnOf(arg, what);
  const cells = new Array<CellValue>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][0];
    cells[i] =
      typeof value === "number" || typeof value === "string" ? value : fromExcelCell(value);
  }
  return cells;
}
