import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/** Builds the workbench once and serves it on a free loopback port for every browser test. */
export default async function globalSetup(): Promise<void> {
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules", "webpack", "bin", "webpack.js"),
      "--mode",
      "production",
      "--env",
      "workbench",
    ],
    {
      cwd: root,
      stdio: "ignore",
    }
  );
  const server = spawn(process.execPath, [join(root, "scripts", "serve-workbench.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => {
      const match = /http:\/\/localhost:\d+\//.exec(chunk.toString());
      if (match) resolve(match[0]);
    });
    server.on("exit", (code) => reject(new Error(`workbench server exited with ${code}`)));
  });
  process.env.WORKBENCH_URL = url;
  (globalThis as { workbenchServer?: ChildProcess }).workbenchServer = server;
}
