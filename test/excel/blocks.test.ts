import { typedInput } from "../../src/core/workbook/typedInput";
import {
  MAX_SYNC_BYTES,
  cellBytes,
  nextReadRowCount,
  planWriteBlocks,
  rowBytes,
} from "../../src/excel/blocks";

describe("byte-sized blocks", () => {
  it("counts a cell as its JSON bytes in UTF-8", () => {
    expect(cellBytes(12.5)).toBe(JSON.stringify(12.5).length);
    expect(cellBytes("Champions")).toBe(JSON.stringify("Champions").length);
    expect(cellBytes('say "hi"')).toBe(JSON.stringify('say "hi"').length);
    expect(cellBytes("客户")).toBe(Buffer.byteLength(JSON.stringify("客户")));
    expect(cellBytes(true)).toBe(4);
    expect(rowBytes(["a", 1, null])).toBe(Buffer.byteLength(JSON.stringify(["a", 1, ""])));
  });

  it("plans consecutive blocks that cover every row and respect the byte budget, text with its quote prefix", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`row ${i}`, i, i % 2 === 0]);
    const blocks = planWriteBlocks(rows, 20_000);
    expect(blocks[0].start).toBe(0);
    expect(blocks[blocks.length - 1].end).toBe(rows.length);
    blocks.forEach((block, i) => {
      if (i > 0) expect(block.start).toBe(blocks[i - 1].end);
      const sent = rows.slice(block.start, block.end).map((row) => row.map(typedInput));
      const exact = Buffer.byteLength(JSON.stringify(sent));
      expect(block.bytes).toBe(exact);
      expect(block.bytes).toBeLessThanOrEqual(20_000);
    });
  });

  it("puts a single row larger than the budget in a block of its own", () => {
    const blocks = planWriteBlocks([["x".repeat(50)], ["y"], ["z".repeat(50)]], 20);
    expect(blocks.map((b) => [b.start, b.end])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it("sizes reads by the bytes per row seen so far, within Excel's 5,000,000-cell cap", () => {
    expect(nextReadRowCount(1_048_576, 4, null)).toBe(1000);
    expect(nextReadRowCount(1_048_576, 4, 40)).toBe(Math.floor(MAX_SYNC_BYTES / 44));
    expect(nextReadRowCount(1_048_576, 16_384, 1)).toBe(Math.floor(5_000_000 / 16_384));
    expect(nextReadRowCount(10, 4, 40)).toBe(10);
  });
});
