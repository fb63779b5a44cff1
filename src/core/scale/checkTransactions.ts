import {
  checkedTransactionsSql,
  countedTotalsSql,
  dataQualitySql,
  isIsoReading,
  problemRowsSql,
  ROW_PROBLEMS,
  type RowProblem,
  type TransactionPlan,
} from "./customerSummarySql";
import type { SqlEngine } from "./sqlEngine";

/** What one pass over the transactions found: the data-quality report's counts and the date range. */
export interface DataQuality {
  rows: number;
  /** Rows per problem; "blank" rows (nothing in any of the three columns) are skipped without being a problem. */
  problems: Record<RowProblem, number>;
  /** Rows with a problem, blank ones aside. */
  badRows: number;
  /** ISO dates of the earliest and latest usable transaction; null when no row is usable. */
  earliest: string | null;
  latest: string | null;
  /** Usable rows dated after the as-of date (left out of the summary). */
  afterAsOf: number;
}

/** A row that cannot be used, as written in the file. */
export interface ProblemRow {
  problem: RowProblem;
  customer: string | null;
  date: string | null;
  amount: string | null;
}

/** What the pass over the transactions found, and the plan to read them with from then on. */
export interface CheckedTransactions {
  quality: DataQuality;
  /** With typedRead when the file's values read as numbers and timestamps (a CSV file without bad values). */
  plan: TransactionPlan;
}

/**
 * Runs `read` on the faster reads of a CSV file first: the amounts as numbers, the dates as dates (ISO dates with
 * times of day as timestamps) where they can be. When a value does not read so, that scan fails, and `read` runs
 * again on the next read, the last being the file as text, where such a value is a row to report (or fails as the
 * file does). Returns what `read` gave and the plan it read with.
 */
export async function readTypedFirst<T>(
  plan: TransactionPlan,
  read: (plan: TransactionPlan) => Promise<T>
): Promise<{ result: T; plan: TransactionPlan }> {
  const typed: TransactionPlan[] = [];
  if (plan.source.kind === "csv" && !plan.typedRead) {
    typed.push({ ...plan, typedRead: true });
    if (isIsoReading(plan.dateReading))
      typed.push({ ...plan, typedRead: true, isoTimestamps: true });
  }
  for (const attempt of typed) {
    try {
      return { result: await read(attempt), plan: attempt };
    } catch {
      // A value this reader cannot parse: the next read finds it.
    }
  }
  return { result: await read(plan), plan };
}

/** One pass over the file: the counts of the data-quality report and the date range (read typed first). */
export async function checkTransactions(
  engine: SqlEngine,
  plan: TransactionPlan,
  asOf?: string
): Promise<CheckedTransactions> {
  const checked = await readTypedFirst(plan, (read) => dataQuality(engine, read, asOf));
  return { quality: checked.result, plan: checked.plan };
}

/**
 * The data-quality report of a summary made by countedSummarySql (the relation `counted`, of transactions read by
 * `plan`): when it left no row out, its own totals are the report, and the file is not read again; otherwise
 * one pass over the file tells the problems apart, as checkTransactions does (`onChecking` says it starts).
 */
export async function countedQuality(
  engine: SqlEngine,
  counted: string,
  plan: TransactionPlan,
  { asOf, onChecking }: { asOf?: string; onChecking?: () => void } = {}
): Promise<DataQuality> {
  const [[used, leftOut, earliest, latest]] = await engine.rows(countedTotalsSql(counted));
  if (Number(leftOut) > 0) {
    onChecking?.();
    return dataQuality(engine, plan, asOf);
  }
  const problems = Object.fromEntries(ROW_PROBLEMS.map((problem) => [problem, 0]));
  return {
    rows: Number(used),
    problems: problems as Record<RowProblem, number>,
    badRows: 0,
    earliest: earliest === null ? null : String(earliest),
    latest: latest === null ? null : String(latest),
    afterAsOf: 0,
  };
}

async function dataQuality(
  engine: SqlEngine,
  plan: TransactionPlan,
  asOf: string | undefined
): Promise<DataQuality> {
  const [row] = await engine.rows(
    dataQualitySql(`(${checkedTransactionsSql(plan)}) AS checked`, asOf)
  );
  const problems = Object.fromEntries(
    ROW_PROBLEMS.map((problem, i) => [problem, Number(row[1 + i])])
  ) as Record<RowProblem, number>;
  const at = 1 + ROW_PROBLEMS.length;
  return {
    rows: Number(row[0]),
    problems,
    badRows: ROW_PROBLEMS.reduce((sum, p) => (p === "blank" ? sum : sum + problems[p]), 0),
    earliest: row[at] === null ? null : String(row[at]),
    latest: row[at + 1] === null ? null : String(row[at + 1]),
    afterAsOf: Number(row[at + 2]),
  };
}

/** Up to `limit` of the rows that cannot be used, for the report, with their values as written (read as text). */
export async function problemRows(
  engine: SqlEngine,
  plan: TransactionPlan,
  limit: number
): Promise<ProblemRow[]> {
  const text = (value: unknown) => (value === null ? null : String(value));
  const asWritten = { ...plan, typedRead: false, isoTimestamps: false };
  return (await engine.rows(problemRowsSql(asWritten, limit))).map(
    ([problem, customer, date, amount]) => ({
      problem: problem as RowProblem,
      customer: text(customer),
      date: text(date),
      amount: text(amount),
    })
  );
}

/** Transactions the summary uses: the rows, less the blank, the unusable and those after the as-of date. */
export function usedTransactions(quality: DataQuality): number {
  return quality.rows - quality.problems.blank - quality.badRows - quality.afterAsOf;
}
