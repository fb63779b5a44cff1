import type { ColumnRole } from "./headerRole";

/**
 * The data checks, one definition per kind of value a column holds. Every method of the pane and its transaction
 * summary read a column through its kind's rule, so a row is left out, for the same reason, whichever reads it. The
 * transaction rules are CVA.RFMSUMMARY's and the large-file summary's (src/core/scale/customerSummarySql.ts) too:
 * the same dates (FIRST_EXCEL_DATE to LAST_EXCEL_DATE, those after the as-of date left out) and any finite amount,
 * a negative one being a refund netted into its day's spend, as lifetimes sums monetary values as given.
 *
 *   id                 blank, an Excel error, TRUE/FALSE → left out; a later row of an id already kept → duplicate
 *   transactionAmount  one purchase's amount: any finite number; a negative one is a refund (summariseTransactions)
 *   amount             a customer's money spent (monetary): a number ≥ 0; a net refund is left out as negative
 *   count              purchases: a number ≥ 0
 *   days               a span in days (recency, T): a number ≥ 0
 *   date               an Excel serial date from 1900-01-01 (1) to 9999-12-31 (2,958,465), and not after the as-of date
 *   measure            any other number (a score's input): finite
 *
 * Blank cells, text (numeric text too: it is a column imported as text) and Excel errors fail every number rule.
 * The population functions (CVA.RFMSCORE, CVA.TIER, CVA.SCORE) are given numbers without their role: they rank
 * any finite number, except that CVA.TIER by share of value refuses a negative one.
 */
export type ValueKind = "transactionAmount" | "amount" | "count" | "days" | "date" | "measure";

/** The first and last dates Excel shows (1900 date system): serials 1 and 2,958,465. */
export const FIRST_EXCEL_DATE = 1;
export const LAST_EXCEL_DATE = 2_958_465;

/**
 * The kind of value each role's column holds in a customer table (the customer id has its own checks); there the
 * amount column is the monetary one, a customer's spend.
 */
export const ROLE_KINDS: Readonly<Record<Exclude<ColumnRole, "customer">, ValueKind>> = {
  recency: "days",
  frequency: "count",
  monetary: "amount",
  amount: "amount",
  date: "date",
};

/** The kinds of a transaction table's date and amount columns. */
export const TRANSACTION_KINDS = {
  date: "date",
  amount: "transactionAmount",
} as const satisfies Readonly<Record<"date" | "amount", ValueKind>>;

/**
 * The numbers a kind accepts: lowest ≤ x < end. A date ends after 9999-12-31, or after the as-of day when one is
 * given (a time of day on it still counts).
 */
export function valueRange(kind: ValueKind, asOfDate?: number): { lowest: number; end: number } {
  if (kind === "date")
    return {
      lowest: FIRST_EXCEL_DATE,
      end: Math.min(LAST_EXCEL_DATE, asOfDate === undefined ? Infinity : Math.floor(asOfDate)) + 1,
    };
  if (kind === "measure" || kind === "transactionAmount")
    return { lowest: -Number.MAX_VALUE, end: Infinity };
  return { lowest: 0, end: Infinity };
}

/** The kind of each mapped column of a table, by its role: the checks every method applies to that column. */
export function columnKinds(
  mapping: Partial<Record<ColumnRole, number>>,
  dateColumns: readonly number[] = []
): Map<number, ValueKind> {
  const kinds = new Map<number, ValueKind>();
  for (const column of dateColumns) kinds.set(column, "date");
  for (const [role, kind] of Object.entries(ROLE_KINDS) as [keyof typeof ROLE_KINDS, ValueKind][]) {
    const column = mapping[role];
    if (column !== undefined && column !== mapping.customer) kinds.set(column, kind);
  }
  return kinds;
}
