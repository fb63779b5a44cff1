import { errorText } from "../../../core/errors";
import type { CohortAnalysis } from "../../../core/cohorts/cohortAnalysis";
import {
  oldestCohortProjection,
  planCohortsSheet,
  PreviousRetention,
  retentionChange,
} from "../../../core/cohorts/cohortsSheet";
import { localeOf } from "../../../core/messages/messageTypes";
import type { SlotRun } from "../../../core/sharing/snapshot";
import { type CustomerTable, customerRows } from "../../flow/customerTable";
import { type Problem, problem } from "../../flow/problems";
import type { MethodRun, Translate } from "../paneMethod";
import { segmentByCohort, STATUSES } from "./cohortsSegmentation";
import type { CohortsSettings } from "./index";

/** The Cohorts method's engine call: per-customer cohort and status, and the Cohorts sheet to plan. */
export function cohortsRun(
  table: CustomerTable,
  settings: CohortsSettings,
  t: Translate
): MethodRun {
  const segmented = segmentByCohort(customerRows(table), {
    period: settings.period,
    firstPurchase: settings.firstPurchase as number,
    lastPurchase: settings.lastPurchase as number,
    monetary: table.mapping.monetary,
    headers: { cohort: t("output.cohort"), status: t("output.cohortStatus") },
    statuses: {
      repeat: t("output.cohortRepeat"),
      fresh: t("output.cohortFresh"),
      once: t("output.cohortOnce"),
    },
  });
  const { analysis } = segmented;
  return {
    result: segmented.result,
    skipped: segmented.inconsistent,
    report: {
      sheet: t("cohortsSheet.sheetName"),
      lines: previewLines(analysis, t),
      plan: (previous, locale) => {
        const before = previousRetention(previous);
        const plan = planCohortsSheet({
          analysis,
          translate: t,
          describe: (error) => errorText(error, localeOf(locale)),
          previous: before,
          dropPoints: settings.dropPoints,
        });
        return { plan, note: dropNote(analysis.pooledRetention, before, settings.dropPoints) };
      },
    },
  };
}

/**
 * The pooled retention of a kept run of this method: its tiers are the statuses in STATUSES order whatever the
 * language (a slot holds tier j as j + 1, 0 for a customer not in that run), and pooled retention is the customers
 * who bought again over those who could have (repeat + once).
 */
export function previousRetention(previous: SlotRun | null): PreviousRetention | null {
  if (!previous || previous.labels.length !== STATUSES.length) return null;
  const repeat = STATUSES.indexOf("repeat") + 1;
  const once = STATUSES.indexOf("once") + 1;
  let bought = 0;
  let could = 0;
  for (const tier of previous.tiers) {
    if (tier === repeat) bought++;
    if (tier === repeat || tier === once) could++;
  }
  return could === 0 ? null : { retention: bought / could, savedAt: previous.savedAt };
}

/** A warning for the pane when pooled retention fell by more than the threshold since the previous run. */
function dropNote(
  current: number | null,
  previous: PreviousRetention | null,
  dropPoints: number
): Problem | null {
  const change = retentionChange(current, previous, dropPoints);
  if (!change?.flagged || !previous || current === null) return null;
  return problem(
    "retentionDrop",
    {
      points: -change.points,
      previous: Math.round(previous.retention * 1000) / 10,
      current: Math.round(current * 1000) / 10,
      date: previous.savedAt.slice(0, 10),
    },
    "warning"
  );
}

/** What the preview says: cohorts, customers and pooled retention, and the oldest cohort's projection. */
function previewLines(analysis: CohortAnalysis, t: Translate): string[] {
  const { table } = analysis;
  const customers = table.sizes.reduce((sum, size) => sum + size, 0);
  const lines = [
    t("cohorts.preview", {
      cohorts: table.labels.length,
      customers,
      retention:
        analysis.pooledRetention === null ? "—" : Math.round(analysis.pooledRetention * 1000) / 10,
    }),
  ];
  const projection = oldestCohortProjection(analysis);
  if (projection)
    lines.push(
      t("cohorts.previewProjection", {
        cohort: projection.cohort,
        percent: projection.percent,
        count: projection.periods,
        unit: t(`cohortsSheet.unit.${table.period}`, { count: projection.periods }),
      })
    );
  return lines;
}
