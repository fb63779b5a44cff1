import type { CellValue } from "../cells";
import { valueError } from "../errors";
import { rfmSummary } from "../summary/rfmSummary";
import { TRANSACTION_KINDS } from "./columnChecks";
import type { ColumnMapping } from "./detectColumns";
import { prepareCustomers, QualityReport } from "./prepareCustomers";

export interface TransactionColumns {
  customer: number;
  date: number;
  amount: number;
}

export interface SummariseOptions {
  hasHeader: boolean;
  /** Sheet row (0-based) of rows[0], for the report's row numbers. */
  firstRow?: number;
  /** Excel serial date the recency is counted to; default the latest purchase in the table. */
  asOfDate?: number;
}

export interface CustomerSummary {
  /** A customer table with a header row, ready to write to a sheet and segment like any other. */
  rows: CellValue[][];
  /** Where the summary's customer, recency, frequency and monetary columns are. */
  mapping: ColumnMapping;
  asOfDate: number;
  /** The transaction rows left out, and why (purchases dated after asOfDate among them, as "afterAsOf"). */
  quality: QualityReport;
  /** The row numbers Excel shows of the rows used whose amount is negative: refunds, netted into their day's spend. */
  refundRows: number[];
  /**
   * The transaction models' inputs per customer, in the order of the rows after the header, exactly as
   * CVA.RFMSUMMARY gives them: repeat purchase days, recency and T in days, mean spend of the repeat days.
   */
  modelInputs: { frequency: number[]; recency: number[]; T: number[]; monetary: number[] };
}

/** The same header as the workbench's sample customer sheet, so detectColumns reads the summary back as it is. */
export const CUSTOMER_SUMMARY_HEADER = [
  "Customer ID",
  "First purchase",
  "Last purchase",
  "Recency (days)",
  "Frequency",
  "Monetary",
] as const;
/** The summary's columns that hold dates (first and last purchase). */
export const SUMMARY_DATE_COLUMNS = [1, 2] as const;
const SUMMARY_MAPPING: ColumnMapping = {
  customer: 0,
  recency: 3,
  frequency: 4,
  monetary: 5,
  amount: 5,
};

/**
 * One row per customer from a transaction table (customer, date, amount), with the task pane's RFM definitions:
 *
 *   recency   = asOfDate − last purchase date, in days
 *   frequency = number of distinct purchase days (orders on one day count once)
 *   monetary  = total spend, refunds (negative amounts) netted into it
 *
 * These are the marketing RFM definitions (Hughes 1994), not lifetimes' model inputs: the days are merged and
 * counted by rfmSummary with one-day periods, whose frequency is repeat days (distinct days − 1) and whose monetary
 * is a mean of repeat days, so frequency here is rfmSummary's + 1 and monetary its total. rfmSummary's own figures
 * come along as the models' inputs, so a predictive run uses exactly what CVA.RFMSUMMARY gives. A negative amount is
 * a refund and is used as CVA.RFMSUMMARY and lifetimes use it: added into its day's spend (a day of refunds only
 * still counts as a purchase day), so a customer's total and mean spend are net of refunds; refundRows lists them.
 * Rows the pane cannot use (blank, text, error, dates outside Excel's or after the as-of date) are left out and
 * reported rather than stopping the summary.
 * @example summariseTransactions([["c", 45000, 10], ["c", 45002, 5]], { customer: 0, date: 1, amount: 2 }, { hasHeader: false }).rows[1] // ["c", 45000, 45002, 0, 2, 15]
 */
export function summariseTransactions(
  rows: readonly (readonly CellValue[])[],
  columns: TransactionColumns,
  options: SummariseOptions
): CustomerSummary {
  const prepared = prepareCustomers(rows, {
    hasHeader: options.hasHeader,
    firstRow: options.firstRow,
    customer: columns.customer,
    uniqueCustomers: false,
    measures: [
      { column: columns.date, kind: TRANSACTION_KINDS.date },
      { column: columns.amount, kind: TRANSACTION_KINDS.amount },
    ],
    asOfDate: options.asOfDate,
  });
  const n = prepared.rows.length;
  if (n === 0) throw valueError("No transaction row is usable: see the data-quality report.");
  const ids = new Array<CellValue>(n);
  for (let k = 0; k < n; k++) ids[k] = rows[prepared.rows[k]][columns.customer];
  const [dates, amounts] = prepared.values;
  const refundRows: number[] = [];
  for (let k = 0; k < n; k++)
    if (amounts[k] < 0) refundRows.push((options.firstRow ?? 0) + prepared.rows[k] + 1);
  const summary = rfmSummary(
    ids as (string | number)[],
    Array.from(dates),
    Array.from(amounts),
    options.asOfDate,
    1
  );

  const table: CellValue[][] = [[...CUSTOMER_SUMMARY_HEADER]];
  for (let k = 0; k < summary.customer.length; k++) {
    table.push([
      summary.customer[k],
      summary.firstPurchase[k],
      summary.lastPurchase[k],
      summary.asOfDate - summary.lastPurchase[k],
      summary.frequency[k] + 1,
      summary.total[k],
    ]);
  }
  return {
    rows: table,
    mapping: { ...SUMMARY_MAPPING },
    asOfDate: summary.asOfDate,
    quality: prepared.quality,
    refundRows,
    modelInputs: {
      frequency: summary.frequency,
      recency: summary.recency,
      T: summary.T,
      monetary: summary.monetary,
    },
  };
}
