/**
 * `npm run bench:scale` (not in CI, not in `npm run bench`): the command line on generated files far beyond a
 * sheet. Makes them first if missing (scripts/generate-transactions.ts, into scale-data/): 10,000,000
 * transactions as CSV and 100,000,000 as Parquet, CDNOW replicated. Each cva command runs in its own process
 * (bench/scaleStep.ts) so its peak memory is its own. Figures go into docs/scale.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { openEngine } from "../src/cli/duckdbEngine";
import { modelById } from "../src/core/models/registry";
import { generateTransactions } from "../scripts/generate-transactions";
import { report, reportAgainstTarget } from "./harness";

const root = join(__dirname, "..");
const data = join(root, "scale-data");
const TARGET_SECONDS = 120;
const TARGET_MB = 4096;

interface StepResult {
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
  stdout: string;
  /** The command's own timings on stderr ("summarising, pass 1 of 4: done in 20.1 s"). */
  timings: string[];
}

/** Runs one cva command line in a child process; fails the bench if the command fails. */
function cva(args: string[]): StepResult {
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const run = spawnSync(process.execPath, [tsx, join(__dirname, "scaleStep.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`cva ${args.join(" ")} failed:\n${run.stderr}`);
  const lines = run.stderr.trim().split("\n");
  const timings = lines.filter((line) => line.includes(": done in "));
  return { ...JSON.parse(lines[lines.length - 1]), stdout: run.stdout, timings };
}

function step(name: string, args: string[], target = false): StepResult {
  const result = cva(args);
  const figures = `${result.seconds.toFixed(1)} s, ${result.cpuSeconds.toFixed(1)} s CPU, peak ${(result.peakMb / 1024).toFixed(2)} GB, load ${loadavg()[0].toFixed(1)}`;
  if (target) {
    reportAgainstTarget(`${name}: wall time`, result.seconds, "s", TARGET_SECONDS);
    reportAgainstTarget(`${name}: peak memory`, result.peakMb, "MB", TARGET_MB);
  }
  report(name, figures);
  for (const timing of result.timings)
    report(`  ${timing.split(": done in ")[0]}`, timing.split(": done in ")[1]);
  return result;
}

async function ensureFile(rows: number, file: string): Promise<string> {
  const path = join(data, file);
  if (!existsSync(path)) {
    console.log(`generating ${file} …`);
    const seconds = await generateTransactions(rows, path);
    report(`generated ${file}`, `${seconds.toFixed(1)} s`);
  }
  return path;
}

/** The BG/NBD fit on the customers' own rows, by the engine, to compare with cva fit on the pattern table. */
async function fitOnCustomerRows(customers: string) {
  const engine = await openEngine();
  try {
    const rows = await engine.rows(
      `SELECT CAST(frequency AS DOUBLE), CAST(recency AS DOUBLE), CAST("T" AS DOUBLE) FROM '${customers}'`
    );
    const column = (c: number) => Float64Array.from(rows, (row) => row[c] as number);
    return modelById("BG/NBD").fit(column(0), column(1), column(2));
  } finally {
    engine.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(data, { recursive: true });
  console.log(
    `## cva on generated files (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM)`
  );
  const csv = await ensureFile(10_000_000, "transactions-10M.csv");
  const parquet = await ensureFile(100_000_000, "transactions-100M.parquet");
  const out = (name: string) => join(data, name);

  step("10M CSV: cva summarise", [
    "summarise",
    csv,
    "--out",
    out("customers-10M.parquet"),
    "--patterns",
    out("patterns-10M.parquet"),
  ]);
  const grouped = JSON.parse(
    step("10M CSV: cva fit bgnbd on the pattern table", [
      "fit",
      out("patterns-10M.parquet"),
      "--model",
      "bgnbd",
    ]).stdout
  );
  const start = performance.now();
  const perCustomer = await fitOnCustomerRows(out("customers-10M.parquet"));
  report(
    "10M CSV: BG/NBD by the engine on per-customer rows",
    `${((performance.now() - start) / 1000).toFixed(1)} s`
  );
  const worst = Math.max(
    ...modelById("BG/NBD").parameterNames.map(
      (name) =>
        Math.abs(grouped.params[name] - perCustomer.params[name]) /
        Math.abs(perCustomer.params[name])
    )
  );
  reportAgainstTarget(
    "10M CSV: BG/NBD grouped vs per-customer, largest relative difference",
    worst,
    "",
    1e-6
  );
  report(
    "10M CSV: customers, distinct patterns",
    `${grouped.customers.toLocaleString("en-US")}, ${grouped.distinctRows.toLocaleString("en-US")}`
  );

  const summary = step(
    "100M Parquet: cva summarise",
    [
      "summarise",
      parquet,
      "--out",
      out("customers-100M.parquet"),
      "--patterns",
      out("patterns-100M.parquet"),
      "--memory",
      "3GB",
    ],
    true
  );
  const bg = step("100M Parquet: cva fit bgnbd (pattern table)", [
    "fit",
    out("patterns-100M.parquet"),
    "--model",
    "bgnbd",
    "--out",
    out("bgnbd-100M.json"),
  ]);
  const gg = step("100M Parquet: cva fit gg (customer table)", [
    "fit",
    out("customers-100M.parquet"),
    "--model",
    "gg",
    "--skip-bad-rows",
    "--out",
    out("gg-100M.json"),
  ]);
  const scored = step("100M Parquet: cva score", [
    "score",
    out("customers-100M.parquet"),
    "--params",
    out("bgnbd-100M.json"),
    "--params",
    out("gg-100M.json"),
    "--out",
    out("scored-100M.parquet"),
    "--memory",
    "3GB",
  ]);
  const all = [summary, bg, gg, scored];
  report(
    "100M Parquet: summarise + fit + fit + score",
    `${all.reduce((s, r) => s + r.seconds, 0).toFixed(1)} s, peak ${(Math.max(...all.map((r) => r.peakMb)) / 1024).toFixed(2)} GB`
  );
  report("100M Parquet: customers", JSON.parse(bg.stdout).customers.toLocaleString("en-US"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
