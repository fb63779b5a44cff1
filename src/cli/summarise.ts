import { customerSummarySql, patternTableSql } from "../core/scale/customerSummarySql";
import { inspectSource } from "../core/scale/inspectSource";
import { quoteString } from "../core/scale/sqlText";
import { inputError } from "./cliError";
import { checkTransactions, usedTransactions } from "../core/scale/checkTransactions";
import { qualityReport } from "./dataQuality";
import type { NodeEngine } from "./duckdbEngine";
import type { CliIo } from "./io";
import {
  copyOptions,
  isoDateOf,
  onePositional,
  outputFormatOf,
  parseCommand,
  periodDaysOf,
} from "./options";
import { readFailure } from "./readFailure";
import { transactionPlan } from "./transactionPlan";
import { withProgress } from "./progress";

export const SUMMARISE_HELP = `cva summarise <transactions> --out <customers.parquet|.csv> [options]

From a transaction file (.csv, .csv.gz, .tsv, .parquet, or .txt with comma, tab or space separated columns) to
one row per customer, as CVA.RFMSUMMARY computes it: customer, frequency, recency, T, monetary, orders, total,
first_purchase, last_purchase. Same-day purchases are merged (same-week with --unit week).

Options:
  --out <file>          Where the customer table goes: .parquet, .csv or .csv.gz (required)
  --id <column>         The customer id column      (default: detected from headers and content)
  --date <column>       The transaction date column (default: detected)
  --amount <column>     The amount column           (default: detected)
  --date-format <f>     How dates are written: iso, yyyymmdd, excel (serial numbers) or a strptime
                        format such as %d/%m/%Y     (default: detected)
  --as-of <YYYY-MM-DD>  End of observation; later transactions are left out (default: the latest date)
  --unit day|week       The unit of recency and T   (default: day)
  --patterns <file>     Also write the grouped pattern table (frequency, recency, T, count)
  --skip-bad-rows       Leave out rows without a customer, a date or a numeric amount, and report them
                        (default: stop and report them)
  --memory <size>       DuckDB's memory limit, e.g. 3GB; beyond it work spills to temp files (default: 80% of RAM)
  --temp <folder>       Folder for those temp files (default: DuckDB's)
`;

export async function summarise(args: string[], io: CliIo, engine: NodeEngine): Promise<void> {
  const { values, positionals } = parseCommand("summarise", args, {
    out: { type: "string" },
    id: { type: "string" },
    date: { type: "string" },
    amount: { type: "string" },
    "date-format": { type: "string" },
    "as-of": { type: "string" },
    unit: { type: "string" },
    patterns: { type: "string" },
    "skip-bad-rows": { type: "boolean" },
    memory: { type: "string" },
    temp: { type: "string" },
  });
  const file = onePositional("summarise", positionals, "transaction file");
  if (!values.out) throw inputError("cva summarise needs --out <customers.parquet|.csv>.");
  const out = values.out;
  const format = outputFormatOf("--out", out);
  const patterns = values.patterns;
  const patternFormat = patterns === undefined ? undefined : outputFormatOf("--patterns", patterns);
  const periodDays = periodDaysOf(values.unit);
  const givenAsOf =
    values["as-of"] === undefined ? undefined : isoDateOf("--as-of", values["as-of"]);

  const inspection = await readFailure(file, () => inspectSource(engine, file));
  const { plan: givenPlan, notes } = transactionPlan(inspection, {
    id: values.id,
    date: values.date,
    amount: values.amount,
    dateFormat: values["date-format"],
  });
  for (const note of notes) io.err(`${note}\n`);

  const { quality, plan } = await withProgress(io, engine, "checking rows", () =>
    readFailure(file, () => checkTransactions(engine, givenPlan, givenAsOf))
  );
  if (quality.badRows > 0) {
    const report = await qualityReport(engine, plan, quality);
    const summary = `${quality.badRows.toLocaleString("en-US")} of ${quality.rows.toLocaleString("en-US")} rows cannot be used:`;
    if (!values["skip-bad-rows"])
      throw inputError(
        [summary, ...report, "Fix them, or pass --skip-bad-rows to leave them out."].join("\n")
      );
    io.err([`${summary} left out`, ...report].join("\n") + "\n");
  }
  if (quality.latest === null)
    throw inputError(`${file} has no usable transaction (${quality.rows} rows).`);
  const asOf = givenAsOf ?? quality.latest;
  if (quality.earliest !== null && asOf < quality.earliest)
    throw inputError(
      `--as-of ${asOf} precedes every transaction (the first is ${quality.earliest}).`
    );
  if (quality.afterAsOf > 0)
    io.err(
      `${quality.afterAsOf.toLocaleString("en-US")} transactions after ${asOf} left out, as CVA.RFMSUMMARY does\n`
    );

  const summary = customerSummarySql(plan, { periodDays, asOf });
  const customers = await withProgress(io, engine, "summarising", () =>
    readFailure(file, () =>
      engine.run(`COPY (${summary}) TO ${quoteString(out)} (${copyOptions(format)})`)
    )
  );
  io.err(
    `${out}: ${customers.toLocaleString("en-US")} customers from ${usedTransactions(quality).toLocaleString("en-US")} transactions, ` +
      `as of ${asOf}, recency and T in ${periodDays === 1 ? "days" : "weeks"}\n`
  );
  if (patterns !== undefined && patternFormat !== undefined) {
    const relation = `${format === "parquet" ? "read_parquet" : "read_csv"}(${quoteString(out)})`;
    const written = await engine.run(
      `COPY (${patternTableSql(relation)}) TO ${quoteString(patterns)} (${copyOptions(patternFormat)})`
    );
    io.err(
      `${patterns}: ${written.toLocaleString("en-US")} distinct (frequency, recency, T) patterns\n`
    );
  }
}
