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

/** One pass over the file: the counts of the data-quality report and the date range. */
export async function checkTransactions(
  engine: SqlEngine,
  plan: TransactionPlan,
  asOf?: string
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

/** Up to `limit` of the rows that cannot be used, for the report. */
export async function problemRows(
  engine: SqlEngine,
  plan: TransactionPlan,
  limit: number
): Promise<ProblemRow[]> {
  const text = (value: unknown) => (value === null ? null : String(value));
  return (await engine.rows(problemRowsSql(plan, limit))).map(
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
