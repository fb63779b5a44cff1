import type { ChildProcess } from "node:child_process";
import { buildWorkbench, serveWorkbench } from "../../scripts/workbenchHost";

/** Builds the workbench once and serves it on a free loopback port for every browser test. */
export default async function globalSetup(): Promise<void> {
  buildWorkbench();
  const { url, server } = await serveWorkbench();
  process.env.WORKBENCH_URL = url;
  (globalThis as { workbenchServer?: ChildProcess }).workbenchServer = server;
}
