import { rangeAddress } from "../../../src/core/workbook/a1";
import { SEGMENTS } from "../../../src/core/rfm/segmentMap";
import { tierPalette } from "../../../src/core/segmentation/palette";
import { SEGMENT_ACTIONS } from "../../../src/core/segmentation/recommendedActions";
import {
  segmentCustomers,
  SegmentationResult,
} from "../../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../../src/core/segmentation/writePlan";
import { sampleSheet } from "../table/sampleSheets";

const sheet = "Customers";

/** A result of four columns (R, F, M, Segment) over `rows` data rows, every row a Champion. */
function fourColumnResult(rows: number): SegmentationResult {
  const column = (header: string, value: string | number) => ({
    header,
    values: Array.from({ length: rows }, () => value),
  });
  return {
    method: "rfm",
    columns: [column("R", 5), column("F", 5), column("M", 5), column("Segment", "Champions")],
    tierColumn: 3,
    tiers: SEGMENTS.map((label, j) => ({
      label,
      customers: j === 0 ? rows : 0,
      value: j === 0 ? 1000 : 0,
      shareOfCustomers: j === 0 ? 1 : 0,
      shareOfValue: j === 0 ? 1 : 0,
      action: SEGMENT_ACTIONS[label],
    })),
    quality: {
      dataRows: rows,
      kept: rows,
      skipped: [],
      counts: {
        blank: 0,
        text: 0,
        negative: 0,
        duplicateId: 0,
        error: 0,
        notDate: 0,
        afterAsOf: 0,
      },
      blankRows: 0,
    },
  };
}

describe("planSegmentationOutput", () => {
  it("puts a 4-column result for A1:F2358 in G1:J2358, colours J2:J2358 by rule and starts the legend at L1", () => {
    const plan = planSegmentationOutput(
      { sheet, row: 0, column: 0, rowCount: 2358, columnCount: 6 },
      true,
      fourColumnResult(2357)
    );
    expect(rangeAddress(plan.target)).toBe("G1:J2358");
    expect(plan.header).toEqual(["R", "F", "M", "Segment"]);
    expect(plan.columns.map((column) => column.length)).toEqual([2357, 2357, 2357, 2357]);
    expect(plan.columns.map((column) => column[2356])).toEqual([5, 5, 5, "Champions"]);
    expect(rangeAddress(plan.fills.range)).toBe("J2:J2358");
    expect(plan.fills.rules).toHaveLength(11);
    expect(plan.fills.rules[0]).toEqual({ formula: '=J2="Champions"', ...tierPalette(11)[0] });
    expect(plan.fills.rules[8].formula).toBe(`=J2="Can't Lose Them"`);
    expect(rangeAddress(plan.legend.target)).toBe("L1:Q12");
    expect(rangeAddress(plan.legend.fills.range)).toBe("L2:L12");
    expect(plan.legend.fills.rules.map((r) => r.formula)).toEqual(
      SEGMENTS.map((s) => `=L2="${s}"`)
    );
    expect(plan.legend.fills.rules.map((r) => r.fill)).toEqual(plan.fills.rules.map((r) => r.fill));
    expect(plan.owned.map(rangeAddress)).toEqual(["G1:J2358", "L1:Q12"]);
    expect(plan.target.sheet).toBe(sheet);
  });

  it("writes the sample's RFM result (R, F, M, code, segment) to G1:K2358 with rules on K", () => {
    const rows = sampleSheet("cdnow-customers");
    const result = segmentCustomers(
      { rows, hasHeader: true, customer: 0 },
      { method: "rfm", recency: 3, frequency: 4, monetary: 5 }
    );
    const plan = planSegmentationOutput(
      { sheet, row: 0, column: 0, rowCount: rows.length, columnCount: 6 },
      true,
      result
    );
    expect(rangeAddress(plan.target)).toBe("G1:K2358");
    expect(plan.header).toEqual(["R", "F", "M", "RFM", "Segment"]);
    expect(plan.columns.map((column) => column[0])).toEqual([1, 1, 3, "113", "Lost"]);
    expect(rangeAddress(plan.fills.range)).toBe("K2:K2358");
    expect(plan.fills.rules[0].formula).toBe('=K2="Champions"');
    expect(rangeAddress(plan.legend.target)).toBe("M1:R12");
    expect(plan.legend.values[0]).toEqual([
      "Segment",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Recommended action",
    ]);
    expect(plan.legend.values[1]).toEqual([
      "Champions",
      466,
      19.8,
      145585.03,
      60.6,
      "action.reward",
    ]);
  });

  it("starts at the first row when the selection has no header, and the legend still has its own", () => {
    const rows = [[10], [20], [30], [40], [50]];
    const result = segmentCustomers({ rows, hasHeader: false }, { method: "tiers", column: 0 });
    const plan = planSegmentationOutput(
      { sheet, row: 4, column: 1, rowCount: 5, columnCount: 1 },
      false,
      result,
      {
        legendHeaders: { customers: "客户数" },
        translate: (key) => `«${key}»`,
      }
    );
    expect(rangeAddress(plan.target)).toBe("C5:C9");
    expect(plan.header).toBeNull();
    expect(plan.columns).toEqual([["Low", "Low", "Low", "Medium", "High"]]);
    expect(rangeAddress(plan.fills.range)).toBe("C5:C9");
    expect(plan.fills.rules.map((r) => r.formula)).toEqual([
      '=C5="High"',
      '=C5="Medium"',
      '=C5="Low"',
    ]);
    expect(rangeAddress(plan.legend.target)).toBe("E5:J8");
    expect(plan.legend.values).toEqual([
      ["Tier", "客户数", "% of customers", "Value", "% of value", "Recommended action"],
      ["High", 1, 20, 50, 33.3, "«action.vip»"],
      ["Medium", 1, 20, 40, 26.7, "«action.personalised»"],
      ["Low", 3, 60, 60, 40, "«action.basicService»"],
    ]);
  });

  it("doubles quotes in tier names inside the rule formulas", () => {
    const rows = [[1], [2]];
    const result = segmentCustomers(
      { rows, hasHeader: false },
      { method: "tiers", column: 0, cutoffs: [0.5], labels: ['VIP "gold"', "Rest"] }
    );
    const plan = planSegmentationOutput(
      { sheet, row: 0, column: 6, rowCount: 2, columnCount: 1 },
      false,
      result
    );
    expect(plan.fills.rules[0].formula).toBe('=H1="VIP ""gold"""');
  });

  it("refuses a result from another selection, a selection without data, no room on the sheet and over-long names", () => {
    const result = fourColumnResult(3);
    expect(() =>
      planSegmentationOutput(
        { sheet, row: 0, column: 0, rowCount: 5, columnCount: 2 },
        true,
        result
      )
    ).toThrow(/3 rows but the selection 4/);
    expect(() =>
      planSegmentationOutput(
        { sheet, row: 0, column: 0, rowCount: 1, columnCount: 2 },
        true,
        fourColumnResult(0)
      )
    ).toThrow(/no data rows/);
    expect(() =>
      planSegmentationOutput(
        { sheet, row: 0, column: 16_375, rowCount: 4, columnCount: 2 },
        true,
        result
      )
    ).toThrow(/no room right/);
    expect(() =>
      planSegmentationOutput(
        { sheet, row: 1_048_570, column: 0, rowCount: 4, columnCount: 2 },
        true,
        result
      )
    ).toThrow(/no room below/);
    const long = { ...result, tiers: [{ ...result.tiers[0], label: "x".repeat(300) }] };
    expect(() =>
      planSegmentationOutput({ sheet, row: 0, column: 0, rowCount: 4, columnCount: 2 }, true, long)
    ).toThrow(/too long/);
  });
});
