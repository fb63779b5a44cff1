/**
 * `npm run bench`: every benchmark of the project, printed as a table. Each bench/*.bench.ts exports `run()`.
 * Timings are medians of repeated runs on this machine; targets come from the issues.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { allResults } from "../bench/harness";

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "bench");
  const only = process.argv[2];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()) {
    if (only && !file.includes(only)) continue;
    console.log(`\n## ${file}`);
    const mod = await import(join(dir, file));
    await mod.run();
  }
  const missed = allResults().filter((r) => !r.met);
  console.log(
    `\n${allResults().length - missed.length} targets met, ${missed.length} missed${missed.length ? ": " + missed.map((r) => r.name).join("; ") : ""}`
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
