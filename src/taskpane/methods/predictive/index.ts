import { lazy } from "react";
import { TRANSACTION_MODELS, TransactionModelId } from "../../../core/models/registry";
import { checkTiers, tierFields } from "../../../core/sharing/config";
import { z } from "../../../core/sharing/zod";
import { CustomerTable, customerRows } from "../../flow/customerTable";
import { problem } from "../../flow/problems";
import {
  TierChoice,
  defaultTierChoice,
  tierChoiceProblems,
  tierOptions,
} from "../../flow/tierChoice";
import { defineMethod, needsRoles } from "../paneMethod";
import { storedTiers, tierChoiceOf } from "../storedTiers";

export interface PredictiveSettings {
  /** The transaction model fitted for purchases: any registered one. */
  model: TransactionModelId;
  /** First and last purchase columns of a customer sheet (a summary of transactions brings its own inputs). */
  firstPurchase: number | undefined;
  lastPurchase: number | undefined;
  /** Months ahead for expected purchases and predicted CLV. */
  months: number;
  /** Customers whose P(alive) is below this percentage are flagged as likely lost. */
  aliveThreshold: number;
  tiers: TierChoice;
}

export const MONTHS = { min: 1, max: 120, default: 12 } as const;
export const DEFAULT_ALIVE_THRESHOLD = 30;
/** Monthly discount rate of predicted CLV, lifetimes' default (about 12.7 % a year). */
export const MONTHLY_DISCOUNT_RATE = 0.01;

/** The model the pane proposes, unless one-time buyers are many. */
export const DEFAULT_MODEL: TransactionModelId = "BG/NBD";
/**
 * BG/NBD counts every one-time buyer alive (P(alive) = 1 however long ago they bought); MBG/NBD lets them drop out.
 * From this share of one-time buyers on, that blind spot covers a third of the customers or more: the pane then
 * proposes MBG/NBD and says why.
 */
export const MANY_ONE_TIME_BUYERS = 1 / 3;
export const ONE_TIME_BUYERS_MODEL: TransactionModelId = "MBG/NBD";

/**
 * Share of one-time buyers: no repeat purchase in a summary of transactions, one purchase day (the frequency
 * column) on a customer sheet; 0 when the frequency column is not chosen yet.
 */
export function oneTimeBuyerShare(table: CustomerTable): number {
  // Counted in one pass: the defaults are worked out on every selection, a million rows included.
  let buyers = 0;
  let once = 0;
  if (table.summary) {
    for (const repeats of table.summary.modelInputs.frequency) {
      buyers++;
      if (repeats === 0) once++;
    }
  } else if (table.mapping.frequency !== undefined) {
    const column = table.mapping.frequency;
    for (let r = table.hasHeader ? 1 : 0; r < table.rows.length; r++) {
      const days = table.rows[r][column];
      if (typeof days !== "number") continue;
      buyers++;
      if (days === 1) once++;
    }
  }
  return buyers > 0 ? once / buyers : 0;
}
const MODEL_IDS = TRANSACTION_MODELS.map((model) => model.id) as [
  TransactionModelId,
  ...TransactionModelId[],
];

const stored = z
  .object({
    method: z.literal("predictive"),
    /** One of the registered transaction models. */
    model: z.enum(MODEL_IDS),
    /** Months ahead the predicted CLV covers. */
    months: z.number().int().min(1).max(1200),
    /** Discount rate per month. */
    discount: z.number().gt(-1).lt(1),
    /** Time unit of recency and T: days, weeks or months (PERIODS_PER_MONTH). */
    dataUnit: z.enum(["D", "W", "M"]),
    /** P(alive) below this share flags a customer as likely lost. */
    aliveThreshold: z.number().min(0).max(1),
    ...tierFields,
  })
  .superRefine(checkTiers);

/** The first and last purchase columns: by their headers (English or Chinese), else the date columns in order. */
export function purchaseDateColumns(
  table: Pick<CustomerTable, "dateColumns" | "labels">
): [number | undefined, number | undefined] {
  const named = (pattern: RegExp) =>
    table.dateColumns.find((column) => pattern.test(table.labels[column]));
  const first = named(/first|首次|第一次|初次/i) ?? table.dateColumns[0];
  const last =
    named(/last|latest|recent|最近|最后|末次/i) ??
    table.dateColumns.find((column) => column !== first);
  return [first, last];
}

/**
 * Predictive: a transaction model (any registered: BG/NBD, MBG/NBD, Pareto/NBD) and Gamma-Gamma fitted on the
 * customers, then P(alive), expected purchases and predicted CLV per customer, tiers on predicted CLV. From a
 * transaction table the models take exactly what CVA.RFMSUMMARY gives; from a customer sheet they are derived from
 * its purchase days, spend and first and last purchase dates. The models are loaded on first use, so the pane opens
 * without them.
 */
export const predictive = defineMethod({
  id: "predictive",
  defaults: (table: CustomerTable, tierNames): PredictiveSettings => {
    const [firstPurchase, lastPurchase] = purchaseDateColumns(table);
    return {
      model:
        oneTimeBuyerShare(table) >= MANY_ONE_TIME_BUYERS ? ONE_TIME_BUYERS_MODEL : DEFAULT_MODEL,
      firstPurchase,
      lastPurchase,
      months: MONTHS.default,
      aliveThreshold: DEFAULT_ALIVE_THRESHOLD,
      tiers: defaultTierChoice(tierNames(3)),
    };
  },
  adapt: (previous, fresh, table) => {
    const dated = (column: number | undefined) =>
      column !== undefined && table.dateColumns.includes(column) ? column : undefined;
    return {
      ...previous,
      firstPurchase: dated(previous.firstPurchase) ?? fresh.firstPurchase,
      lastPurchase: dated(previous.lastPurchase) ?? fresh.lastPurchase,
    };
  },
  problems: (settings, table) => {
    const { firstPurchase, lastPurchase, months, aliveThreshold } = settings;
    // A summary of transactions carries the models' inputs itself.
    const fromSheet = table.summary === undefined;
    return [
      ...(fromSheet ? needsRoles(table, ["frequency", "monetary"]) : []),
      ...(fromSheet &&
      (firstPurchase === undefined || lastPurchase === undefined || firstPurchase === lastPurchase)
        ? [problem("choosePurchaseDates")]
        : []),
      ...(!Number.isInteger(months) || months < MONTHS.min || months > MONTHS.max
        ? [problem("months", { min: MONTHS.min, max: MONTHS.max })]
        : []),
      ...(!(aliveThreshold >= 0 && aliveThreshold <= 100) ? [problem("aliveThreshold")] : []),
      ...tierChoiceProblems(settings.tiers),
    ];
  },
  run: async (table, settings, t) => {
    const { modelInputsOf, segmentByPrediction } = await import("./predictiveSegmentation");
    const rows = customerRows(table);
    const inputs = modelInputsOf(table, rows, settings);
    const segmented = segmentByPrediction(rows, inputs, {
      model: settings.model,
      months: settings.months,
      monthlyDiscountRate: MONTHLY_DISCOUNT_RATE,
      aliveThreshold: settings.aliveThreshold / 100,
      tiers: tierOptions(settings.tiers),
      headers: {
        probabilityAlive: t("output.probabilityAlive"),
        expectedPurchases: t("output.expectedPurchases", { count: settings.months }),
        predictedClv: t("output.predictedClv", { count: settings.months }),
        tier: t("output.Tier"),
        likelyLost: t("output.likelyLostHeader"),
        action: t("legend.action"),
      },
      likelyLost: t("output.likelyLost"),
      translate: (key) => t(key),
    });
    return {
      result: segmented.result,
      skipped: segmented.inconsistent,
      fitted: {
        purchases: segmented.purchases,
        spend: segmented.spend,
        likelyLost: segmented.likelyLost,
      },
    };
  },
  stored,
  toStored: (settings) => ({
    method: "predictive" as const,
    model: settings.model,
    months: settings.months,
    discount: MONTHLY_DISCOUNT_RATE,
    dataUnit: "D" as const,
    aliveThreshold: settings.aliveThreshold / 100,
    ...storedTiers(settings.tiers),
  }),
  storedColumns: (settings) => ({
    firstPurchase: settings.firstPurchase,
    lastPurchase: settings.lastPurchase,
  }),
  fromStored: (method, columns, proposed) => ({
    model: method.model,
    firstPurchase: columns.firstPurchase ?? proposed.firstPurchase,
    lastPurchase: columns.lastPurchase ?? proposed.lastPurchase,
    months: method.months,
    aliveThreshold: Math.round(method.aliveThreshold * 100 * 1e6) / 1e6,
    tiers: tierChoiceOf(method),
  }),
  /** P(alive) and predicted CLV, in segmentByPrediction's order. */
  measures: () => ({ pAlive: 0, clv: 2 }),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./PredictiveSettings").then((module) => ({
      default: module.PredictiveSettings,
    }))
  ),
});
