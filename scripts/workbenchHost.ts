/**
 * Builds the workbench and serves it on a free loopback port: shared by the browser tests' global setup and the
 * screenshot script, so both drive exactly what `npm run workbench` serves.
 */
import { ChildProcess, execFileSync, spawn, StdioOptions } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..");

/** `webpack --mode production --env workbench` into dist-workbench/. */
export function buildWorkbench(stdio: StdioOptions = "ignore"): void {
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--env",
      "workbench",
    ],
    { cwd: root, stdio }
  );
}

/** Starts scripts/serve-workbench.mjs on port 0 and resolves with its URL once it listens. */
export async function serveWorkbench(): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [join(root, "scripts", "serve-workbench.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout?.on("data", (chunk: Buffer) => {
      const match = /http:\/\/localhost:\d+\//.exec(chunk.toString());
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`workbench server exited with ${code}`)));
  });
  return { url, server };
}
