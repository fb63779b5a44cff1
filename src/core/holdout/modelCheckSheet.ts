import type { CellValue } from "../cells";
import type { CvaError } from "../errors";
import type { Message } from "../messages/catalogue";
import type { Translate } from "../sharing/sharingText";
import { type ChartSpec, DATE_FORMAT, type WritePlan } from "../workbook/workbookPort";
import type { ModelCheck } from "./modelCheck";

/** The charts' names on the sheet, so a later run replaces them rather than adding more. */
export const TRACKING_CHART = "CVA model check tracking";
export const HISTOGRAM_CHART = "CVA model check histogram";

/** The winning model's row: the tiers' green (Paul Tol's scheme, as src/core/segmentation/palette.ts). */
export const BEST_MODEL_FILL = "#A6D96A";

/** Each chart's size in cells (about 480 × 300 px at default sizes). */
const CHART_SIZE = { rowCount: 15, columnCount: 8 };

export interface ModelCheckSheetInput {
  check: ModelCheck;
  /** Words in the reader's language (the pane's i18next t, keys under modelCheckSheet.*). */
  translate: Translate;
  /** An engine message or error in the reader's language (the verdict, why a model has no fit). */
  describe: (message: Message | CvaError) => string;
}

/**
 * The Model check sheet: the verdict in plain words; per model the fit on the calibration period (LL, AIC, BIC)
 * and its holdout accuracy (MAE, RMSE per customer, total purchases predicted against actual), the winner's row
 * filled; mean holdout purchases by calibration frequency; and the weekly cumulative repeat purchases and the
 * repeat-purchase histogram, actual against each model, each with a native chart beside it. Replaced on each run.
 */
export function planModelCheckSheet(input: ModelCheckSheetInput): WritePlan {
  const { check, translate: t, describe } = input;
  const sheet = t("modelCheckSheet.sheetName");
  const names = check.models.map((model) => model.displayName);
  const rows: CellValue[][] = [
    [t("modelCheckSheet.title")],
    [describe(check.verdict)],
    [
      t("modelCheckSheet.periods", {
        customers: check.customers,
        holdout: round(check.holdoutPeriods * check.periodDays, 0),
        actual: check.actualTotal,
      }),
    ],
    [t("modelCheckSheet.calibrationEnd"), check.calibrationEnd],
    [t("modelCheckSheet.observationEnd"), check.observationEnd],
    [],
    [t("modelCheckSheet.scoresTitle")],
    [
      t("modelCheckSheet.model"),
      "LL",
      "AIC",
      "BIC",
      "MAE",
      "RMSE",
      t("modelCheckSheet.predictedTotal"),
      t("modelCheckSheet.actualTotal"),
      t("modelCheckSheet.errorPercent"),
      t("modelCheckSheet.note"),
    ],
  ];
  const scoresTop = rows.length;
  rows.push(
    ...check.models.map((model) =>
      model.error
        ? [
            model.displayName,
            null,
            null,
            null,
            null,
            null,
            null,
            check.actualTotal,
            null,
            describe(model.error),
          ]
        : [
            model.displayName,
            round(model.logLikelihood, 1),
            round(model.aic, 1),
            round(model.bic, 1),
            round(model.mae, 4),
            round(model.rmse, 4),
            round(model.predictedTotal, 1),
            check.actualTotal,
            round(model.totalErrorPercent, 1),
            null,
          ]
    ),
    [],
    [t("modelCheckSheet.byFrequencyTitle")],
    [
      t("modelCheckSheet.calibrationPurchases"),
      t("modelCheckSheet.customers"),
      t("modelCheckSheet.actual"),
      ...names,
    ],
    ...check.byFrequency.map((bin) => [
      bin.frequency,
      bin.customers,
      round(bin.actual, 3),
      ...bin.predicted.map((value) => round(value, 3)),
    ]),
    [],
    [t("modelCheckSheet.trackingTitle")]
  );
  const trackingTop = rows.length;
  rows.push(
    // The corner stays empty: Excel then reads the first column as the chart's categories, not as a series.
    [null, t("modelCheckSheet.actual"), ...names],
    ...check.tracking.map((week) => [
      week.date,
      week.actual,
      ...week.expected.map((value) => round(value, 1)),
    ]),
    [],
    [t("modelCheckSheet.histogramTitle")]
  );
  const histogramTop = rows.length;
  rows.push(
    [null, t("modelCheckSheet.actual"), ...names],
    ...check.histogram.map((bin) => [
      bin.repeats,
      bin.actual,
      ...bin.expected.map((value) => round(value, 1)),
    ])
  );
  const width = Math.max(...rows.map((row) => row.length));
  const values = rows.map((row) => [
    ...row,
    ...new Array<CellValue>(width - row.length).fill(null),
  ]);

  const series = names.length + 2;
  const chartColumn = series + 1;
  const charts: ChartSpec[] = [
    {
      sheet,
      name: TRACKING_CHART,
      type: "line",
      title: t("modelCheckSheet.trackingChart"),
      legend: true,
      data: {
        row: trackingTop,
        column: 0,
        rowCount: check.tracking.length + 1,
        columnCount: series,
      },
      position: { row: trackingTop, column: chartColumn, ...CHART_SIZE },
    },
    {
      sheet,
      name: HISTOGRAM_CHART,
      type: "columnClustered",
      title: t("modelCheckSheet.histogramChart"),
      legend: true,
      data: {
        row: histogramTop,
        column: 0,
        rowCount: check.histogram.length + 1,
        columnCount: series,
      },
      position: { row: histogramTop, column: chartColumn, ...CHART_SIZE },
    },
  ];
  const best = check.models.find((model) => model.id === check.best);
  // The winner marked by name, a rule any reader applies: =$A10="Pareto/NBD" over the score rows.
  const winner = best && {
    sheet,
    areas: [{ row: scoresTop, column: 0, rowCount: check.models.length, columnCount: 10 }],
    rules: [
      {
        formula: `=$A${scoresTop + 1}="${best.displayName.replace(/"/g, '""')}"`,
        fill: BEST_MODEL_FILL,
        fontColor: "#000000",
      },
    ],
  };
  return {
    sheets: [{ name: sheet, replace: true }],
    clear: [],
    values: [{ at: { sheet, row: 0, column: 0 }, values }],
    fills: winner ? [winner] : [],
    numberFormats: [
      {
        sheet,
        areas: [
          { row: 3, column: 1, rowCount: 2, columnCount: 1 },
          { row: trackingTop + 1, column: 0, rowCount: check.tracking.length, columnCount: 1 },
        ],
        format: DATE_FORMAT,
      },
    ],
    settings: {},
    charts,
  };
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
