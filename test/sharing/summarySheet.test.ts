import { IdTable } from "../../src/core/sharing/snapshot";
import { compareRuns } from "../../src/core/sharing/compareRuns";
import { currentRunOf, runOf } from "./runFixtures";
import { paneTranslator } from "./sampleRun";
import { planSummarySheet, SUMMARY_CHART } from "../../src/core/sharing/summarySheet";
import type { TierSummary } from "../../src/core/segmentation/segmentCustomers";
import { tierPalette } from "../../src/core/segmentation/palette";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";

const tiers: TierSummary[] = [
  {
    label: "High",
    customers: 2,
    value: 900,
    shareOfCustomers: 0.4,
    shareOfValue: 0.75,
    action: "action.vip",
  },
  {
    label: "Medium",
    customers: 1,
    value: 200,
    shareOfCustomers: 0.2,
    shareOfValue: 1 / 6,
    action: "action.personalised",
  },
  {
    label: "Low",
    customers: 2,
    value: 100,
    shareOfCustomers: 0.4,
    shareOfValue: 1 / 12,
    action: "action.basicService",
  },
];
const labels = ["High", "Medium", "Low"];
const ids = new IdTable();
const comparison = compareRuns(
  runOf(ids, "1", ["a", "b", "c", "d"], [0, 1, 1, 2], {}, labels),
  currentRunOf(ids, ["a", "b", "c", "e", "f"], [0, 0, 2, 2, 1], {}, labels),
  ids
);

describe("the Segment summary sheet", () => {
  it("lists tiers, change since the previous run, actions, the movement table and a chart", async () => {
    const workbook = new MemoryWorkbook({ Customers: [["Customer ID"]] });
    await workbook.applyWritePlan(
      planSummarySheet({ tiers, comparison, translate: paneTranslator("en-US") })
    );
    const sheet = "Segment summary";
    expect(workbook.sheetNames()).toEqual(["Customers", sheet]);
    const row = (r: number, columns = 7) =>
      Array.from({ length: columns }, (_, c) => workbook.cell(sheet, r, c));
    expect(row(2)).toEqual([
      "Tier",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Customers vs previous run",
      "Recommended action",
    ]);
    expect(row(3)).toEqual(["High", 2, 40, 900, 75, 1, "VIP service"]);
    expect(row(4)).toEqual(["Medium", 1, 20, 200, 16.7, -1, "Personalised service (nurture)"]);
    expect(row(5)).toEqual(["Low", 2, 40, 100, 8.3, 1, "Basic service"]);
    expect(row(7, 1)).toEqual(["Movement since the previous run"]);
    expect(row(8, 5)).toEqual(["Previous run ↓ / this run →", "High", "Medium", "Low", "Gone"]);
    expect(row(9, 5)).toEqual(["High", 1, 0, 0, 0]);
    expect(row(10, 5)).toEqual(["Medium", 1, 0, 1, 0]);
    expect(row(11, 5)).toEqual(["Low", 0, 0, 0, 1]);
    expect(row(12, 5)).toEqual(["New", 0, 1, 1, 0]);
    const palette = tierPalette(3);
    expect(workbook.fillAt(sheet, 3, 0)).toEqual(palette[0]);
    expect(workbook.fillAt(sheet, 5, 0)).toEqual(palette[2]);
    expect(workbook.charts(sheet)).toEqual([
      {
        sheet,
        name: SUMMARY_CHART,
        type: "columnClustered",
        title: "Customers per tier",
        data: { row: 2, column: 0, rowCount: 4, columnCount: 2 },
        position: { row: 2, column: 8, rowCount: 16, columnCount: 8 },
      },
    ]);
  });

  it("is written in Chinese for a Chinese reader, and says when there is no previous run", async () => {
    const workbook = new MemoryWorkbook({ Customers: [["客户"]] });
    const plan = planSummarySheet({ tiers, comparison: null, translate: paneTranslator("zh-CN") });
    await workbook.applyWritePlan(plan);
    await workbook.applyWritePlan(plan);
    const sheet = "客户分层摘要";
    expect(workbook.sheetNames()).toEqual(["Customers", sheet]);
    expect(workbook.cell(sheet, 2, 0)).toBe("层级");
    expect(workbook.cell(sheet, 3, 5)).toBeNull();
    expect(workbook.cell(sheet, 3, 6)).toMatch(/VIP/);
    expect(workbook.cell(sheet, 8, 0)).toBe("还没有可比较的上次运行。");
    expect(workbook.charts(sheet)).toHaveLength(1);
  });
});
