import { lazy } from "react";
import { z } from "../../../core/sharing/zod";
import type { CustomerTable } from "../../flow/customerTable";
import { problem } from "../../flow/problems";
import { defineMethod } from "../paneMethod";

export interface ModelCheckSettings {
  /** Last day (Excel serial) of the calibration period, and of the holdout period after it. */
  calibrationEnd: number | undefined;
  observationEnd: number | undefined;
}

/** A holdout shorter than four weeks says little about repeat buying, which comes weeks or months apart. */
export const MIN_HOLDOUT_DAYS = 28;
/** Three parameters fitted on fewer customers than this are mostly noise. */
export const MIN_CUSTOMERS = 100;

const stored = z.object({
  method: z.literal("modelCheck"),
  calibrationEnd: z.number().int().positive(),
  observationEnd: z.number().int().positive(),
});

/** The transaction log's first and last purchase days, and the customers first seen by `day`. */
export function transactionSpan(
  table: CustomerTable
): { first: number; last: number; customersBy: (day: number) => number } | null {
  const log = table.summary?.transactions;
  if (!log) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const date of log.dates)
    if (typeof date === "number" && date >= 1) {
      first = Math.min(first, Math.floor(date));
      last = Math.max(last, Math.floor(date));
    }
  if (!(first <= last)) return null;
  const customersBy = (day: number) => {
    const seen = new Set<unknown>();
    log.dates.forEach((date, i) => {
      if (typeof date === "number" && date >= 1 && Math.floor(date) <= day)
        seen.add(log.customerIds[i]);
    });
    return seen.size;
  };
  return { first, last, customersBy };
}

/**
 * Check the model: on a transaction log, fit every registered transaction model on the purchases up to the
 * calibration end and hold each model's predictions against what the customers bought up to the observation end.
 * The Model check sheet holds the scores, the tables and charts behind them and a plain-language verdict; per
 * customer it writes the holdout purchases made and those the best model predicted. Default split: the last third
 * of the log's period is the holdout.
 */
export const modelCheck = defineMethod({
  id: "modelCheck",
  defaults: (table): ModelCheckSettings => {
    const span = transactionSpan(table);
    if (!span) return { calibrationEnd: undefined, observationEnd: undefined };
    return {
      calibrationEnd: span.first + Math.round((2 * (span.last - span.first)) / 3),
      observationEnd: span.last,
    };
  },
  adapt: (previous, fresh, table) => {
    const span = transactionSpan(table);
    const inside = (day: number | undefined) =>
      span !== null && day !== undefined && day >= span.first && day <= span.last;
    return inside(previous.calibrationEnd) && inside(previous.observationEnd) ? previous : fresh;
  },
  problems: ({ calibrationEnd, observationEnd }, table) => {
    const span = transactionSpan(table);
    if (!span) return [problem("modelCheckNeedsTransactions")];
    if (
      calibrationEnd === undefined ||
      observationEnd === undefined ||
      !(calibrationEnd >= span.first && calibrationEnd < observationEnd)
    )
      return [problem("modelCheckDates")];
    const problems = [];
    const holdout = Math.min(observationEnd, span.last) - calibrationEnd;
    if (holdout < MIN_HOLDOUT_DAYS)
      problems.push(problem("modelCheckShortHoldout", { days: holdout, min: MIN_HOLDOUT_DAYS }));
    const customers = span.customersBy(calibrationEnd);
    if (customers < MIN_CUSTOMERS)
      problems.push(problem("modelCheckFewCustomers", { customers, min: MIN_CUSTOMERS }));
    return problems;
  },
  run: async (table, settings, t) => {
    const { modelCheckRun } = await import("./modelCheckReport");
    return modelCheckRun(table, settings, t);
  },
  stored,
  toStored: (settings) => ({
    method: "modelCheck" as const,
    calibrationEnd: settings.calibrationEnd as number,
    observationEnd: settings.observationEnd as number,
  }),
  fromStored: (method) => ({
    calibrationEnd: method.calibrationEnd,
    observationEnd: method.observationEnd,
  }),
  /** The check is evidence about the models, not a standing of customers to follow: tiers alone are compared. */
  measures: () => ({}),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./ModelCheckSettings").then((module) => ({
      default: module.ModelCheckSettings,
    }))
  ),
});
