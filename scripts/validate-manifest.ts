/**
 * `npm run validate`: our offline structural check, then Microsoft's online validator when it can be reached.
 * Exits non-zero only for real problems, never because the network is absent.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkManifest } from "./manifest/checkManifest";

const manifestPath = resolve(process.argv[2] ?? "manifest.xml");
const assetsDir = join(dirname(manifestPath), "assets");
const problems = checkManifest(readFileSync(manifestPath, "utf8"), assetsDir);
if (problems.length > 0) {
  console.error(`Offline manifest check failed for ${manifestPath}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`Offline manifest check passed: ${manifestPath}`);

const online = spawnSync(
  process.execPath,
  [require.resolve("office-addin-manifest/cli.js"), "validate", manifestPath],
  {
    encoding: "utf8",
    timeout: 60_000,
  }
);
const output = `${online.stdout ?? ""}${online.stderr ?? ""}`;
if (
  /Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed|network/i.test(
    output
  ) ||
  online.error
) {
  console.log(
    "Microsoft's online manifest validator is not reachable from here; only the offline check ran."
  );
} else if (online.status !== 0) {
  console.error(output.trim());
  console.error("Microsoft's online manifest validator reported problems.");
  process.exit(1);
} else {
  console.log(output.trim());
}
