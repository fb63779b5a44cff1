import type { DataQuality } from "../core/scale/checkTransactions";
import { problemRows } from "../core/scale/checkTransactions";
import {
  ROW_PROBLEMS,
  type RowProblem,
  type TransactionPlan,
} from "../core/scale/customerSummarySql";
import { describeReading } from "../core/scale/dateReading";
import type { SqlEngine } from "../core/scale/sqlEngine";

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

/** The data-quality report as lines: rows per problem, then a few of the rows themselves. */
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
    lines.push("  for example:");
    for (const row of await problemRows(engine, plan, examples))
      lines.push(
        `    customer ${JSON.stringify(row.customer)}, date ${JSON.stringify(row.date)}, amount ${JSON.stringify(row.amount)}: ${problemText(row.problem, plan)}`
      );
  }
  return lines;
}
