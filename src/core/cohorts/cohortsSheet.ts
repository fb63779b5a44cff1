import type { CellValue } from "../cells";
import { type CvaError, isCvaError } from "../errors";
import { sbg } from "../models/sbg";
import type { Translate } from "../sharing/sharingText";
import type { ChartSpec, ColorScale, WritePlan } from "../workbook/workbookPort";
import type { CohortAnalysis } from "./cohortAnalysis";
import type { CalendarPeriod } from "./calendarPeriods";

/** The chart's name on the sheet, so a later run replaces it rather than adding another. */
export const COHORTS_CHART = "CVA cohort survival";

/** Periods projected past the oldest cohort and named in the summary: a year of months, two of quarters, five years. */
export const PROJECTION_PERIODS: Readonly<Record<CalendarPeriod, number>> = { M: 12, Q: 8, Y: 5 };

/**
 * The retention heatmap's colours, from Paul Tol's sunset scheme like the tiers (src/core/segmentation/palette.ts):
 * orange for the lowest retention, neutral at the median, blue for the highest; black text reads on all three.
 */
export const HEATMAP_COLOURS = { min: "#FDB366", mid: "#EAECCC", max: "#6EA6CD" } as const;

/** Where the chart sits beside the survival table, and its size (about 480 × 320 px at default sizes). */
const CHART_SIZE = { rowCount: 16, columnCount: 8 };

/** The previous run's pooled retention, for monitoring. */
export interface PreviousRetention {
  retention: number;
  /** ISO date-time of that run. */
  savedAt: string;
}

export interface CohortsSheetInput {
  analysis: CohortAnalysis;
  /** Words in the reader's language (the pane's i18next t, keys under cohortsSheet.*). */
  translate: Translate;
  /** An engine error in the reader's language (why a cohort has no fit). */
  describe: (error: CvaError) => string;
  previous: PreviousRetention | null;
  /** A fall in pooled retention by more than this many percentage points is flagged. */
  dropPoints: number;
}

/** The monitoring outcome of a run: the change in pooled retention, and whether it is a flagged drop. */
export interface RetentionChange {
  points: number;
  flagged: boolean;
}

export function retentionChange(
  current: number | null,
  previous: PreviousRetention | null,
  dropPoints: number
): RetentionChange | null {
  if (current === null || previous === null) return null;
  const points = Math.round((current - previous.retention) * 1000) / 10;
  return { points, flagged: -points > dropPoints };
}

/**
 * The Cohorts sheet: a plain-language summary, the cohort triangle, retention rates as a heatmap (a colour-scale
 * conditional format, which Excel, LibreOffice and others draw without the add-in), the sBG fit per cohort and
 * pooled, and the pooled survival actual beside projected with a native line chart over it. Percentages are written
 * as numbers to one decimal under headers that say "%". The sheet is replaced on each run.
 */
export function planCohortsSheet(input: CohortsSheetInput): WritePlan {
  const { analysis, translate: t } = input;
  const { table } = analysis;
  const sheet = t("cohortsSheet.sheetName");
  const ahead = PROJECTION_PERIODS[table.period];
  const periodHeaders = Array.from({ length: table.width - 1 }, (_, k) => k + 1);
  const rows: CellValue[][] = [
    [t("cohortsSheet.title", { period: t(`cohortsSheet.period.${table.period}`) })],
    ...summary(input).map((sentence) => [sentence]),
    [],
    [t("cohortsSheet.countsTitle", { counted: t(`cohortsSheet.counted.${table.count}`) })],
    [t("cohortsSheet.cohort"), t("cohortsSheet.customers"), ...periodHeaders],
    ...table.counts.map((counts, c) => [
      table.labels[c],
      table.sizes[c],
      ...periodHeaders.map((k) => counts[k] ?? null),
    ]),
    [],
    [t("cohortsSheet.ratesTitle")],
    [t("cohortsSheet.cohort"), t("cohortsSheet.customers"), ...periodHeaders],
  ];
  const ratesTop = rows.length;
  rows.push(
    ...table.counts.map((counts, c) => [
      table.labels[c],
      table.sizes[c],
      ...periodHeaders.map((k) => (k < counts.length ? percent(counts[k] / counts[0]) : null)),
    ]),
    [],
    [t("cohortsSheet.fitsTitle")],
    [
      t("cohortsSheet.cohort"),
      "alpha",
      "beta",
      t("cohortsSheet.projectedAfter", { count: ahead, unit: unitOf(t, table.period, ahead) }),
      t("cohortsSheet.note"),
    ],
    ...analysis.fits.map((fit, c) => fitRow(table.labels[c], fit, ahead, input)),
    fitRow(t("cohortsSheet.pooled"), analysis.pooled, ahead, input),
    [],
    [t("cohortsSheet.curveTitle")]
  );
  const curveTop = rows.length;
  rows.push(
    // The corner stays empty: Excel then reads the first column as the chart's categories, not as a series.
    [null, t("cohortsSheet.actual"), t("cohortsSheet.projected")],
    ...analysis.curve.map(({ period, actual, projected }) => [
      period,
      actual === null ? null : percent(actual),
      projected === null ? null : percent(projected),
    ])
  );
  const width = Math.max(...rows.map((row) => row.length));
  const values = rows.map((row) => [
    ...row,
    ...new Array<CellValue>(width - row.length).fill(null),
  ]);

  const heatmap: ColorScale = {
    sheet,
    area: { row: ratesTop, column: 2, rowCount: table.counts.length, columnCount: table.width - 1 },
    colors: HEATMAP_COLOURS,
  };
  const chart: ChartSpec = {
    sheet,
    name: COHORTS_CHART,
    type: "line",
    title: t("cohortsSheet.chartTitle"),
    legend: true,
    data: { row: curveTop, column: 0, rowCount: analysis.curve.length + 1, columnCount: 3 },
    position: { row: curveTop, column: 4, ...CHART_SIZE },
  };
  return {
    sheets: [{ name: sheet, replace: true }],
    clear: [],
    values: [{ at: { sheet, row: 0, column: 0 }, values }],
    fills: [],
    colorScales: table.width > 1 ? [heatmap] : [],
    settings: {},
    charts: [chart],
  };
}

/**
 * The headline projection: the share of the oldest cohort still buying PROJECTION_PERIODS after its acquisition,
 * by its own sBG fit, else the pooled one; null when neither could be fitted.
 */
export function oldestCohortProjection(
  analysis: CohortAnalysis
): { cohort: string; percent: number; periods: number } | null {
  const fit = [analysis.fits[0], analysis.pooled].find((outcome) => !isCvaError(outcome));
  if (!fit || isCvaError(fit)) return null;
  const periods = PROJECTION_PERIODS[analysis.table.period];
  return {
    cohort: analysis.table.labels[0],
    percent: percent(sbg.survival(fit.params, periods)),
    periods,
  };
}

/**
 * The plain-language lines: the oldest cohort's projected survival, the pooled retention and its change since the
 * previous run, and what was counted.
 */
function summary(input: CohortsSheetInput): string[] {
  const { analysis, translate: t, previous, dropPoints } = input;
  const { table } = analysis;
  const lines: string[] = [];
  const projection = oldestCohortProjection(analysis);
  lines.push(
    projection
      ? t("cohortsSheet.projection", {
          cohort: projection.cohort,
          percent: projection.percent,
          count: projection.periods,
          unit: unitOf(t, table.period, projection.periods),
        })
      : t("cohortsSheet.noProjection")
  );
  if (analysis.pooledRetention !== null) {
    lines.push(
      t("cohortsSheet.pooledRetention", {
        percent: percent(analysis.pooledRetention),
        unit: unitOf(t, table.period, 1),
      })
    );
    const change = retentionChange(analysis.pooledRetention, previous, dropPoints);
    if (change && previous) {
      const params = {
        previous: percent(previous.retention),
        date: previous.savedAt.slice(0, 10),
        points: Math.abs(change.points),
      };
      const key = change.flagged
        ? "retentionDrop"
        : change.points < 0
          ? "retentionDown"
          : change.points > 0
            ? "retentionUp"
            : "retentionSame";
      lines.push(t(`cohortsSheet.${key}`, params));
    }
  }
  lines.push(t(`cohortsSheet.countedNote.${table.count}`));
  return lines;
}

function fitRow(
  label: string,
  fit: CohortAnalysis["pooled"],
  ahead: number,
  input: CohortsSheetInput
): CellValue[] {
  if (isCvaError(fit)) return [label, null, null, null, input.describe(fit)];
  const { alpha, beta } = fit.params;
  const projected = percent(sbg.survival(fit.params, ahead));
  return [label, significant(alpha, 4), significant(beta, 4), projected, null];
}

function unitOf(t: Translate, period: CalendarPeriod, count: number): string {
  return t(`cohortsSheet.unit.${period}`, { count });
}

/** Shares as percentages with one decimal, as the Segment summary writes them. */
function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}
