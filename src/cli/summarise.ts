import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  customerSummarySql,
  patternTableSql,
  type SummaryParameters,
  type TransactionPlan,
} from "../core/scale/customerSummarySql";
import { inspectSource } from "../core/scale/inspectSource";
import { quoteString } from "../core/scale/sqlText";
import { inputError, usageError } from "./cliError";
import { checkTransactions, usedTransactions } from "../core/scale/checkTransactions";
import { qualityReport } from "./dataQuality";
import type { NodeEngine } from "./duckdbEngine";
import type { CliIo } from "./io";
import {
  columnOptionsOf,
  copyOptions,
  isoDateOf,
  onePositional,
  outputFormatOf,
  parseCommand,
  periodDaysOf,
  SOURCE_OPTIONS,
} from "./options";
import { readFailure } from "./readFailure";
import { transactionPlan } from "./transactionPlan";
import { withProgress } from "./progress";
import { memoryLimitBytes, summaryPasses } from "./summaryPasses";

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
  --passes <n>          Summarise in n passes over the file, each for a share of the customers: less memory,
                        more reading (default: as many as keep each pass within --memory)
  --temp <folder>       Folder for those temp files and the passes' results (default: DuckDB's, the system's)
`;

export async function summarise(args: string[], io: CliIo, engine: NodeEngine): Promise<void> {
  const { values, positionals } = parseCommand("summarise", args, {
    ...SOURCE_OPTIONS,
    out: { type: "string" },
    patterns: { type: "string" },
    "skip-bad-rows": { type: "boolean" },
    memory: { type: "string" },
    passes: { type: "string" },
    temp: { type: "string" },
  });
  const file = onePositional("summarise", positionals, "transaction file");
  if (!values.out) throw inputError("cva summarise needs --out <customers.parquet|.csv>.");
  const out = values.out;
  const format = outputFormatOf("--out", out);
  const patterns = values.patterns;
  const patternFormat = patterns === undefined ? undefined : outputFormatOf("--patterns", patterns);
  const periodDays = periodDaysOf(values.unit);
  const givenPasses = values.passes === undefined ? undefined : passesOf(values.passes);
  const givenAsOf =
    values["as-of"] === undefined ? undefined : isoDateOf("--as-of", values["as-of"]);

  const inspection = await readFailure(file, () => inspectSource(engine, file));
  const { plan: givenPlan, notes } = transactionPlan(inspection, columnOptionsOf(values));
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

  const passes = givenPasses ?? summaryPasses(quality.rows, await memoryLimitBytes(engine));
  const customers = await readFailure(file, () =>
    writeSummary(io, engine, plan, { periodDays, asOf }, passes, {
      out: `${quoteString(out)} (${copyOptions(format)})`,
      temp: values.temp,
    })
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

function passesOf(text: string): number {
  const passes = Number(text);
  if (!Number.isInteger(passes) || passes < 1 || passes > 1000)
    throw usageError(
      `--passes must be a whole number from 1 to 1000, got ${JSON.stringify(text)}.`
    );
  return passes;
}

/**
 * Writes the customer summary to `target.out` (a quoted path and its COPY options); returns the customers written.
 * In several passes, each share of the customers is summarised to a Parquet file of its own in a temporary folder,
 * then the shares are copied into the one output file.
 */
async function writeSummary(
  io: CliIo,
  engine: NodeEngine,
  plan: TransactionPlan,
  parameters: SummaryParameters,
  passes: number,
  target: { out: string; temp?: string }
): Promise<number> {
  if (passes === 1)
    return withProgress(io, engine, "summarising", () =>
      engine.run(`COPY (${customerSummarySql(plan, parameters)}) TO ${target.out}`)
    );
  const parent = target.temp ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, "cva-summary-"));
  try {
    const shares: string[] = [];
    for (let index = 0; index < passes; index++) {
      const share = quoteString(join(folder, `share-${index}.parquet`));
      const sql = customerSummarySql(plan, { ...parameters, share: { count: passes, index } });
      await withProgress(io, engine, `summarising, pass ${index + 1} of ${passes}`, () =>
        engine.run(`COPY (${sql}) TO ${share} (FORMAT parquet, COMPRESSION uncompressed)`)
      );
      shares.push(share);
    }
    return await withProgress(io, engine, "writing", () =>
      engine.run(`COPY (SELECT * FROM read_parquet([${shares.join(", ")}])) TO ${target.out}`)
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
