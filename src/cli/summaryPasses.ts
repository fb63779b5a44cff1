import type { SqlEngine } from "../core/scale/sqlEngine";

/**
 * Memory a summary pass needs per transaction it reads, with room to spare: the day-level groups (nearly one per
 * transaction) and the customer-level groups. Measured: 25 million generated transactions in one pass peaked at
 * 1.78 GB of process memory (71 bytes a transaction).
 */
export const BYTES_PER_TRANSACTION = 100;

/**
 * How many passes summarise makes over `rows` transactions so that each pass's groups fit in `memoryBytes`: one
 * pass per share of the customers. Reading the file again costs less than spilling groups to disk beyond memory
 * (100 million transactions under a 3 GB limit: one pass peaked at 3.27 GB with 28 s of system time spent on
 * temporary files, four passes at 1.97 GB with 13 s, and 124 s of CPU in all against 135 s).
 */
export function summaryPasses(rows: number, memoryBytes: number): number {
  return Math.max(1, Math.ceil((rows * BYTES_PER_TRANSACTION) / memoryBytes));
}

const UNITS: Record<string, number> = {
  bytes: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** DuckDB's memory limit in bytes, from its setting as DuckDB prints it ("2.7 GiB"). */
export async function memoryLimitBytes(engine: SqlEngine): Promise<number> {
  const [[setting]] = await engine.rows("SELECT current_setting('memory_limit')");
  const match = /^([\d.]+)\s*(bytes|[KMGT]iB)$/.exec(String(setting).trim());
  if (!match) throw new Error(`Unexpected memory_limit setting: ${String(setting)}`);
  return Number(match[1]) * UNITS[match[2]];
}
