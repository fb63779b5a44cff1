import type { SegmentationMethod } from "../../core/segmentation/segmentCustomers";
import type { CustomerTable } from "./customerTable";
import { Problem, problem } from "./problems";
import { SegmentGrid, defaultSegmentGrid, segmentMapOfGrid } from "./segmentGrid";
import { TierChoice, defaultTierChoice, tierChoiceProblems, tierOptions } from "./tierChoice";

export type MethodName = "rfm" | "tiers" | "score" | "predictive";
export const METHODS: readonly MethodName[] = ["rfm", "tiers", "score", "predictive"];

export interface RfmSettings {
  /** Score bins, 2–9 (one digit per score in the code). */
  bins: number;
  grid: SegmentGrid;
}

export interface TiersSettings {
  column: number | undefined;
  tiers: TierChoice;
}

export interface ScoreFactor {
  column: number;
  included: boolean;
  weight: number;
  /** 1: more is better; −1: less is better (days since the last purchase). */
  direction: 1 | -1;
}

export interface ScoreSettings {
  /** One per numeric column of the table, in sheet order. */
  factors: ScoreFactor[];
  tiers: TierChoice;
}

export interface PredictiveSettings {
  firstPurchase: number | undefined;
  lastPurchase: number | undefined;
  /** Months ahead for expected purchases and predicted CLV. */
  months: number;
  /** Customers whose P(alive) is below this percentage are flagged as likely lost. */
  aliveThreshold: number;
  tiers: TierChoice;
}

export interface MethodSettings {
  rfm: RfmSettings;
  tiers: TiersSettings;
  score: ScoreSettings;
  predictive: PredictiveSettings;
}

export const RFM_BINS = { min: 2, max: 9, default: 5 } as const;
export const MONTHS = { min: 1, max: 120, default: 12 } as const;
export const DEFAULT_ALIVE_THRESHOLD = 30;
/** Monthly discount rate of predicted CLV, lifetimes' default (about 12.7 % a year). */
export const MONTHLY_DISCOUNT_RATE = 0.01;

/** Tier names in the user's language for a number of tiers, best first. */
export type TierNames = (count: number) => string[];

/**
 * Settings for every method, proposed from the table: tiers on the money column, a score of recency (less is
 * better), frequency and monetary with equal weights, and the first and last purchase dates for the models.
 */
export function defaultMethodSettings(table: CustomerTable, tierNames: TierNames): MethodSettings {
  const { mapping } = table;
  const measures = [mapping.recency, mapping.frequency, mapping.monetary];
  const [first, last] = purchaseDateColumns(table);
  return {
    rfm: { bins: RFM_BINS.default, grid: defaultSegmentGrid(RFM_BINS.default) },
    tiers: {
      column: mapping.monetary ?? table.numericColumns[0],
      tiers: defaultTierChoice(tierNames(3)),
    },
    score: {
      factors: table.numericColumns
        .filter((column) => !table.dateColumns.includes(column))
        .map((column) => ({
          column,
          included: measures.includes(column),
          weight: 1,
          direction: column === mapping.recency ? -1 : 1,
        })),
      tiers: defaultTierChoice(tierNames(3)),
    },
    predictive: {
      firstPurchase: first,
      lastPurchase: last,
      months: MONTHS.default,
      aliveThreshold: DEFAULT_ALIVE_THRESHOLD,
      tiers: defaultTierChoice(tierNames(3)),
    },
  };
}

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

/** What stops the method from running, in the order the user meets the controls. */
export function methodProblems(
  method: MethodName,
  settings: MethodSettings,
  table: CustomerTable
): Problem[] {
  const { mapping } = table;
  const needs = (roles: ("recency" | "frequency" | "monetary")[]) => {
    const missing = roles.filter((role) => mapping[role] === undefined);
    return missing.length > 0 ? [problem("needsRoles", { roles: missing.join(",") })] : [];
  };
  switch (method) {
    case "rfm":
      return needs(["recency", "frequency", "monetary"]);
    case "tiers":
      return [
        ...(settings.tiers.column === undefined ? [problem("chooseColumn")] : []),
        ...tierChoiceProblems(settings.tiers.tiers),
      ];
    case "score": {
      const included = settings.score.factors.filter((factor) => factor.included);
      const weights = included.map((factor) => factor.weight);
      return [
        ...(included.length === 0 ? [problem("chooseFactors")] : []),
        ...(weights.some((w) => !(w >= 0 && Number.isFinite(w))) ||
        (included.length > 0 && weights.every((w) => w === 0))
          ? [problem("weights")]
          : []),
        ...tierChoiceProblems(settings.score.tiers),
      ];
    }
    case "predictive": {
      const { firstPurchase, lastPurchase, months, aliveThreshold } = settings.predictive;
      return [
        ...needs(["frequency", "monetary"]),
        ...(firstPurchase === undefined ||
        lastPurchase === undefined ||
        firstPurchase === lastPurchase
          ? [problem("choosePurchaseDates")]
          : []),
        ...(!Number.isInteger(months) || months < MONTHS.min || months > MONTHS.max
          ? [problem("months", { min: MONTHS.min, max: MONTHS.max })]
          : []),
        ...(!(aliveThreshold >= 0 && aliveThreshold <= 100) ? [problem("aliveThreshold")] : []),
        ...tierChoiceProblems(settings.predictive.tiers),
      ];
    }
  }
}

/** The engine's method for RFM, tiers or score; call after methodProblems found none. */
export function segmentationMethod(
  method: Exclude<MethodName, "predictive">,
  settings: MethodSettings,
  table: CustomerTable
): SegmentationMethod {
  const { mapping } = table;
  switch (method) {
    case "rfm":
      return {
        method: "rfm",
        recency: mapping.recency as number,
        frequency: mapping.frequency as number,
        monetary: mapping.monetary as number,
        bins: settings.rfm.bins,
        segmentMap: segmentMapOfGrid(settings.rfm.grid),
      };
    case "tiers":
      return {
        method: "tiers",
        column: settings.tiers.column as number,
        ...tierOptions(settings.tiers.tiers),
      };
    case "score": {
      const included = settings.score.factors.filter((factor) => factor.included);
      return {
        method: "score",
        columns: included.map((factor) => factor.column),
        weights: included.map((factor) => factor.weight),
        directions: included.map((factor) => factor.direction),
        valueColumn: mapping.monetary,
        ...tierOptions(settings.score.tiers),
      };
    }
  }
}
