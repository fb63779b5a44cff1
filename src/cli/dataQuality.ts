import {
  dataQualitySql,
  problemRowsSql,
  ROW_PROBLEMS,
  type RowProblem,
  type TransactionPlan,
} from "../core/scale/customerSummarySql";
import { describeReading } from "../core/scale/dateReading";
import type { SqlEngine } from "../core/scale/sqlEngine";

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

/** One pass over the file: the counts of the data-quality report and the date range. */
export async function checkTransactions(
  engine: SqlEngine,
  plan: TransactionPlan,
  asOf?: string
): Promise<DataQuality> {
  const [row] = await engine.rows(dataQualitySql(plan, asOf));
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

function problemText(problem: RowProblem, plan: TransactionPlan): string {
  const { customer, date, amount } = plan.columns;
  switch (problem) {
    case "blank":
      return "blank (skipped)";
    case "missingCustomer":
      return `no customer id in ${JSON.stringify(customer)}`;
    case "missingDate":
      return `no date in ${JSON.stringify(date)}`;
    case "badDate":
      return `a ${JSON.stringify(date)} that is not a date read as ${describeReading(plan.dateReading)} (or is before 1900)`;
    case "missingAmount":
      return `no amount in ${JSON.stringify(amount)}`;
    case "badAmount":
      return `an ${JSON.stringify(amount)} that is not a number`;
  }
}

/** The report as lines: rows per problem, then a few of the rows themselves. */
export async function qualityReport(
  engine: SqlEngine,
  plan: TransactionPlan,
  quality: DataQuality,
  examples = 5
): Promise<string[]> {
  const lines = ROW_PROBLEMS.filter((problem) => quality.problems[problem] > 0).map(
    (problem) =>
      `  ${quality.problems[problem].toLocaleString("en-US")} rows with ${problemText(problem, plan)}`
  );
  if (quality.badRows > 0) {
    const rows = await engine.rows(problemRowsSql(plan, examples));
    lines.push("  for example:");
    for (const [problem, customer, date, amount] of rows)
      lines.push(
        `    customer ${JSON.stringify(customer)}, date ${JSON.stringify(date)}, amount ${JSON.stringify(amount)}: ${problemText(problem as RowProblem, plan)}`
      );
  }
  return lines;
}
