import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine, type NodeEngine } from "../../../src/cli/duckdbEngine";

/** A DuckDB engine and a temporary folder for the files a test writes, both gone after the suite. */
export function duckdbFixture(): {
  engine: () => NodeEngine;
  file: (name: string, text: string) => string;
  dir: () => string;
} {
  let engine: NodeEngine;
  let dir: string;
  beforeAll(async () => {
    engine = await openEngine({ threads: 1 });
    dir = mkdtempSync(join(tmpdir(), "cva-scale-"));
  });
  afterAll(() => {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    engine: () => engine,
    dir: () => dir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
