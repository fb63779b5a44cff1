import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "cva.js");

export interface CvaRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cva` as a user does: a new Node process on bin/cva.js (tsx, the package's bin entry). */
export function spawnCva(args: string[]): CvaRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Runs one command line in this process (main() is what bin/cva.js calls), capturing its output. */
export async function runCva(args: string[]): Promise<CvaRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    interactive: false,
  };
  const code = await main(args, io, "test");
  return { code, stdout, stderr };
}
