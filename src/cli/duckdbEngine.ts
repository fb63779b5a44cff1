import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { SqlEngine, SqlValue } from "../core/scale/sqlEngine";

export interface EngineOptions {
  /** DuckDB's memory_limit, e.g. "3GB": beyond it, aggregations spill to temp files. */
  memoryLimit?: string;
  /** Folder for those temp files. */
  tempDirectory?: string;
  threads?: number;
}

/** DuckDB in this process, behind the SqlEngine port; `connection` is there for streaming and progress. */
export interface NodeEngine extends SqlEngine {
  readonly connection: DuckDBConnection;
  close(): void;
}

export async function openEngine(options: EngineOptions = {}): Promise<NodeEngine> {
  const settings: Record<string, string> = {};
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
  if (options.threads) settings.threads = String(options.threads);
  // Results are written in whatever order is fastest: no statement here relies on file order.
  settings.preserve_insertion_order = "false";
  const instance = await DuckDBInstance.create(":memory:", settings);
  const connection = await instance.connect();
  // Progress is tracked only with the progress bar on; DuckDB must not print it (stderr is ours).
  await connection.run("SET enable_progress_bar = true");
  await connection.run("SET enable_progress_bar_print = false");
  return {
    connection,
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowsJS().map((row) => row.map(plainValue));
    },
    async numberColumns(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader
        .getColumnsJS()
        .map((column) =>
          Float64Array.from(column, (value) => (value === null ? Number.NaN : Number(value)))
        );
    },
    async run(sql) {
      const result = await connection.run(sql);
      return result.rowsChanged;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function plainValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
