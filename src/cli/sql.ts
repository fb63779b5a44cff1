import {
  customerSummarySql,
  patternTableSql,
  type TransactionPlan,
} from "../core/scale/customerSummarySql";
import { inspectSource } from "../core/scale/inspectSource";
import { usageError } from "./cliError";
import type { NodeEngine } from "./duckdbEngine";
import type { CliIo } from "./io";
import { columnOptionsOf, isoDateOf, parseCommand, periodDaysOf, SOURCE_OPTIONS } from "./options";
import { readFailure } from "./readFailure";
import { transactionPlan } from "./transactionPlan";

export const SQL_HELP = `cva sql --table <name> --id <column> --date <column> --amount <column> --as-of <YYYY-MM-DD> [options]
cva sql <transactions file> --as-of <YYYY-MM-DD> [--id --date --amount --date-format]

Prints the customer summary statement that cva summarise runs, for a table in a database (a warehouse, DuckDB,
PostgreSQL …) or a file, to run elsewhere. The table's date column must be a DATE or TIMESTAMP.

Options:
  --table <name>        The transaction table (schema.table allowed)
  --id, --date, --amount <column>   Its columns (required with --table)
  --as-of <YYYY-MM-DD>  End of observation (required)
  --unit day|week       The unit of recency and T (default: day)
  --patterns            Print the grouped pattern table (frequency, recency, T, count) instead
`;

export async function sql(args: string[], io: CliIo, engine: NodeEngine): Promise<void> {
  const { values, positionals } = parseCommand("sql", args, {
    ...SOURCE_OPTIONS,
    table: { type: "string" },
    patterns: { type: "boolean" },
  });
  if (values["as-of"] === undefined) throw usageError("cva sql needs --as-of <YYYY-MM-DD>.");
  const asOf = isoDateOf("--as-of", values["as-of"]);
  const periodDays = periodDaysOf(values.unit);
  let plan: TransactionPlan;
  if (values.table !== undefined) {
    if (positionals.length > 0) throw usageError("cva sql takes --table or a file, not both.");
    const { id, date, amount } = values;
    if (id === undefined || date === undefined || amount === undefined)
      throw usageError("cva sql --table needs --id, --date and --amount.");
    plan = {
      source: { kind: "table", name: values.table },
      columns: { customer: id, date, amount },
      dateReading: { kind: "date" },
    };
  } else {
    if (positionals.length !== 1) throw usageError("cva sql needs --table <name> or one file.");
    const file = positionals[0];
    const inspection = await readFailure(file, () => inspectSource(engine, file));
    plan = transactionPlan(inspection, columnOptionsOf(values)).plan;
  }
  const summary = customerSummarySql(plan, { periodDays, asOf });
  io.out(`${values.patterns ? patternTableSql(`(\n${summary}\n) AS customers`) : summary};\n`);
}
