import {
  checkedTransactionsSql,
  dataQualitySql,
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
 * One pass over the file: the counts of the data-quality report and the date range. A CSV file is first read
 * typed (the amounts as numbers, the dates as timestamps where they can be): the faster read, for this pass and
 * the summary's. When a value does not read so, that scan fails, and the file is read as text, where such a value
 * is a row to report.
 */
export async function checkTransactions(
  engine: SqlEngine,
  plan: TransactionPlan,
  asOf?: string
): Promise<CheckedTransactions> {
  if (plan.source.kind === "csv" && !plan.typedRead) {
    const typed = { ...plan, typedRead: true };
    try {
      return { quality: await dataQuality(engine, typed, asOf), plan: typed };
    } catch {
      // A value the reader cannot parse: the text read below finds and reports it (or fails as the file does).
    }
  }
  return { quality: await dataQuality(engine, plan, asOf), plan };
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
  return (await engine.rows(problemRowsSql({ ...plan, typedRead: false }, limit))).map(
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
