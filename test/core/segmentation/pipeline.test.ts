import type { CellValue } from "../../../src/core/cells";
import { rangeAddress } from "../../../src/core/workbook/a1";
import { rfmCode } from "../../../src/core/rfm/rfmCode";
import { rfmScores } from "../../../src/core/rfm/rfmScores";
import { segmentOf } from "../../../src/core/rfm/segmentOf";
import { detectColumns } from "../../../src/core/table/detectColumns";
import { segmentCustomers } from "../../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../../src/core/segmentation/writePlan";

const SHEET_ROWS = 1_048_576;

/** A full sheet: a header and 1,048,575 customers (id, recency days, purchases, spend), a few rows spoiled. */
function fullSheet(): CellValue[][] {
  let seed = 12345;
  const u = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const rows: CellValue[][] = [["客户编号", "最近购买", "购买次数", "消费金额"]];
  for (let i = 1; i < SHEET_ROWS; i++)
    rows.push([
      `C${i}`,
      Math.floor(u() * 545),
      1 + Math.floor(-Math.log(1 - u()) * 3),
      Math.round(Math.exp(3 + 3.6 * u()) * 100) / 100,
    ]);
  rows[500_000][3] = "n/a"; //       Excel row 500,001
  rows[700_000][0] = "C5"; //        Excel row 700,001 repeats row 6's customer
  rows[SHEET_ROWS - 1] = [null, null, null, null]; // the last row is blank
  return rows;
}

describe("the pure pipeline on a full sheet", () => {
  it("detects, prepares, segments and plans 1,048,576 rows", () => {
    const rows = fullSheet();
    const detected = detectColumns(rows);
    expect(detected).toMatchObject({
      hasHeader: true,
      kind: "customers",
      mapping: { customer: 0, recency: 1, frequency: 2, monetary: 3 },
    });

    const result = segmentCustomers(
      { rows, hasHeader: true, customer: 0 },
      { method: "rfm", recency: 1, frequency: 2, monetary: 3 }
    );
    expect(result.quality.skipped).toEqual([
      { sheetRow: 500_001, index: 500_000, reason: "text", column: 3 },
      { sheetRow: 700_001, index: 700_000, reason: "duplicateId", column: 0, repeats: 6 },
      { sheetRow: SHEET_ROWS, index: SHEET_ROWS - 1, reason: "blank", column: null },
    ]);
    expect(result.quality.kept).toBe(SHEET_ROWS - 4);
    expect(result.tiers.reduce((sum, t) => sum + t.customers, 0)).toBe(SHEET_ROWS - 4);

    // The engine on the kept rows gives the same scores and segments.
    const kept = rows
      .slice(1)
      .filter((_, p) => p !== 499_999 && p !== 699_999 && p !== SHEET_ROWS - 2);
    const engine = rfmScores(
      kept.map((r) => r[1] as number),
      kept.map((r) => r[2] as number),
      kept.map((r) => r[3] as number)
    );
    expect(result.breakpoints).toEqual(engine.breakpoints);
    const segments = result.columns[4].values.filter((s) => s !== null);
    for (const k of [0, 1, 123_456, 499_998, 499_999, 1_048_571]) {
      expect(segments[k]).toBe(
        segmentOf(rfmCode(engine.recency[k], engine.frequency[k], engine.monetary[k]))
      );
    }
    expect(result.columns[4].values[499_999]).toBeNull();

    const plan = planSegmentationOutput(
      { sheet: "Customers", row: 0, column: 0, rowCount: SHEET_ROWS, columnCount: 4 },
      true,
      result
    );
    expect(rangeAddress(plan.target)).toBe("E1:I1048576");
    expect(rangeAddress(plan.fills.range)).toBe("I2:I1048576");
    expect(plan.fills.rules).toHaveLength(11);
    expect(plan.header).toHaveLength(5);
    expect(plan.columns.map((column) => column.length)).toEqual(Array(5).fill(SHEET_ROWS - 1));
    expect(plan.columns.map((column) => column[SHEET_ROWS - 2])).toEqual(Array(5).fill(null));
    expect(rangeAddress(plan.legend.target)).toBe("K1:P12");
  }, 60_000);
});
