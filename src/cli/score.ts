import { DOUBLE, DuckDBDataChunk, type DuckDBDoubleVector } from "@duckdb/node-api";
import type { GammaGammaParams } from "../core/models/gammaGamma";
import type { DataUnit } from "../core/models/predictiveClv";
import { modelNamed, type TransactionModelParams } from "../core/models/registry";
import { customerScorer, type CustomerScores } from "../core/scale/scoreCustomers";
import { quoteString } from "../core/scale/sqlText";
import { CliError, EXIT, usageError } from "./cliError";
import { openCustomerFile } from "./customerFile";
import type { NodeEngine } from "./duckdbEngine";
import type { CliIo } from "./io";
import { modelParamsOption } from "./modelParamsOption";
import {
  copyOptions,
  numberOf,
  onePositional,
  outputFormatOf,
  parseCommand,
  periodDaysOf,
} from "./options";
import { withProgress } from "./progress";

export const SCORE_HELP = `cva score <customers> --params <fit.json> [--params <gg.json>] --out <scored.parquet|.csv> [options]

Adds to every customer of a customer table (as cva summarise writes it) its probability of being alive, the
purchases expected over the horizon and, with Gamma-Gamma parameters, its predicted CLV (as CVA.PALIVE,
CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV). Customers stream through in batches; any number fits.

Options:
  --params <p>        A fit cva fit wrote (JSON), or a parameter row such as BG/NBD,0.243,4.41,0.793,2.43:
                      one transaction model (required), and GG for the predicted CLV (repeatable)
  --out <file>        The scored table: every column of the input, then p_alive, expected_purchases and
                      predicted_clv; .parquet, .csv or .csv.gz (required)
  --unit day|week     The unit of recency and T, as summarised (default: day)
  --months <n>        CLV horizon in months (default: 12)
  --discount <rate>   Monthly discount rate of the CLV (default: 0.01)
  --horizon <t>       Horizon of the expected purchases, in the unit (default: the CLV's months:
                      360 days or 52.14 weeks for 12 months)
  --memory <size>     DuckDB's memory limit, e.g. 3GB (default: 80% of RAM)
  --temp <folder>     Folder for DuckDB's temp files beyond it
`;

/** Customers scored per call of the engine: large enough that the CLV's per-pattern sums repeat little. */
const BATCH = 1 << 18;
/** DuckDB's vector size: the appender takes chunks of at most this many rows. */
const CHUNK = 2048;

export async function score(args: string[], io: CliIo, engine: NodeEngine): Promise<void> {
  const { values, positionals } = parseCommand("score", args, {
    params: { type: "string", multiple: true },
    out: { type: "string" },
    unit: { type: "string" },
    months: { type: "string" },
    discount: { type: "string" },
    horizon: { type: "string" },
    memory: { type: "string" },
    temp: { type: "string" },
  });
  const path = onePositional("score", positionals, "customer file");
  if (values.out === undefined) throw usageError("cva score needs --out <scored.parquet|.csv>.");
  const out = values.out;
  const format = outputFormatOf("--out", out);
  const params = (values.params ?? []).map(modelParamsOption);
  const transactions = params.filter((p) => modelNamed(p.model)?.kind === "transaction");
  const spends = params.filter((p) => modelNamed(p.model)?.kind === "spend");
  if (transactions.length !== 1 || spends.length > 1)
    throw usageError(
      "cva score takes one transaction model (--params of BG/NBD, MBG/NBD or Pareto/NBD) and at most one GG."
    );
  const spend = (spends[0] as GammaGammaParams | undefined) ?? null;
  const dataUnit: DataUnit = periodDaysOf(values.unit) === 1 ? "D" : "W";
  let scorer;
  try {
    scorer = customerScorer(transactions[0] as TransactionModelParams, spend, {
      dataUnit,
      months: numberOf("--months", values.months, 12),
      monthlyDiscountRate: numberOf("--discount", values.discount, 0.01),
      horizon: values.horizon === undefined ? undefined : numberOf("--horizon", values.horizon, 0),
    });
  } catch (error) {
    if ((error as { name?: unknown })?.name !== "CvaError") throw error;
    throw usageError((error as Error).message);
  }
  const measures = ["frequency", "recency", "T", ...(spend ? ["monetary"] : [])];
  const file = await openCustomerFile(engine, path, measures);
  if (file.grouped)
    throw new CliError(`${path} is a pattern table: score the customer table.`, EXIT.input);

  // The scores are appended in the order the customers stream in and joined back by position, so both scans
  // must keep the file's order.
  await engine.run("SET preserve_insertion_order = true");
  const scoreColumns = ["p_alive", "expected_purchases", ...(spend ? ["predicted_clv"] : [])];
  await engine.run(
    `CREATE TEMP TABLE scores (${scoreColumns.map((c) => `${c} DOUBLE`).join(", ")})`
  );
  const [[total]] = await engine.rows(`SELECT count(*) FROM ${file.relation}`);
  const unscored = new Map<string, number>();
  let scored = 0;
  const start = performance.now();
  let reported = start;

  const appender = await engine.connection.createAppender("scores");
  const write = (scores: CustomerScores) => {
    const n = scores.pAlive.length;
    const columns = [
      scores.pAlive,
      scores.expectedPurchases,
      ...(spend ? [scores.predictedClv] : []),
    ];
    for (let from = 0; from < n; from += CHUNK) {
      const size = Math.min(CHUNK, n - from);
      const chunk = DuckDBDataChunk.create(
        columns.map(() => DOUBLE),
        size
      );
      columns.forEach((column, c) => {
        const vector = chunk.getColumnVector(c) as DuckDBDoubleVector;
        for (let i = 0; i < size; i++) {
          const value = column[from + i];
          vector.setItem(i, Number.isNaN(value) ? null : value);
        }
        vector.flush();
      });
      appender.appendDataChunk(chunk);
    }
    for (const error of scores.errors)
      if (error) unscored.set(error.message, (unscored.get(error.message) ?? 0) + 1);
  };

  const batch = measures.map(() => new Float64Array(BATCH));
  let filled = 0;
  const flush = () => {
    const [f, r, t, m] = batch.map((column) => column.subarray(0, filled));
    write(scorer.score(f, r, t, m ?? new Float64Array(filled)));
    scored += filled;
    filled = 0;
    if (performance.now() - reported > 2000) {
      reported = performance.now();
      io.err(
        `scoring… ${((100 * scored) / Number(total)).toFixed(0)}%${io.interactive ? "\r" : "\n"}`
      );
    }
  };
  const stream = await engine.connection.stream(
    `SELECT ${measures.map((m) => `CAST("${m}" AS DOUBLE)`).join(", ")} FROM ${file.relation}`
  );
  for (
    let chunk = await stream.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await stream.fetchChunk()
  ) {
    const vectors = measures.map((_, c) => chunk!.getColumnVector(c) as DuckDBDoubleVector);
    for (let i = 0; i < chunk.rowCount; i++) {
      vectors.forEach((vector, c) => (batch[c][filled] = vector.getItem(i) ?? Number.NaN));
      if (++filled === BATCH) flush();
    }
  }
  if (filled > 0) flush();
  appender.closeSync();
  io.err(
    `scoring: ${scored.toLocaleString("en-US")} customers in ${((performance.now() - start) / 1000).toFixed(1)} s\n`
  );

  await withProgress(io, engine, "writing", () =>
    engine.run(
      `COPY (SELECT * FROM ${file.relation} POSITIONAL JOIN scores) TO ${quoteString(out)} (${copyOptions(format)})`
    )
  );
  const missed = [...unscored.values()].reduce((sum, n) => sum + n, 0);
  if (missed > 0) {
    io.err(`${missed.toLocaleString("en-US")} customers with empty scores, for these reasons:\n`);
    for (const [reason, count] of [...unscored].slice(0, 5))
      io.err(`  ${count.toLocaleString("en-US")}: ${reason}\n`);
  }
  io.err(
    `${out}: ${scored.toLocaleString("en-US")} customers; expected purchases over ${scorer.horizon} ${dataUnit === "D" ? "days" : "weeks"}` +
      `${spend ? `, CLV over ${numberOf("--months", values.months, 12)} months` : ""}\n`
  );
}
