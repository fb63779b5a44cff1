import type { CurrentRun, IdTable, SlotRun } from "./snapshot";

/** Reasons a customer is flagged, as bits of CustomerChanges.flags. */
export const FLAG = {
  /** In a worse tier than last run (tiers compared by name, best first). */
  tierDrop: 1,
  /** Predicted value fell by more than the threshold share of its previous amount. */
  valueDrop: 2,
  /** P(alive) fell by more than the threshold (absolute). */
  aliveDrop: 4,
} as const;
/** Not a warning, but shown in the Change column: a better tier than last run. */
export const TIER_RISE = 8;
const WARNINGS = FLAG.tierDrop | FLAG.valueDrop | FLAG.aliveDrop;

export interface MonitoringThresholds {
  /** Flag when predicted CLV fell by more than this share, e.g. 0.25 (relative). Default 0.25. */
  valueDropShare?: number;
  /** Flag when P(alive) fell by more than this, e.g. 0.2 (absolute, 0–1). Default 0.2. */
  aliveDrop?: number;
}

export const DEFAULT_THRESHOLDS: Required<MonitoringThresholds> = {
  valueDropShare: 0.25,
  aliveDrop: 0.2,
};

export interface RunComparison {
  /** The previous run's tier names (rows of the movement matrix, then one row for new customers). */
  from: string[];
  /** This run's tier names (columns of the movement matrix, then one column for customers gone). */
  to: string[];
  /**
   * movement[i][j]: customers in previous tier i now in tier j; row from.length counts new customers, column
   * to.length those no longer in the data. It sums to the customers of either run.
   */
  movement: number[][];
  /** Per customer of this run (aligned with its snapshot): previous tier index, −1 when new. */
  previousTier: Int16Array;
  /** Per customer of this run: FLAG bits and TIER_RISE. */
  flags: Uint8Array;
  /** Per customer: relative change of predicted CLV (−0.3 = fell 30 %), NaN when not comparable. */
  valueChange: Float64Array;
  /** Per customer: change of P(alive) (−0.25 = fell 25 points), NaN when not comparable. */
  aliveChange: Float64Array;
  /** Ids of the previous run's customers that this run does not have. */
  gone: string[];
  /** Customers with at least one warning flag. */
  flagged: number;
}

/**
 * What changed between the previous run and this one, both on the same id table. Tiers are matched by name (ignoring
 * case, as Excel compares text), so a customer dropped a tier when its previous tier is also one of this run's and
 * now sits above its current one; a tier name the current run does not have cannot be ranked and raises no tier
 * flag. Predicted value drops are relative to the previous amount (only when that was positive); P(alive) drops are
 * absolute. "More than" is strict. Customers are matched by slot, so a million are compared in one pass over arrays.
 * @example compareRuns(previous, current, table).movement.flat().reduce((a, b) => a + b) // customers in either run
 */
export function compareRuns(
  previous: SlotRun,
  current: CurrentRun,
  table: IdTable,
  thresholds: MonitoringThresholds = {}
): RunComparison {
  const { valueDropShare, aliveDrop } = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const { run, slots } = current;
  const currentRank = new Map(run.labels.map((label, j) => [label.toLocaleLowerCase(), j]));
  const rankNow = previous.labels.map((label) => currentRank.get(label.toLocaleLowerCase()) ?? -1);
  const movement = Array.from({ length: previous.labels.length + 1 }, () =>
    new Array<number>(run.labels.length + 1).fill(0)
  );
  const n = slots.length;
  const previousTier = new Int16Array(n);
  const flags = new Uint8Array(n);
  const valueChange = new Float64Array(n).fill(NaN);
  const aliveChange = new Float64Array(n).fill(NaN);
  const compareValue = previous.clv !== undefined && run.clv !== undefined;
  const compareAlive = previous.pAlive !== undefined && run.pAlive !== undefined;
  let flagged = 0;
  for (let k = 0; k < n; k++) {
    const slot = slots[k];
    const tier = run.tiers[slot] - 1;
    const before = (slot < previous.tiers.length ? previous.tiers[slot] : 0) - 1;
    previousTier[k] = before;
    if (before < 0) {
      movement[previous.labels.length][tier]++;
      continue;
    }
    movement[before][tier]++;
    let bits = 0;
    if (rankNow[before] >= 0 && tier > rankNow[before]) bits |= FLAG.tierDrop;
    if (rankNow[before] >= 0 && tier < rankNow[before]) bits |= TIER_RISE;
    if (compareValue) {
      const was = (previous.clv as Float64Array)[slot];
      const now = (run.clv as Float64Array)[slot];
      if (was > 0 && Number.isFinite(now)) {
        valueChange[k] = (now - was) / was;
        if (-valueChange[k] > valueDropShare) bits |= FLAG.valueDrop;
      }
    }
    if (compareAlive) {
      const change = (run.pAlive as Float64Array)[slot] - (previous.pAlive as Float64Array)[slot];
      if (Number.isFinite(change)) {
        aliveChange[k] = change;
        if (-change > aliveDrop) bits |= FLAG.aliveDrop;
      }
    }
    flags[k] = bits;
    if (bits & WARNINGS) flagged++;
  }
  const gone: string[] = [];
  for (let slot = 0; slot < previous.tiers.length; slot++) {
    const before = previous.tiers[slot];
    if (before === 0 || (slot < run.tiers.length && run.tiers[slot] !== 0)) continue;
    gone.push(table.ids[slot]);
    movement[before - 1][run.labels.length]++;
  }
  return {
    from: [...previous.labels],
    to: [...run.labels],
    movement,
    previousTier,
    flags,
    valueChange,
    aliveChange,
    gone,
    flagged,
  };
}

export interface FlaggedCustomer {
  id: string;
  /** Previous and current tier names. */
  from: string;
  to: string;
  /** FLAG bits that apply. */
  reasons: number;
  valueChange: number;
  aliveChange: number;
}

/** The flagged customers of this run, in its order, for the pane's list. */
export function flaggedCustomers(
  comparison: RunComparison,
  current: CurrentRun,
  table: IdTable
): FlaggedCustomer[] {
  const list: FlaggedCustomer[] = [];
  for (let k = 0; k < current.slots.length; k++) {
    const reasons = comparison.flags[k] & WARNINGS;
    if (reasons === 0) continue;
    const slot = current.slots[k];
    list.push({
      id: table.ids[slot],
      from: comparison.from[comparison.previousTier[k]],
      to: comparison.to[current.run.tiers[slot] - 1],
      reasons,
      valueChange: comparison.valueChange[k],
      aliveChange: comparison.aliveChange[k],
    });
  }
  return list;
}

/** Whether a customer carries a warning (not just a rise). */
export function isFlagged(flags: number): boolean {
  return (flags & WARNINGS) !== 0;
}
