// One cva command line in its own process, for bench/scale.ts: runs it, then prints its wall time, CPU time (all
// threads) and the process's peak resident memory (DuckDB's native memory included) as JSON on stderr's last line.
import { processIo } from "../src/cli/io";
import { main } from "../src/cli/main";

const start = performance.now();
main(process.argv.slice(2), { ...processIo, interactive: false }).then((code) => {
  const seconds = (performance.now() - start) / 1000;
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  const cpuSeconds = (userCPUTime + systemCPUTime) / 1e6;
  process.stderr.write(`${JSON.stringify({ code, seconds, cpuSeconds, peakMb: maxRSS / 1024 })}\n`);
  process.exitCode = code;
});
