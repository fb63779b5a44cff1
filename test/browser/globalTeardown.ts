import { ChildProcess } from "node:child_process";

export default async function globalTeardown(): Promise<void> {
  (globalThis as { workbenchServer?: ChildProcess }).workbenchServer?.kill();
}
