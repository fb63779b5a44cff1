import { writeFileSync } from "node:fs";
import { formatModelParams } from "../core/models/parameterRow";
import type { ModelParams } from "../core/models/registry";
import { patternTableSql, spendPatternSql } from "../core/scale/customerSummarySql";
import { CliError, EXIT, inputError, usageError } from "./cliError";
import { MODEL_CHOICES, modelOption } from "./cliModels";
import { openCustomerFile } from "./customerFile";
import type { NodeEngine } from "./duckdbEngine";
import {
  fitPatterns,
  type PatternModel,
  type Patterns,
  usablePatterns,
} from "../core/scale/fitPatterns";
import type { CliIo } from "./io";
import { onePositional, parseCommand } from "./options";

export const FIT_HELP = `cva fit <customers> --model ${MODEL_CHOICES} [--out <fit.json>]

Fits a model by maximum likelihood on every customer of a customer table (.parquet or .csv, as cva summarise
writes it) or of its grouped pattern table (frequency, recency, T, count): the transaction models on
(frequency, recency, T), Gamma-Gamma (gg) on (frequency, monetary) of the repeat customers. The models depend on
the data only through the distinct patterns, so a fit on millions of customers takes as long as one on their
patterns. Times are in the unit the table was summarised in.

Prints the fit as JSON on stdout: the parameters (for cva score --params, or a parameter row in Excel), the
log-likelihood, the customers and distinct patterns it was fitted on.

Options:
  --model <name>     The model: ${MODEL_CHOICES} (required)
  --out <file>       Also write the JSON to this file
  --skip-bad-rows    Leave out customers the model cannot take (e.g. repeat customers with a monetary of 0
                     for gg), and say how many (default: stop at the first such pattern)
`;

export async function fit(args: string[], io: CliIo, engine: NodeEngine): Promise<void> {
  const { values, positionals } = parseCommand("fit", args, {
    model: { type: "string" },
    out: { type: "string" },
    "skip-bad-rows": { type: "boolean" },
  });
  const path = onePositional("fit", positionals, "customer file");
  if (values.model === undefined) throw usageError(`cva fit needs --model ${MODEL_CHOICES}.`);
  const model = modelOption(values.model);
  const spend = model.kind === "spend";
  const measures = spend ? ["frequency", "monetary"] : ["frequency", "recency", "T"];
  const file = await openCustomerFile(engine, path, measures);
  if (spend && file.grouped)
    throw inputError(
      `${path} is a (frequency, recency, T) pattern table; Gamma-Gamma needs monetary: fit it on the customer table.`
    );
  const patternSql = file.grouped
    ? `SELECT ${measures.map((m) => `"${m}"`).join(", ")}, count FROM ${file.relation}`
    : spend
      ? spendPatternSql(file.relation)
      : patternTableSql(file.relation);
  const rows = await engine.rows(
    `SELECT ${[...measures, "count"].map((m) => `CAST("${m}" AS DOUBLE)`).join(", ")} FROM (${patternSql})`
  );
  const all: Patterns = {
    columns: measures.map((_, c) => Float64Array.from(rows, (row) => row[c] as number)),
    count: Float64Array.from(rows, (row) => row[measures.length] as number),
  };
  const patterns = checkedPatterns(path, measures, model, all, values["skip-bad-rows"], io);

  const start = performance.now();
  let result;
  try {
    result = fitPatterns(model, patterns);
  } catch (error) {
    if ((error as { name?: unknown })?.name !== "CvaError") throw error;
    throw new CliError(
      `${model.displayName} fit on ${path}: ${(error as Error).message}`,
      EXIT.fit
    );
  }
  const params = result.params as ModelParams;
  const report = {
    params,
    row: formatModelParams(params),
    logLikelihood: result.logLikelihood,
    customers: result.customers,
    distinctRows: result.distinctRows,
    iterations: result.iterations,
    gradientNorm: result.gradientNorm,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  io.out(json);
  if (values.out !== undefined) writeFileSync(values.out, json);
  io.err(
    `${model.displayName} on ${result.customers.toLocaleString("en-US")} customers (${result.distinctRows.toLocaleString("en-US")} distinct patterns) in ${((performance.now() - start) / 1000).toFixed(1)} s, log-likelihood ${result.logLikelihood.toFixed(3)}\n`
  );
}

/**
 * The patterns the model can take (the engine's rules per row). A bad one stops the fit with its values and
 * count, unless `skip`: then they are left out and counted on stderr.
 */
function checkedPatterns(
  path: string,
  measures: string[],
  model: PatternModel,
  patterns: Patterns,
  skip: boolean | undefined,
  io: CliIo
): Patterns {
  const counts = patterns.count;
  const badCount = counts.findIndex((count) => !(Number.isInteger(count) && count > 0));
  if (badCount >= 0)
    throw inputError(`${path}: count must be a whole number > 0, got ${counts[badCount]}.`);
  const usable = usablePatterns(model, patterns);
  if (usable.first !== null && !skip) {
    const { index, error } = usable.first;
    const values = measures.map((m, c) => `${m} ${patterns.columns[c][index]}`).join(", ");
    throw inputError(
      `${path}: ${counts[index]} customers with ${values}: ${error.message} (--skip-bad-rows leaves such customers out)`
    );
  }
  if (usable.skipped > 0)
    io.err(`${usable.skipped.toLocaleString("en-US")} customers the model cannot take left out\n`);
  return usable.patterns;
}
