import { type DateReading, dateSql } from "./dateReading";
import { dateLiteral, quoteIdentifier } from "./sqlText";
import { isTextSource, relationSql, type TransactionSource } from "./transactionSource";

/**
 * The transaction → customer summary as SQL: the one statement the command line and the task pane run in DuckDB,
 * and that `cva sql` prints for a warehouse. It has exactly the semantics of CVA.RFMSUMMARY (src/core/summary/
 * rfmSummary.ts), which the tests check customer by customer on CDNOW:
 *
 * - transactions dated after the as-of date are left out, and customers left without any drop out;
 * - purchases are merged per period first (per day when periodDays = 1, amounts summed); periods are counted from
 *   1900-01-01, a Monday, so periodDays = 7 gives Monday–Sunday weeks;
 * - frequency = purchase periods − 1, recency = last − first purchase period, T = as-of − first purchase period;
 * - monetary = mean spend of the repeat periods (the first period excluded), 0 without repeat purchases;
 * - orders = transactions (before merging), total = their spend, first and last purchase dates.
 */

/** The transaction table's columns, by name. */
export interface TransactionColumns {
  customer: string;
  date: string;
  amount: string;
}

/** What to summarise: where the transactions are, which columns hold what, and how the dates read. */
export interface TransactionPlan {
  source: TransactionSource;
  columns: TransactionColumns;
  dateReading: DateReading;
  /**
   * For a CSV file whose amounts (and ISO or serial dates) are known to read: the reader parses them as numbers
   * and timestamps (readerTypes) instead of text cast afterwards, a quarter to a third less CPU. A value that does
   * not read then fails the scan rather than becoming a reported row (checkTransactions falls back).
   */
  typedRead?: boolean;
}

export interface SummaryParameters {
  /** Days per period, as CVA.RFMSUMMARY's periodDays: 1 gives recency and T in days, 7 in weeks. */
  periodDays: number;
  /** The as-of date, ISO (YYYY-MM-DD): the end of observation. */
  asOf: string;
}

/** The summary's columns, in order: CVA.RFMSUMMARY's, with first and last purchase as DATE values. */
export const CUSTOMER_COLUMNS = [
  "customer",
  "frequency",
  "recency",
  "T",
  "monetary",
  "orders",
  "total",
  "first_purchase",
  "last_purchase",
] as const;

/** The grouped pattern table's columns: one row per distinct (frequency, recency, T) with its customer count. */
export const PATTERN_COLUMNS = ["frequency", "recency", "T", "count"] as const;

/**
 * The SQL types a CSV file's three columns are read as: all text, or with typedRead the amount as DOUBLE and the
 * date as TIMESTAMP (ISO text) or DOUBLE (Excel serials); the statements' casts are then no-ops, and give the same
 * values (the tests check that a typed read either gives the text read's values or fails).
 */
export function readerTypes(plan: TransactionPlan): Record<string, string> {
  const { customer, date, amount } = plan.columns;
  const types: Record<string, string> = {
    [customer]: "VARCHAR",
    [date]: "VARCHAR",
    [amount]: "VARCHAR",
  };
  if (!plan.typedRead) return types;
  types[amount] = "DOUBLE";
  const reading = plan.dateReading;
  if (reading.kind === "text" && reading.format === null) types[date] = "TIMESTAMP";
  if (reading.kind === "serial") types[date] = "DOUBLE";
  return types;
}

/** 1900-01-01 (Excel serial 2), a Monday: periods of periodDays are counted from it. */
const PERIOD_ANCHOR = "DATE '1900-01-01'";

/**
 * Each transaction with its customer, purchase_date (NULL unless the date reads as one from 1900 on) and amount
 * (NULL unless a finite number). With `reportColumns`, also whether the date and amount were given at all and
 * their values as written, for the data-quality report. A table in a database has typed columns and is read with
 * plain CASTs, so that the printed statement runs on other SQL engines with few changes (docs/scale.md).
 */
export function typedTransactionsSql(plan: TransactionPlan, reportColumns = false): string {
  const { customer, date, amount } = plan.columns;
  const table = plan.source.kind === "table";
  const columnTypes = isTextSource(plan.source) ? readerTypes(plan) : {};
  const [id, day, value] = [customer, date, amount].map(quoteIdentifier);
  const number = table
    ? `CAST(${value} AS DOUBLE PRECISION)`
    : `(CASE WHEN isfinite(TRY_CAST(${value} AS DOUBLE)) THEN TRY_CAST(${value} AS DOUBLE) END)`;
  const report = reportColumns
    ? [
        `${day} IS NOT NULL AS has_date`,
        `${value} IS NOT NULL AS has_amount`,
        `${day} AS date_value`,
        `${value} AS amount_value`,
      ]
    : [];
  const select = [
    `${id} AS customer`,
    `${dateSql(day, plan.dateReading)} AS purchase_date`,
    `${number} AS amount`,
    ...report,
  ];
  return `SELECT ${select.join(",\n    ")}\n  FROM ${relationSql(plan.source, columnTypes)}`;
}

/** A row is used when it has a customer, a date from 1900 on and a finite amount. */
const USABLE = "customer IS NOT NULL AND purchase_date IS NOT NULL AND amount IS NOT NULL";

function periodSql(date: string, periodDays: number): string {
  if (!Number.isInteger(periodDays) || periodDays < 1)
    throw new RangeError(`periodDays must be a whole number ≥ 1, got ${periodDays}`);
  const days = `(${date} - ${PERIOD_ANCHOR})`;
  return periodDays === 1 ? days : `CAST(floor(${days} / ${periodDays}) AS BIGINT)`;
}

/** The customer summary: one row per customer, columns CUSTOMER_COLUMNS. */
export function customerSummarySql(plan: TransactionPlan, parameters: SummaryParameters): string {
  const asOf = dateLiteral(parameters.asOf);
  const period = periodSql("purchase_date", parameters.periodDays);
  return `WITH transactions AS (
  SELECT customer, purchase_date, amount
  FROM (
  ${typedTransactionsSql(plan).replace(/\n/g, "\n  ")}
  ) AS typed
  WHERE ${USABLE} AND purchase_date <= ${asOf}
),
-- Purchases merged per period (per day when periodDays = 1), amounts summed.
purchase_periods AS (
  SELECT customer, ${period} AS period,
    min(purchase_date) AS first_date, max(purchase_date) AS last_date,
    sum(amount) AS spend, count(*) AS orders
  FROM transactions
  GROUP BY customer, period
)
SELECT customer,
  CAST(count(*) - 1 AS INTEGER) AS frequency,
  CAST(max(period) - min(period) AS INTEGER) AS recency,
  CAST(${periodSql(asOf, parameters.periodDays)} - min(period) AS INTEGER) AS "T",
  CASE WHEN count(*) > 1 THEN (sum(spend) - min_by(spend, period)) / (count(*) - 1) ELSE 0 END AS monetary,
  CAST(sum(orders) AS INTEGER) AS orders,
  sum(spend) AS total,
  min(first_date) AS first_purchase,
  max(last_date) AS last_purchase
FROM purchase_periods
GROUP BY customer`;
}

/** The grouped pattern table of a customer relation (a table, a file or a parenthesised summary). */
export function patternTableSql(customers: string): string {
  return `SELECT frequency, recency, "T", count(*) AS count
FROM ${customers}
GROUP BY frequency, recency, "T"
ORDER BY frequency, recency, "T"`;
}

/** The (frequency, monetary) patterns of the repeat customers, with counts: what Gamma-Gamma is fitted on. */
export function spendPatternSql(customers: string): string {
  return `SELECT frequency, monetary, count(*) AS count
FROM ${customers}
WHERE frequency > 0
GROUP BY frequency, monetary
ORDER BY frequency, monetary`;
}

/** Why a transaction row is not used, in the order CVA.RFMSUMMARY checks a row; "blank" rows are simply skipped. */
export const ROW_PROBLEMS = [
  "blank",
  "missingCustomer",
  "missingDate",
  "badDate",
  "missingAmount",
  "badAmount",
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

const PROBLEM_SQL = `CASE
    WHEN customer IS NULL AND NOT has_date AND NOT has_amount THEN 'blank'
    WHEN customer IS NULL THEN 'missingCustomer'
    WHEN NOT has_date THEN 'missingDate'
    WHEN purchase_date IS NULL THEN 'badDate'
    WHEN NOT has_amount THEN 'missingAmount'
    WHEN amount IS NULL THEN 'badAmount'
  END`;

/**
 * Each transaction typed (typedTransactionsSql, with the report's columns) and its problem: one of ROW_PROBLEMS,
 * or NULL for a usable row.
 */
export function checkedTransactionsSql(plan: TransactionPlan): string {
  return `SELECT *, ${PROBLEM_SQL} AS problem
FROM (
  ${typedTransactionsSql(plan, true).replace(/\n/g, "\n  ")}
) AS typed`;
}

/**
 * One pass over checked transactions (a parenthesised checkedTransactionsSql) for the data-quality report:
 * rows, rows per problem (columns named as in ROW_PROBLEMS), the earliest and latest usable dates (ISO text; the
 * latest is the default as-of date), and the usable rows dated after `asOf` when one is given (0 otherwise).
 */
export function dataQualitySql(checked: string, asOf?: string): string {
  const counts = ROW_PROBLEMS.map(
    (problem) => `count(*) FILTER (WHERE problem = '${problem}') AS "${problem}"`
  );
  const afterAsOf = asOf
    ? `count(*) FILTER (WHERE problem IS NULL AND purchase_date > ${dateLiteral(asOf)})`
    : "0";
  return `SELECT count(*) AS "rows",
  ${counts.join(",\n  ")},
  CAST(min(purchase_date) FILTER (WHERE problem IS NULL) AS VARCHAR) AS earliest,
  CAST(max(purchase_date) FILTER (WHERE problem IS NULL) AS VARCHAR) AS latest,
  ${afterAsOf} AS after_as_of
FROM ${checked}`;
}

/** Up to `limit` unusable rows (blank ones aside) as problem, customer, date and amount text, for the report. */
export function problemRowsSql(plan: TransactionPlan, limit: number): string {
  return `SELECT problem, CAST(customer AS VARCHAR), CAST(date_value AS VARCHAR), CAST(amount_value AS VARCHAR)
FROM (
${checkedTransactionsSql(plan)}
) AS checked
WHERE problem IS NOT NULL AND problem <> 'blank'
LIMIT ${Math.max(0, Math.floor(limit))}`;
}
