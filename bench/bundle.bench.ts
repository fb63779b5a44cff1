import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { report } from "./harness";

const root = join(__dirname, "..");
const TARGET_GZIP_KB = 250;

/** The task pane's initial JS: what taskpane.html loads before the user can click anything. */
export function run(): void {
  if (!existsSync(join(root, "dist", "taskpane.js"))) {
    execFileSync(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: root, stdio: "ignore" });
  }
  let total = 0;
  for (const file of ["functions.js", "taskpane.js"]) {
    const bytes = readFileSync(join(root, "dist", file));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    report(`bundle: ${file} (minified / gzipped)`, `${(bytes.length / 1024).toFixed(1)} KB / ${(gzipped / 1024).toFixed(1)} KB`);
  }
  const met = total / 1024 <= TARGET_GZIP_KB;
  report("bundle: task pane initial JS, gzipped", `${(total / 1024).toFixed(1)} KB`, `(target ≤ ${TARGET_GZIP_KB} KB: ${met ? "met" : "MISSED"})`);
}
