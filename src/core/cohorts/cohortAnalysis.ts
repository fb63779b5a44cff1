import { type CvaError, isCvaError } from "../errors";
import type { ModelFit } from "../models/model";
import { fitSbg, sbg, type SbgParams } from "../models/sbg";
import type { CohortTable } from "./cohortTable";

/** An sBG fit, or why there is none (too few periods, no churn, no finite maximum…). */
export type SbgOutcome = ModelFit<SbgParams> | CvaError;

/**
 * A cohort table with the sBG fitted to each cohort and to all of them pooled, and the pooled survival curve actual
 * beside projected: what the Cohorts sheet shows.
 */
export interface CohortAnalysis {
  table: CohortTable;
  /** Per cohort, its own fit. */
  fits: SbgOutcome[];
  /** One fit over every cohort (the likelihood pooled: each cohort's customers count once). */
  pooled: SbgOutcome;
  /**
   * Per period k = 0 … horizon: the share of customers still counted k periods after acquisition, over the cohorts
   * observed that long (null past the oldest cohort's age), and the pooled fit's S(k) (null without a fit).
   */
  curve: { period: number; actual: number | null; projected: number | null }[];
  /**
   * The seeds' retention pooled over the cohorts observed for at least one period: customers still counted one
   * period after acquisition ÷ customers acquired ((end − new)/start with new = 0). Null when no cohort is that old.
   */
  pooledRetention: number | null;
}

/**
 * Fits the sBG per cohort and pooled, and projects the pooled survival `ahead` periods past the oldest cohort's
 * age. A cohort whose counts cannot be fitted (too short, rising counts, no churn) gets its reason instead of a fit;
 * it still counts in the actual curve and in the pooled retention.
 */
export function analyseCohorts(table: CohortTable, ahead: number): CohortAnalysis {
  const outcome = (curves: number[][]): SbgOutcome => {
    try {
      return fitSbg(curves);
    } catch (error) {
      if (isCvaError(error)) return error;
      throw error;
    }
  };
  const fits = table.counts.map((counts) => outcome([counts]));
  const pooled = outcome(table.counts);
  const oldest = Math.max(...table.counts.map((counts) => counts.length - 1));
  const curve = Array.from({ length: oldest + ahead + 1 }, (_, period) => ({
    period,
    actual: pooledShare(table, period),
    projected: isCvaError(pooled) ? null : sbg.survival(pooled.params, period),
  }));
  return { table, fits, pooled, curve, pooledRetention: pooledShare(table, 1) };
}

/** Σ counts at period k ÷ Σ sizes, over the cohorts observed k periods after acquisition; null if none is. */
function pooledShare(table: CohortTable, period: number): number | null {
  let counted = 0;
  let acquired = 0;
  table.counts.forEach((counts) => {
    if (period >= counts.length) return;
    counted += counts[period];
    acquired += counts[0];
  });
  return acquired === 0 ? null : counted / acquired;
}
