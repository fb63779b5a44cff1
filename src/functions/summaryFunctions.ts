// From a transaction table to one row per customer (CVA.RFMSUMMARY).
import { CellValue } from "../core/cells";
import { cvaError } from "../core/errors";
import { rfmSummarySheet, TransactionCells } from "../core/summary/rfmSummary";
import {
  cellAt,
  cellInColumn,
  cellNumber,
  cellNumberOr,
  columnInPlace,
  columnOf,
  optionalCell,
  spill,
} from "./ranges";

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
    return rfmSummarySheet(
      rangeCells(customerIds, dates, amounts),
      asOf === undefined ? undefined : cellNumber(asOf, "asOfDate"),
      cellNumberOr(optionalCell(periodDays, "periodDays"), "periodDays", 1)
    ).rows;
  });
}

/**
 * The three column arguments as the summary reads them: each cell where Excel put it (a transaction log of tens of
 * thousands of rows is not copied first), Excel's error values read as CvaErrors.
 */
export function rangeCells(
  customerIds: unknown,
  dates: unknown,
  amounts: unknown
): TransactionCells {
  const ids = columnInPlace(customerIds, "customerIds");
  const days = columnInPlace(dates, "dates");
  const values = columnInPlace(amounts, "amounts");
  if (days.length !== ids.length || values.length !== ids.length)
    throw cvaError("summary.lengths", {
      ids: ids.length,
      dates: days.length,
      amounts: values.length,
    });
  return new RangeCells(ids, days, values);
}

/**
 * A class rather than closures: its methods are the same functions on every call, so V8 inlines them in the
 * summary's loop over the rows.
 */
class RangeCells implements TransactionCells {
  readonly length: number;

  constructor(
    private readonly ids: readonly unknown[],
    private readonly days: readonly unknown[],
    private readonly values: readonly unknown[]
  ) {
    this.length = ids.length;
  }

  customer(row: number): CellValue {
    return cellInColumn(this.ids, row, "customerIds");
  }

  date(row: number): CellValue {
    return cellInColumn(this.days, row, "dates");
  }

  amount(row: number): CellValue {
    return cellInColumn(this.values, row, "amounts");
  }
}

/** A single-column argument as engine cells, e.g. the columns of a transaction table; numbers and text as they are. */
export function cellsOf(arg: unknown, what: string): CellValue[] {
  const rows = columnOf(arg, what);
  const cells = new Array<CellValue>(rows.length);
  for (let i = 0; i < rows.length; i++) cells[i] = cellAt(rows[i][0]);
  return cells;
}
