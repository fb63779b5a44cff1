/**
 * The Cohorts sheet through the Office.js layer (fake Excel): the retention heatmap as one native three-colour
 * scale, and the survival chart as a native line chart with its legend.
 */
import { analyseCohorts } from "../../src/core/cohorts/cohortAnalysis";
import { cohortTable } from "../../src/core/cohorts/cohortTable";
import {
  COHORTS_CHART,
  HEATMAP_COLOURS,
  planCohortsSheet,
} from "../../src/core/cohorts/cohortsSheet";
import { errorText } from "../../src/core/errors";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { paneTranslator } from "../sharing/sampleRun";
import { FakeExcel } from "./fakeExcel";

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom", colorScale: "ColorScale" },
    ConditionalFormatColorCriterionType: {
      lowestValue: "LowestValue",
      percentile: "Percentile",
      highestValue: "HighestValue",
    },
    ChartType: { columnClustered: "ColumnClustered", line: "Line" },
    ChartSeriesBy: { columns: "Columns" },
  };
});

describe("OfficeWorkbook: the Cohorts sheet", () => {
  it("draws the heatmap as Excel's colour scale and the survival as a line chart with a legend", async () => {
    // Twelve customers over four quarters of 2024, each bought from the first to the last date.
    const ids = ["a", "b", "c", "d", "e", "f", "a", "b", "c", "e", "a", "e"];
    const dates = [
      45292, 45300, 45310, 45400, 45410, 45420, 45400, 45500, 45600, 45500, 45620, 45600,
    ];
    const table = cohortTable(ids, dates, { period: "Q", count: "retained" });
    const plan = planCohortsSheet({
      analysis: analyseCohorts(table, 8),
      translate: paneTranslator("en-US"),
      describe: (error) => errorText(error, "en-US"),
      previous: null,
      dropPoints: 2,
    });
    const fake = new FakeExcel("Data", () => null);
    await new OfficeWorkbook(fake.run).applyWritePlan(plan);

    expect(fake.colorScales).toEqual([
      {
        criteria: {
          minimum: { type: "LowestValue", color: HEATMAP_COLOURS.min },
          midpoint: { formula: "50", type: "Percentile", color: HEATMAP_COLOURS.mid },
          maximum: { type: "HighestValue", color: HEATMAP_COLOURS.max },
        },
      },
    ]);
    const scale = (plan.colorScales ?? [])[0];
    const chart = (plan.charts ?? [])[0];
    expect(fake.charts).toHaveLength(1);
    expect(fake.charts[0]).toMatchObject({
      sheet: "Cohorts",
      type: "Line",
      seriesBy: "Columns",
      name: COHORTS_CHART,
      legend: { visible: true },
      source: chart.data,
    });
    expect(scale.area.columnCount).toBe(table.width - 1);
  });
});
