/**
 * The task pane's "Summarise a large file" in the workbench, in Debian's Chromium: a generated 10,000,000-
 * transaction CSV (scripts/generate-transactions.ts, made once into scale-data/) picked from disk, summarised by
 * DuckDB-WASM and written to the workbook. Prints the time from picking the file to the pane's report, and the
 * browser's peak memory (resident memory of all its processes, sampled every 200 ms) and CPU time: the machine is
 * shared, so the CPU seconds say what the wall time would be with a core to itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { generateTransactions } from "../scripts/generate-transactions";
import { buildWorkbench, serveWorkbench } from "../scripts/workbenchHost";
import { chromiumLaunchOptions } from "../test/browser/chromium";
import { report, reportAgainstTarget } from "./harness";

const root = join(__dirname, "..");
const FILE = join(root, "scale-data", "transactions-10M.csv");
const TARGET_SECONDS = 20;

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The Chromium processes this process started (Linux /proc), each with its /proc/<pid>/stat fields after the name. */
function chromiumProcesses(): Map<number, string[]> {
  const parent = new Map<number, number>();
  const fields = new Map<number, string[]>();
  const name = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      name.set(Number(entry), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
      parent.set(Number(entry), Number(rest[1]));
      fields.set(Number(entry), rest);
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = (p: number): boolean =>
    p === process.pid || (p > 1 && parent.has(p) && ours(parent.get(p)!));
  const found = new Map<number, string[]>();
  for (const [p, rest] of fields)
    if (/chrom/i.test(name.get(p) ?? "") && ours(p)) found.set(p, rest);
  return found;
}

/** Samples the browser's processes: resident memory of all of them together (peak), CPU seconds per process. */
class BrowserSampler {
  peakMb = 0;
  private readonly cpuTicks = new Map<number, number>();

  sample(): void {
    let kb = 0;
    for (const [p, rest] of chromiumProcesses()) {
      // utime and stime are fields 14 and 15 of stat; rest starts at field 3.
      this.cpuTicks.set(p, Number(rest[11]) + Number(rest[12]));
      try {
        const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
        kb += match ? Number(match[1]) : 0;
      } catch {
        // Gone.
      }
    }
    this.peakMb = Math.max(this.peakMb, kb / 1024);
  }

  /** CPU seconds of all the browser's processes so far (processes that ended count as last sampled). */
  cpuSeconds(): number {
    let ticks = 0;
    for (const t of this.cpuTicks.values()) ticks += t;
    return ticks / TICKS_PER_SECOND;
  }
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
    const browserUse = new BrowserSampler();
    browserUse.sample();
    const cpuBefore = browserUse.cpuSeconds();
    const sampler = setInterval(() => browserUse.sample(), 200);
    const start = performance.now();
    await page.getByTestId("large-file-input").setInputFiles(FILE);
    const summarise = page.getByRole("button", { name: "Summarise", exact: true });
    await summarise.waitFor({ timeout: 300_000 });
    const mapped = performance.now();
    const clicked = await page.evaluate(() => {
      // The pane's steps (checking, summarising, fitting, writing) as they show, timed in the page.
      const steps: [number, string][] = [];
      (window as unknown as { largeFileSteps: typeof steps }).largeFileSteps = steps;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="large-file-step"]')?.textContent ?? "";
        const step = text.replace(/[\d,]+/g, "#");
        if (text && step !== steps[steps.length - 1]?.[1]) steps.push([performance.now(), step]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      return performance.now();
    });
    await summarise.click();
    const done = page.locator('[data-testid="large-file-done"], [data-problem]').first();
    await done.waitFor({ timeout: 1_800_000 });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    browserUse.sample();
    const [steps, finished] = await page.evaluate(
      () =>
        [
          (window as unknown as { largeFileSteps: [number, string][] }).largeFileSteps,
          performance.now(),
        ] as const
    );
    steps.forEach(([at, step], i) =>
      report(
        `workbench: 10M CSV, step "${step}"`,
        `${(((steps[i + 1]?.[0] ?? finished) - at) / 1000).toFixed(1)} s`
      )
    );
    report(
      "workbench: 10M CSV, click to first step",
      `${(((steps[0]?.[0] ?? clicked) - clicked) / 1000).toFixed(1)} s`
    );
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
      `${(browserUse.peakMb / 1024).toFixed(2)} GB`
    );
    report(
      "workbench: 10M CSV, browser CPU time (all processes), load average",
      `${(browserUse.cpuSeconds() - cpuBefore).toFixed(1)} s, ${loadavg()[0].toFixed(1)}`
    );
  } finally {
    await browser.close();
    server.kill();
  }
}
