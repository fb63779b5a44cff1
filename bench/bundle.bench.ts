import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { report, reportAgainstTarget } from "./harness";

const root = join(__dirname, "..");
const TARGET_GZIP_KB = 250;

/** The task pane's initial JS: what taskpane.html loads before the user can click anything. */
export function run(): void {
  // Built each time: a dist/ left from an earlier build would measure old code.
  const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
  execFileSync(process.execPath, [webpack, "--mode", "production"], { cwd: root, stdio: "ignore" });
  let total = 0;
  for (const file of ["functions.js", "taskpane.js"]) {
    const bytes = readFileSync(join(root, "dist", file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    report(
      `bundle: ${file} minified / gzipped`,
      `${(bytes.length / 1024).toFixed(1)} / ${(gzipped / 1024).toFixed(1)} KB`
    );
  }
  reportAgainstTarget(
    "bundle: task pane initial JS (functions + taskpane), gzipped",
    total / 1024,
    "KB",
    TARGET_GZIP_KB
  );
}
