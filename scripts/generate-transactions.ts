/**
 * Makes a large transaction file for the scale benchmarks: CDNOW_master.txt (69,659 purchases by 23,570 customers)
 * replicated until the file has the rows asked for. Replica k gets new customer ids (k · 100,000 + the CDNOW id)
 * and its dates shifted by k mod 52 weeks, so customers differ in age and the as-of date moves; the last replica
 * is cut where the row count is reached.
 *
 *   npx tsx scripts/generate-transactions.ts --rows 10000000 --out scale-data/transactions-10M.csv
 *   npx tsx scripts/generate-transactions.ts --rows 100000000 --out scale-data/transactions-100M.parquet
 *
 * CSV files get ISO dates; Parquet files DATE, INTEGER and DOUBLE columns. DuckDB writes either.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { openEngine } from "../src/cli/duckdbEngine";
import { quoteString } from "../src/core/scale/sqlText";
import { relationSql, textLayout } from "../src/core/scale/transactionSource";

const CDNOW = join(__dirname, "..", "data", "CDNOW_master.txt");
const CDNOW_COLUMNS = ["customer_id", "date", "number_of_cds", "dollar_value"];

/** CDNOW's transactions as a table `cdnow`, numbered k = 0, 1, … in file order. */
function cdnowTableSql(): string {
  const cdnow = relationSql(textLayout(CDNOW, CDNOW_COLUMNS.join(" ")));
  return `CREATE TEMP TABLE cdnow AS
  SELECT row_number() OVER () - 1 AS k,
    CAST(customer_id AS INTEGER) AS id,
    CAST(strptime(date, '%Y%m%d') AS DATE) AS date,
    CAST(number_of_cds AS INTEGER) AS cds,
    CAST(dollar_value AS DOUBLE) AS amount
  FROM ${cdnow}`;
}

/** The COPY statement writing `rows` replicated transactions of the `size` in table cdnow to `out`. */
function generateSql(rows: number, size: number, out: string): string {
  const parquet = /\.parquet$/i.test(out);
  return `COPY (
  SELECT CAST((r // ${size}) * 100000 + id AS INTEGER) AS customer_id,
    CAST(date + CAST(((r // ${size}) % 52) * 7 AS INTEGER) AS DATE) AS date,
    cds AS number_of_cds,
    amount AS dollar_value
  FROM range(${Math.floor(rows)}) AS t(r)
  JOIN cdnow ON cdnow.k = r % ${size}
) TO ${quoteString(out)} (${parquet ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true"})`;
}

/** Writes `rows` replicated CDNOW transactions to `out`; returns the seconds it took. */
export async function generateTransactions(rows: number, out: string): Promise<number> {
  mkdirSync(dirname(out), { recursive: true });
  const engine = await openEngine();
  try {
    const start = performance.now();
    await engine.run(cdnowTableSql());
    const [[size]] = await engine.rows("SELECT count(*) FROM cdnow");
    await engine.run(generateSql(rows, size as number, out));
    return (performance.now() - start) / 1000;
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: "string" }, out: { type: "string" } },
  });
  const rows = Number(values.rows);
  if (
    !(Number.isInteger(rows) && rows > 0) ||
    !values.out ||
    !/\.(csv|parquet)$/i.test(values.out)
  ) {
    console.error("usage: generate-transactions --rows <n> --out <file.csv|file.parquet>");
    process.exit(2);
  }
  const seconds = await generateTransactions(rows, values.out);
  console.error(
    `${values.out}: ${rows.toLocaleString("en-US")} transactions in ${seconds.toFixed(1)} s`
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
