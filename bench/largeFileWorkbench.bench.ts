/**
 * The task pane's "Summarise a large file" in the workbench, in Debian's Chromium: a generated 10,000,000-
 * transaction CSV (scripts/generate-transactions.ts, made once into scale-data/) picked from disk, summarised by
 * DuckDB-WASM and written to the workbook. Prints the time from picking the file to the pane's report, and the
 * browser's peak memory (resident memory of all its processes, sampled every 200 ms).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generateTransactions } from "../scripts/generate-transactions";
import { buildWorkbench, serveWorkbench } from "../scripts/workbenchHost";
import { chromiumLaunchOptions } from "../test/browser/chromium";
import { report, reportAgainstTarget } from "./harness";

const root = join(__dirname, "..");
const FILE = join(root, "scale-data", "transactions-10M.csv");
const TARGET_SECONDS = 20;

/** Resident memory (MB) of the Chromium processes this process started, from /proc (Linux). */
function chromiumRssMb(): number {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      name.set(Number(entry), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = (p: number): boolean =>
    p === process.pid || (p > 1 && parent.has(p) && ours(parent.get(p)!));
  let kb = 0;
  for (const p of parent.keys()) {
    if (!/chrom/i.test(name.get(p) ?? "") || !ours(p)) continue;
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

export async function run(): Promise<void> {
  if (!existsSync(FILE)) {
    console.log("generating scale-data/transactions-10M.csv …");
    await generateTransactions(10_000_000, FILE);
  }
  if (!existsSync(join(root, "dist-workbench", "duckdb", "duckdb-eh.wasm"))) buildWorkbench();
  const { url, server } = await serveWorkbench();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.locator('[data-cell="A1"]').waitFor();
    let peakMb = 0;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, chromiumRssMb());
    }, 200);
    const start = performance.now();
    await page.getByTestId("large-file-input").setInputFiles(FILE);
    const summarise = page.getByRole("button", { name: "Summarise", exact: true });
    await summarise.waitFor({ timeout: 300_000 });
    const mapped = performance.now();
    await summarise.click();
    const done = page.locator('[data-testid="large-file-done"], [data-problem]').first();
    await done.waitFor({ timeout: 1_800_000 });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    report(
      "workbench: 10M-transaction CSV, outcome",
      (await done.textContent())?.slice(0, 60) ?? ""
    );
    report(
      "workbench: 10M CSV, file picked to columns proposed",
      `${((mapped - start) / 1000).toFixed(1)} s`
    );
    reportAgainstTarget(
      "workbench: 10M CSV picked to summary written",
      seconds,
      "s",
      TARGET_SECONDS
    );
    report(
      "workbench: 10M CSV, browser peak memory (all processes)",
      `${(peakMb / 1024).toFixed(2)} GB`
    );
  } finally {
    await browser.close();
    server.kill();
  }
}
