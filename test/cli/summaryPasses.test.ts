import { openEngine } from "../../src/cli/duckdbEngine";
import {
  BYTES_PER_TRANSACTION,
  memoryLimitBytes,
  summaryPasses,
} from "../../src/cli/summaryPasses";

describe("summaryPasses", () => {
  it("makes one pass while the transactions' groups fit in memory, one more per memory's worth beyond", () => {
    const gb = 2 ** 30;
    expect(summaryPasses(69_659, 3 * gb)).toBe(1);
    expect(summaryPasses(0, 3 * gb)).toBe(1);
    expect(summaryPasses((3 * gb) / BYTES_PER_TRANSACTION, 3 * gb)).toBe(1);
    expect(summaryPasses((3 * gb) / BYTES_PER_TRANSACTION + 1, 3 * gb)).toBe(2);
    // The 100-million-transaction benchmark under --memory 3GB (DuckDB's 2.7 GiB): four passes of 25 million.
    expect(summaryPasses(100_000_000, 2.7 * gb)).toBe(4);
  });
});

describe("memoryLimitBytes", () => {
  it.each([
    ["3GB", 2.7 * 2 ** 30],
    ["3GiB", 3 * 2 ** 30],
    ["500MB", 476.8 * 2 ** 20],
  ])("reads DuckDB's memory_limit set to %s", async (limit, bytes) => {
    const engine = await openEngine({ memoryLimit: limit, threads: 1 });
    try {
      expect(await memoryLimitBytes(engine)).toBeCloseTo(bytes, -3);
    } finally {
      engine.close();
    }
  });
});
