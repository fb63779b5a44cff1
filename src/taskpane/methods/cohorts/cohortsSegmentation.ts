import { analyseCohorts, type CohortAnalysis } from "../../../core/cohorts/cohortAnalysis";
import {
  monthOfSerial,
  periodOfMonth,
  type CalendarPeriod,
} from "../../../core/cohorts/calendarPeriods";
import { retainedCohortTable } from "../../../core/cohorts/cohortTable";
import { PROJECTION_PERIODS } from "../../../core/cohorts/cohortsSheet";
import type {
  CustomerRows,
  SegmentationResult,
  TierSummary,
} from "../../../core/segmentation/segmentCustomers";
import { prepareCustomers } from "../../../core/table/prepareCustomers";
import type { PaneSkippedRow } from "../../flow/quality";

export interface CohortsColumns {
  firstPurchase: number;
  lastPurchase: number;
  /** Spend per customer, for each status's value; optional. */
  monetary?: number;
}

/**
 * A customer's standing in their cohort, best first: bought again in a later period ("repeat"), acquired in the
 * last period so not yet able to ("fresh"), or bought in their first period only ("once"). The order is the tiers'
 * order in every run, so a kept run's tiers read back by index whatever the language.
 */
export const STATUSES = ["repeat", "fresh", "once"] as const;
export type Status = (typeof STATUSES)[number];

const ACTIONS: Readonly<Record<Status, string>> = {
  repeat: "action.loyaltyProgramme",
  fresh: "action.onboard",
  once: "action.winBack",
};

export interface CohortsOptions extends CohortsColumns {
  period: CalendarPeriod;
  /** Result headers and the statuses' names, in the user's language. */
  headers: { cohort: string; status: string };
  statuses: Readonly<Record<Status, string>>;
}

export interface CohortsSegmentation {
  result: SegmentationResult;
  /** Rows whose dates contradict each other (a last purchase before the first, a date before 1900). */
  inconsistent: PaneSkippedRow[];
  analysis: CohortAnalysis;
}

/**
 * Cohorts from a customer-level sheet (one row per customer with first and last purchase dates, as a transaction
 * log's summary has): each customer's cohort and status as the per-customer result, and the cohort table counting
 * retained customers (bought in the period or later) with the sBG fitted per cohort and pooled, for the Cohorts
 * sheet. The as-of date is the latest last purchase.
 */
export function segmentByCohort(table: CustomerRows, options: CohortsOptions): CohortsSegmentation {
  const { period, firstPurchase, lastPurchase, monetary } = options;
  const prepared = prepareCustomers(table.rows, {
    hasHeader: table.hasHeader,
    firstRow: table.firstRow,
    customer: table.customer,
    measures: [
      { column: firstPurchase, kind: "date" },
      { column: lastPurchase, kind: "date" },
      ...(monetary === undefined ? [] : [{ column: monetary, kind: "amount" as const }]),
    ],
    asOfDate: table.asOfDate,
  });
  const [first, last, spend] = prepared.values;
  const kept: number[] = [];
  const inconsistent: PaneSkippedRow[] = [];
  for (let k = 0; k < prepared.rows.length; k++) {
    if (first[k] >= 1 && last[k] >= first[k]) kept.push(k);
    else
      inconsistent.push({
        sheetRow: (table.firstRow ?? 0) + prepared.rows[k] + 1,
        reason: "inconsistent",
        column: first[k] >= 1 ? lastPurchase : firstPurchase,
      });
  }
  const cohorts = retainedCohortTable(
    kept.map((k) => first[k]),
    kept.map((k) => last[k]),
    { period }
  );
  const periodOf = (serial: number) => periodOfMonth(monthOfSerial(serial), period);
  const lastPeriod = periodOf(cohorts.asOfDate);
  const labelOf = new Map(cohorts.cohortPeriods.map((p, c) => [p, cohorts.labels[c]]));

  const start = table.hasHeader ? 1 : 0;
  const dataRows = Math.max(0, table.rows.length - start);
  const cohortColumn = new Array<string | null>(dataRows).fill(null);
  const statusColumn = new Array<string | null>(dataRows).fill(null);
  const customers = new Map<Status, number>(STATUSES.map((status) => [status, 0]));
  const value = new Map<Status, number>(STATUSES.map((status) => [status, 0]));
  for (const k of kept) {
    const acquired = periodOf(first[k]);
    const status: Status =
      periodOf(last[k]) > acquired ? "repeat" : acquired === lastPeriod ? "fresh" : "once";
    const p = prepared.rows[k] - start;
    cohortColumn[p] = labelOf.get(acquired) as string;
    statusColumn[p] = options.statuses[status];
    customers.set(status, (customers.get(status) as number) + 1);
    value.set(status, (value.get(status) as number) + (spend ? spend[k] : 0));
  }
  const totalValue = [...value.values()].reduce((sum, v) => sum + v, 0);
  const tiers: TierSummary[] = STATUSES.map((status) => ({
    label: options.statuses[status],
    customers: customers.get(status) as number,
    value: value.get(status) as number,
    shareOfCustomers: kept.length === 0 ? 0 : (customers.get(status) as number) / kept.length,
    shareOfValue: totalValue === 0 ? 0 : (value.get(status) as number) / totalValue,
    action: ACTIONS[status],
  }));
  return {
    result: {
      method: "tiers",
      columns: [
        { header: options.headers.cohort, values: cohortColumn },
        { header: options.headers.status, values: statusColumn },
      ],
      tierColumn: 1,
      tiers,
      quality: prepared.quality,
    },
    inconsistent,
    analysis: analyseCohorts(cohorts, PROJECTION_PERIODS[period]),
  };
}
