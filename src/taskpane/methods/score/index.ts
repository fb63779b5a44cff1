import { lazy } from "react";
import { ScoreMethod, segmentByScore } from "../../../core/segmentation/segmentCustomers";
import { checkTiers, storedColumn, tierFields } from "../../../core/sharing/config";
import { z } from "../../../core/sharing/zod";
import { CustomerTable, customerRows } from "../../flow/customerTable";
import { problem } from "../../flow/problems";
import {
  TierChoice,
  defaultTierChoice,
  tierChoiceProblems,
  tierOptions,
} from "../../flow/tierChoice";
import { localizeResult } from "../localizeResult";
import { defineMethod } from "../paneMethod";
import { storedTiers, tierChoiceOf } from "../storedTiers";

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

const stored = z
  .object({
    method: z.literal("score"),
    columns: z.array(storedColumn).min(1),
    weights: z.array(z.number().min(0).max(1e6)),
    directions: z.array(z.union([z.literal(1), z.literal(-1)])),
    ...tierFields,
  })
  .superRefine((score, context) => {
    checkTiers(score, context);
    if (
      score.weights.length !== score.columns.length ||
      score.directions.length !== score.columns.length
    )
      context.addIssue({
        code: "custom",
        path: ["weights"],
        message: "A score needs one weight and one direction per column.",
      });
    if (!score.weights.some((weight) => weight > 0))
      context.addIssue({
        code: "custom",
        path: ["weights"],
        message: "At least one weight must be above 0.",
      });
  });

/**
 * The engine's score method for these settings (call after the problems found none); the tiers' share of value is
 * measured on the money column when the table has one.
 */
export function scoreEngineMethod(settings: ScoreSettings, table: CustomerTable): ScoreMethod {
  const included = settings.factors.filter((factor) => factor.included);
  return {
    method: "score",
    columns: included.map((factor) => factor.column),
    weights: included.map((factor) => factor.weight),
    directions: included.map((factor) => factor.direction),
    valueColumn: table.mapping.monetary,
    ...tierOptions(settings.tiers),
  };
}

/**
 * A weighted 0–100 score and tiers on it, proposed on recency (less is better), frequency and monetary with equal
 * weights, every other numeric column offered unticked.
 */
export const score = defineMethod({
  id: "score",
  defaults: (table: CustomerTable, tierNames): ScoreSettings => {
    const { mapping } = table;
    const measures = [mapping.recency, mapping.frequency, mapping.monetary];
    return {
      factors: table.numericColumns
        .filter((column) => !table.dateColumns.includes(column))
        .map((column) => ({
          column,
          included: measures.includes(column),
          weight: 1,
          direction: column === mapping.recency ? (-1 as const) : (1 as const),
        })),
      tiers: defaultTierChoice(tierNames(3)),
    };
  },
  adapt: (previous, fresh) => ({
    factors: fresh.factors.map(
      (factor) => previous.factors.find((kept) => kept.column === factor.column) ?? factor
    ),
    tiers: previous.tiers,
  }),
  problems: (settings) => {
    const included = settings.factors.filter((factor) => factor.included);
    const weights = included.map((factor) => factor.weight);
    return [
      ...(included.length === 0 ? [problem("chooseFactors")] : []),
      ...(weights.some((w) => !(w >= 0 && Number.isFinite(w))) ||
      (included.length > 0 && weights.every((w) => w === 0))
        ? [problem("weights")]
        : []),
      ...tierChoiceProblems(settings.tiers),
    ];
  },
  run: async (table, settings, t) => ({
    result: localizeResult(
      segmentByScore(customerRows(table), scoreEngineMethod(settings, table)),
      t
    ),
  }),
  stored,
  toStored: (settings) => {
    const included = settings.factors.filter((factor) => factor.included);
    return {
      method: "score" as const,
      columns: included.map((factor) => factor.column),
      weights: included.map((factor) => factor.weight),
      directions: included.map((factor) => factor.direction),
      ...storedTiers(settings.tiers),
    };
  },
  fromStored: (method, _, proposed) => ({
    factors: proposed.factors.map((factor) => {
      const j = method.columns.indexOf(factor.column);
      return j < 0
        ? { ...factor, included: false }
        : {
            column: factor.column,
            included: true,
            weight: method.weights[j],
            direction: method.directions[j],
          };
    }),
    tiers: tierChoiceOf(method),
  }),
  /** The score column, just before the tier. */
  measures: (result) => ({ score: result.tierColumn - 1 }),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./ScoreSettings").then((module) => ({
      default: module.ScoreSettings,
    }))
  ),
});
