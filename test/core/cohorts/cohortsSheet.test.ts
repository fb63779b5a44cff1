import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import { analyseCohorts } from "../../../src/core/cohorts/cohortAnalysis";
import { cohortTable, type CohortTable } from "../../../src/core/cohorts/cohortTable";
import {
  COHORTS_CHART,
  HEATMAP_COLOURS,
  planCohortsSheet,
  retentionChange,
} from "../../../src/core/cohorts/cohortsSheet";
import { cvaError, errorText, isCvaError } from "../../../src/core/errors";
import { fitSbg, sbg } from "../../../src/core/models/sbg";
import { MemoryWorkbook } from "../../../src/workbench/memoryWorkbook";
import { paneTranslator } from "../../sharing/sampleRun";
import { expectRelative, REFERENCE_DATA } from "../models/cdnowData";
import { countsOf, FH2007 } from "../models/retentionData";

/** A cohort table of hand-made curves (the table type is what analyseCohorts reads). */
function tableOf(counts: number[][], period: CohortTable["period"] = "Y"): CohortTable {
  return {
    period,
    count: "retained",
    asOfDate: 45000,
    labels: counts.map((_, c) => String(2010 + c)),
    cohortPeriods: counts.map((_, c) => 2010 + c),
    sizes: counts.map((row) => row[0]),
    counts,
    width: Math.max(...counts.map((row) => row.length)),
    excludedTransactions: 0,
  };
}

describe("cohort analysis", () => {
  // Fader & Hardie's regular customers as three cohorts of a triangle: 8, 6 and 4 years observed.
  const regular = countsOf(FH2007.regular.calibration);
  const table = tableOf([regular, regular.slice(0, 6), regular.slice(0, 4)]);
  const analysis = analyseCohorts(table, 5);

  it("fits each cohort and all of them pooled, as fitSbg does", () => {
    expect(analysis.fits.map((fit) => !isCvaError(fit) && fit.params.alpha)).toEqual(
      table.counts.map((counts) => fitSbg([counts]).params.alpha)
    );
    expect(!isCvaError(analysis.pooled) && analysis.pooled.params).toEqual(
      fitSbg(table.counts).params
    );
  });

  it("gives the pooled actual survival over the cohorts observed that long, and the pooled projection", () => {
    expect(analysis.curve).toHaveLength(8 + 5);
    expect(analysis.curve[0].actual).toBe(1);
    expect(analysis.curve[5].actual).toBeCloseTo((289 + 289) / 2000, 15);
    expect(analysis.curve[7].actual).toBeCloseTo(241 / 1000, 15);
    expect(analysis.curve[8].actual).toBeNull();
    const pooled = fitSbg(table.counts).params;
    analysis.curve.forEach(({ period, projected }) =>
      expectRelative(projected as number, sbg.survival(pooled, period), 1e-15)
    );
    expect(analysis.pooledRetention).toBeCloseTo(631 / 1000, 15);
  });

  it("keeps the reason when a cohort cannot be fitted", () => {
    const short = analyseCohorts(tableOf([regular, [500, 300]]), 3);
    expect(isCvaError(short.fits[1]) && short.fits[1].messageCode).toBe("sbg.tooShort");
    expect(isCvaError(short.pooled)).toBe(false);
    expect(short.pooledRetention).toBeCloseTo((631 + 300) / 1500, 15);
  });
});

describe("the Cohorts sheet", () => {
  const t = paneTranslator("en-US");
  const describe_ = (error: Parameters<typeof errorText>[0]) => errorText(error, "en-US");
  const transactions = parseCdnowMaster(
    readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8")
  );
  const table = cohortTable(transactions.customerId, transactions.date, {
    period: "M",
    count: "retained",
  });
  const analysis = analyseCohorts(table, 12);
  const previous = { retention: 0.5, savedAt: "2026-11-01T10:00:00.000Z" };
  const plan = planCohortsSheet({
    analysis,
    translate: t,
    describe: describe_,
    previous,
    dropPoints: 2,
  });
  const workbook = new MemoryWorkbook({ Sheet1: [] });

  beforeAll(() => workbook.applyWritePlan(plan));
  const row = (r: number) =>
    Array.from({ length: 20 }, (_, c) => workbook.cell("Cohorts", r, c)).filter((v) => v !== null);
  const find = (text: string) =>
    Array.from({ length: 80 }, (_, r) => r).find(
      (r) => workbook.cell("Cohorts", r, 0) === text
    ) as number;

  it("says in plain words what is projected, the pooled retention and its fall since the last run", () => {
    const projection = sbg.survival((analysis.fits[0] as ReturnType<typeof fitSbg>).params, 12);
    expect(row(0)).toEqual(["Cohorts by month: customers won and how many still buy"]);
    expect(row(1)).toEqual([
      `Of the customers won in 1997-01, ${Math.round(projection * 1000) / 10} % are projected to remain after 12 months (shifted-beta-geometric model).`,
    ]);
    const retention = Math.round((analysis.pooledRetention as number) * 1000) / 10;
    expect(retention).toBe(45.9); // (3,654 + 3,861 + 3,300) / 23,570
    expect(row(2)).toEqual([
      `All cohorts together: ${retention} % of the customers won still bought in the month after.`,
    ]);
    expect(row(3)).toEqual([
      "▼ Pooled retention fell 4.1 points since the previous run (2026-11-01): it was 50 %.",
    ]);
    expect(retentionChange(0.4588, previous, 2)).toEqual({ points: -4.1, flagged: true });
    expect(retentionChange(0.49, previous, 2)).toEqual({ points: -1, flagged: false });
    expect(retentionChange(0.49, null, 2)).toBeNull();
  });

  it("writes the triangle, and the rates as a heatmap that Excel's colour scale draws", () => {
    const counts = find("Customers per cohort and period since acquisition (still buying)");
    expect(row(counts + 1)).toEqual([
      "Cohort",
      "Customers",
      ...Array.from({ length: 17 }, (_, k) => k + 1),
    ]);
    expect(row(counts + 2)).toEqual(["1997-01", ...table.counts[0]]);
    expect(row(counts + 4)).toEqual(["1997-03", ...table.counts[2]]);
    const rates = find("Retention: % of each cohort (heatmap)") + 2;
    expect(workbook.cell("Cohorts", rates, 2)).toBe(46.6); // 3654 / 7846
    expect(workbook.cell("Cohorts", rates + 2, 18)).toBeNull(); // 1997-03 is observed for 15 months
    expect(workbook.colorScales("Cohorts")).toEqual([
      { area: { row: rates, column: 2, rowCount: 3, columnCount: 17 }, colors: HEATMAP_COLOURS },
    ]);
    // The highest rate takes the max colour, the lowest the min one.
    expect(workbook.fillAt("Cohorts", rates, 2)).toEqual({
      fill: HEATMAP_COLOURS.max,
      fontColor: "#000000",
    });
    expect(workbook.fillAt("Cohorts", rates, 18)).toEqual({
      fill: HEATMAP_COLOURS.min,
      fontColor: "#000000",
    });
    expect(workbook.fillAt("Cohorts", rates, 1)).toBeNull();
  });

  it("lists the sBG fits per cohort and pooled, and charts actual against projected survival", () => {
    const fits = find("Shifted-beta-geometric fit per cohort and over all cohorts") + 1;
    expect(row(fits)).toEqual(["Cohort", "alpha", "beta", "% projected after 12 months", "Note"]);
    const pooled = analysis.pooled as ReturnType<typeof fitSbg>;
    expect(row(fits + 4)).toEqual([
      "All cohorts",
      Number(pooled.params.alpha.toPrecision(4)),
      Number(pooled.params.beta.toPrecision(4)),
      Math.round(sbg.survival(pooled.params, 12) * 1000) / 10,
    ]);
    const curve =
      find("Survival over all cohorts by period since acquisition: actual and projected (%)") + 1;
    expect(row(curve)).toEqual(["Actual %", "Projected %"]);
    expect(row(curve + 1)).toEqual([0, 100, 100]);
    // 498 of the January cohort's 7,846: the only cohort observed 17 months.
    expect(row(curve + 1 + 17)).toEqual([17, 6.3, expect.any(Number)]);
    expect(row(curve + 1 + 18)).toEqual([18, expect.any(Number)]); // projected only
    expect(workbook.charts("Cohorts")).toEqual([
      {
        sheet: "Cohorts",
        name: COHORTS_CHART,
        type: "line",
        title: "Customers still buying: actual and projected (%)",
        legend: true,
        data: { row: curve, column: 0, rowCount: 17 + 12 + 2, columnCount: 3 },
        position: { row: curve, column: 4, rowCount: 16, columnCount: 8 },
      },
    ]);
  });

  it("gives a cohort that cannot be fitted its reason, in the reader's language", () => {
    const short = analyseCohorts(tableOf([countsOf(FH2007.regular.calibration), [500, 300]]), 3);
    const zh = paneTranslator("zh-CN");
    const sheet = planCohortsSheet({
      analysis: short,
      translate: zh,
      describe: (error) => errorText(error, "zh-CN"),
      previous: null,
      dropPoints: 2,
    });
    const values = sheet.values[0].values;
    // The cohort's last row is its line in the fits table (the first two are the counts and the rates).
    const note = values.filter((cells) => cells[0] === "2011").at(-1) as unknown[];
    expect(note.slice(0, 5)).toEqual([
      "2011",
      null,
      null,
      null,
      errorText(cvaError("sbg.tooShort"), "zh-CN"),
    ]);
    expect(values[0][0]).toBe("同期群（按年）：获得的客户及其中仍在购买的人数");
  });
});
