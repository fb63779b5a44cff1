import { lazy } from "react";
import type { CalendarPeriod } from "../../../core/cohorts/calendarPeriods";
import { z } from "../../../core/sharing/zod";
import { problem } from "../../flow/problems";
import { defineMethod } from "../paneMethod";
import { purchaseDateColumns } from "../predictive";

export interface CohortsSettings {
  period: CalendarPeriod;
  firstPurchase: number | undefined;
  lastPurchase: number | undefined;
  /** A fall in pooled retention by more than this many percentage points since the previous run is flagged. */
  dropPoints: number;
}

export const PERIODS: readonly CalendarPeriod[] = ["M", "Q", "Y"];
export const DEFAULT_DROP_POINTS = 2;

const stored = z.object({
  method: z.literal("cohorts"),
  period: z.enum(["M", "Q", "Y"]),
  dropPoints: z.number().min(0).max(100),
});

/**
 * Cohorts: customers grouped by the month, quarter or year of their first purchase, counted while they still buy,
 * with the shifted-beta-geometric model fitted per cohort and pooled. Per customer it writes the cohort and a
 * status (bought again, new this period, one period only); the Cohorts sheet holds the triangle, the retention
 * heatmap, the fits, the survival chart and a plain-language summary. Monitoring compares the pooled retention —
 * the share of customers who bought again after their first period — with the previous run's.
 */
export const cohorts = defineMethod({
  id: "cohorts",
  defaults: (table): CohortsSettings => {
    const [firstPurchase, lastPurchase] = purchaseDateColumns(table);
    return { period: "M", firstPurchase, lastPurchase, dropPoints: DEFAULT_DROP_POINTS };
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
  problems: ({ firstPurchase, lastPurchase, dropPoints }) => [
    ...(firstPurchase === undefined || lastPurchase === undefined || firstPurchase === lastPurchase
      ? [problem("choosePurchaseDates")]
      : []),
    ...(!(dropPoints >= 0 && dropPoints <= 100) ? [problem("retentionDropPoints")] : []),
  ],
  run: async (table, settings, t) => {
    const { cohortsRun } = await import("./cohortsReport");
    return cohortsRun(table, settings, t);
  },
  stored,
  toStored: (settings) => ({
    method: "cohorts" as const,
    period: settings.period,
    dropPoints: settings.dropPoints,
  }),
  thresholds: ["dropPoints"],
  storedColumns: (settings) => ({
    firstPurchase: settings.firstPurchase,
    lastPurchase: settings.lastPurchase,
  }),
  fromStored: (method, columns, proposed) => ({
    period: method.period,
    firstPurchase: columns.firstPurchase ?? proposed.firstPurchase,
    lastPurchase: columns.lastPurchase ?? proposed.lastPurchase,
    dropPoints: method.dropPoints,
  }),
  /** A customer's cohort never changes and their status only moves on: tiers alone are compared. */
  measures: () => ({}),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./CohortsSettings").then((module) => ({
      default: module.CohortsSettings,
    }))
  ),
});
