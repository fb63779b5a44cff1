import type { NodeEngine } from "./duckdbEngine";
import type { CliIo } from "./io";

const POLL_MS = 500;

/**
 * Runs one long DuckDB statement while reporting its progress on stderr (DuckDB's own estimate, from the rows its
 * scans have read): a redrawn percentage on a terminal, a line per tenth otherwise (logs of scheduled jobs), then
 * the time it took.
 */
export async function withProgress<T>(
  io: CliIo,
  engine: NodeEngine,
  label: string,
  work: () => Promise<T>
): Promise<T> {
  const start = performance.now();
  let shownTenth = -1;
  const timer = setInterval(() => {
    const { percentage } = engine.connection.progress;
    if (!(percentage >= 0)) return;
    const tenth = Math.min(9, Math.floor(percentage / 10));
    if (io.interactive) io.err(`\r${label}… ${percentage.toFixed(0)}%`);
    else if (tenth > shownTenth) io.err(`${label}… ${tenth * 10}%\n`);
    shownTenth = Math.max(shownTenth, tenth);
  }, POLL_MS);
  try {
    const result = await work();
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    io.err(`${io.interactive ? "\r\x1b[K" : ""}${label}: done in ${seconds} s\n`);
    return result;
  } finally {
    clearInterval(timer);
  }
}
