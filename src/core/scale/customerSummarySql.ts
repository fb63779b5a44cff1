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
   * and dates (readerTypes) instead of text cast afterwards, a quarter to a third less CPU. A value that does
   * not read then fails the scan rather than becoming a reported row (readTypedFirst falls back).
   */
  typedRead?: boolean;
  /** With typedRead, ISO dates are read as TIMESTAMP (they have times of day) rather than DATE (half the CPU). */
  isoTimestamps?: boolean;
}

export interface SummaryParameters {
  /** Days per period, as CVA.RFMSUMMARY's periodDays: 1 gives recency and T in days, 7 in weeks. */
  periodDays: number;
  /** The as-of date, ISO (YYYY-MM-DD): the end of observation. */
  asOf: string;
  /**
   * Only the customers in one of `count` shares (by a hash of the id; every customer falls in exactly one): the
   * command line summarises a file far larger than memory in one pass per share, each pass's groups held in memory.
   */
  share?: { count: number; index: number };
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
 * date as DATE or TIMESTAMP (ISO text, isoTimestamps) or DOUBLE (Excel serials); the statements' casts are then no-ops, and give the same
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
  if (isIsoReading(reading)) types[date] = plan.isoTimestamps ? "TIMESTAMP" : "DATE";
  if (reading.kind === "serial") types[date] = "DOUBLE";
  return types;
}

/** Whether dates are read as ISO 8601 text (what CAST reads). */
export function isIsoReading(reading: DateReading): boolean {
  return reading.kind === "text" && reading.format === null;
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

/** The period a date falls in, as an INTEGER counted from PERIOD_ANCHOR (a 4-byte key groups faster). */
function periodSql(date: string, periodDays: number): string {
  if (!Number.isInteger(periodDays) || periodDays < 1)
    throw new RangeError(`periodDays must be a whole number ≥ 1, got ${periodDays}`);
  const days = `(${date} - ${PERIOD_ANCHOR})`;
  return periodDays === 1
    ? `CAST(${days} AS INTEGER)`
    : `CAST(floor(${days} / ${periodDays}) AS INTEGER)`;
}

/** Whether a transaction's customer is in share `index` of `count` (whole numbers, 0 ≤ index < count). */
function shareSql(count: number, index: number): string {
  if (
    !Number.isInteger(count) ||
    !Number.isInteger(index) ||
    count < 1 ||
    index < 0 ||
    index >= count
  )
    throw new RangeError(
      `A share must be 0 ≤ index < count, whole numbers; got ${index} of ${count}`
    );
  return `hash(customer) % ${count} = ${index}`;
}

/** The customer summary: one row per customer, columns CUSTOMER_COLUMNS. */
export function customerSummarySql(plan: TransactionPlan, parameters: SummaryParameters): string {
  return summaryStatement(plan, parameters.periodDays, parameters.asOf, false, parameters.share);
}

/** The column of countedSummarySql that holds the rows a customer's summary left out. */
export const LEFT_OUT = "left_out";

/**
 * The customer summary and, in the same pass over the transactions, the rows it leaves out: CUSTOMER_COLUMNS and
 * LEFT_OUT, the rows of that customer not used (a problem, or dated after asOf). A customer with no row used has
 * frequency -1, and rows without a customer are counted on a NULL customer. So when no row is left out, the file
 * needs no separate data-quality pass. Without asOf, T counts from the latest purchase period of all customers
 * (the default as-of date).
 */
export function countedSummarySql(
  plan: TransactionPlan,
  parameters: { periodDays: number; asOf?: string }
): string {
  return summaryStatement(plan, parameters.periodDays, parameters.asOf, true);
}

/**
 * customerSummarySql, and countedSummarySql when `counted`: then every row is read, and a row not used has a NULL
 * period (its customer's left-out group) instead of being filtered out; aggregates over the used rows say so.
 */
function summaryStatement(
  plan: TransactionPlan,
  periodDays: number,
  asOf: string | undefined,
  counted: boolean,
  share?: { count: number; index: number }
): string {
  const used = asOf === undefined ? USABLE : `${USABLE} AND purchase_date <= ${dateLiteral(asOf)}`;
  const inShare = share === undefined ? [] : [shareSql(share.count, share.index)];
  const period = periodSql("purchase_date", periodDays);
  const daily = periodDays === 1;
  const transactions = counted
    ? `SELECT customer, purchase_date, amount, CASE WHEN ${used} THEN ${period} END AS period`
    : `SELECT customer, purchase_date, amount, ${period} AS period`;
  const conditions = [...(counted ? [] : [used]), ...inShare];
  const where = conditions.length === 0 ? "" : `\n  WHERE ${conditions.join(" AND ")}`;
  const onUsed = counted ? " FILTER (WHERE period IS NOT NULL)" : "";
  const periods = counted ? "count(period)" : "count(*)";
  const asOfPeriod =
    asOf === undefined ? "max(max(period)) OVER ()" : periodSql(dateLiteral(asOf), periodDays);
  // Per day, a period's first and last dates are the day itself: the anchor plus the period.
  const dates = daily
    ? ""
    : "\n    min(purchase_date) AS first_date, max(purchase_date) AS last_date,";
  const [firstPurchase, lastPurchase] = daily
    ? [`${PERIOD_ANCHOR} + min(period)`, `${PERIOD_ANCHOR} + max(period)`]
    : [`min(first_date)${onUsed}`, `max(last_date)${onUsed}`];
  const leftOut = counted
    ? `,\n  CAST(coalesce(sum(orders) FILTER (WHERE period IS NULL), 0) AS INTEGER) AS ${LEFT_OUT}`
    : "";
  return `WITH transactions AS (
  ${transactions}
  FROM (
  ${typedTransactionsSql(plan).replace(/\n/g, "\n  ")}
  ) AS typed${where}
),
-- Purchases merged per period (per day when periodDays = 1), amounts summed.
purchase_periods AS (
  SELECT customer, period,${dates}
    sum(amount) AS spend, count(*) AS orders
  FROM transactions
  GROUP BY customer, period
)
SELECT customer,
  CAST(${periods} - 1 AS INTEGER) AS frequency,
  CAST(max(period) - min(period) AS INTEGER) AS recency,
  CAST(${asOfPeriod} - min(period) AS INTEGER) AS "T",
  CASE WHEN ${periods} > 1 THEN (sum(spend)${onUsed} - min_by(spend, period)) / (${periods} - 1) ELSE 0 END AS monetary,
  CAST(sum(orders)${onUsed} AS INTEGER) AS orders,
  sum(spend)${onUsed} AS total,
  ${firstPurchase} AS first_purchase,
  ${lastPurchase} AS last_purchase${leftOut}
FROM purchase_periods
GROUP BY customer`;
}

/**
 * The totals of a counted summary (a relation with countedSummarySql's columns): the transactions used, those left
 * out, and the earliest and latest purchase dates (ISO text; NULL when no row is used).
 */
export function countedTotalsSql(counted: string): string {
  return `SELECT coalesce(sum(orders), 0), coalesce(sum(${LEFT_OUT}), 0),
  CAST(min(first_purchase) AS VARCHAR), CAST(max(last_purchase) AS VARCHAR)
FROM ${counted}`;
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
