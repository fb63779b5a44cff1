import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import { percentilesInc } from "../stats/percentileInc";
import { scratchFloat64 } from "../stats/scratch";

export type TierBasis = "customers" | "value";

export interface TierOptions {
  /** Ascending shares in (0, 1) where each tier ends: the default [0.2, 0.5] makes a top 20 %, the next 30 %, the rest. */
  cutoffs?: readonly number[];
  /** One label per tier, best first: cutoffs.length + 1 of them. Default: defaultTierLabels. */
  labels?: readonly string[];
  basis?: TierBasis;
}

export interface Tiers {
  /** Tier index per customer: 0 for the first label (the best), … */
  tiers: Uint8Array;
  labels: readonly string[];
  /**
   * thresholds[j], descending: a value strictly above it is in tier j or better. −Infinity (basis "value" only) when
   * every customer helps make up the first cutoff of value.
   */
  thresholds: number[];
}

export const DEFAULT_TIER_CUTOFFS: readonly number[] = [0.2, 0.5];

/** Usual names for 2 to 5 tiers, best first (the pane's English defaults); more tiers are numbered. */
const USUAL_LABELS: Readonly<Record<number, readonly string[]>> = {
  2: ["High", "Low"],
  3: ["High", "Medium", "Low"],
  4: ["Top", "High", "Medium", "Low"],
  5: ["Top", "High", "Medium", "Low", "Lowest"],
};

/**
 * Tier names when none are given, as many as there are tiers: one cutoff makes High and Low.
 * @example defaultTierLabels(2) // ["High", "Low"]
 */
export function defaultTierLabels(count: number): readonly string[] {
  return USUAL_LABELS[count] ?? Array.from({ length: count }, (_, j) => `Tier ${j + 1}`);
}

/**
 * Value tiers, best first. A customer is in the first tier j whose threshold T_j its value strictly beats (x > T_j),
 * else in the last tier: ties never promote, and equal values always share a tier.
 *
 * basis "customers" (share of customers): T_j = PERCENTILE.INC(values, 1 − c_j), so with cutoffs {0.2, 0.5} the top
 * 20 % of customers by value are High, the next 30 % Medium and the rest Low. A value equal to the threshold stays
 * below it: with 85 % of the customers at 0, both thresholds are 0, the 15 % who spent are High and nobody is Medium.
 * Checkable in Excel for F2:F101: =CHOOSE(1+SUM(--(F2<=PERCENTILE.INC(F$2:F$101,{0.8,0.5}))),"High","Medium","Low").
 *
 * basis "value" (ABC analysis, share of value): customers sorted by value, descending; walking down one customer at a
 * time, T_j is the value of the first customer at which the value of those before it reaches c_j of the total, and
 * the customers strictly above T_j — those who make up the first c_j of total value — are in tier j or better.
 * Values must be ≥ 0 with a positive total.
 *
 * Reference: Microsoft, "PERCENTILE.INC function"; ABC analysis as in Silver, Pyke & Thomas (2017), "Inventory and
 * Production Management in Supply Chains", 4th ed., §2.4 (classification by cumulative share of value).
 * @example assignTiers([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]).thresholds // [82, 55]
 */
export function assignTiers(values: ArrayLike<number>, options: TierOptions = {}): Tiers {
  const cutoffs = options.cutoffs ?? DEFAULT_TIER_CUTOFFS;
  const labels = options.labels ?? defaultTierLabels(cutoffs.length + 1);
  const basis = options.basis ?? "customers";
  checkCutoffs(cutoffs);
  if (labels.length !== cutoffs.length + 1)
    throw cvaError("tier.labelCount", {
      cutoffs: cutoffs.length,
      tiers: cutoffs.length + 1,
      labels: labels.length,
    });
  const n = values.length;
  const tiers = new Uint8Array(n);
  if (n === 0) return { tiers, labels, thresholds: [] };
  const copy = scratchFloat64(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!(x > -Infinity && x < Infinity))
      throw cvaError("measure.notFinite", { what: phrase("term.values") });
    copy[i] = x;
  }
  const thresholds =
    basis === "customers"
      ? percentilesInc(
          copy,
          cutoffs.map((c) => 1 - c)
        )
      : valueShareThresholds(copy.sort(), cutoffs);
  const last = cutoffs.length;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    let tier = 0;
    while (tier < last && !(x > thresholds[tier])) tier++;
    tiers[i] = tier;
  }
  return { tiers, labels, thresholds };
}

function checkCutoffs(cutoffs: readonly number[]): void {
  if (cutoffs.length === 0 || cutoffs.length > 254)
    throw cvaError("tier.cutoffCount", { count: cutoffs.length });
  cutoffs.forEach((c, j) => {
    if (!(c > 0 && c < 1)) throw cvaError("tier.cutoffRange", { value: c });
    if (j > 0 && !(c > cutoffs[j - 1]))
      throw cvaError("tier.cutoffOrder", { previous: cutoffs[j - 1], next: c });
  });
}

/**
 * Walks the customers from the largest value down, one at a time, adding up the value before each. Values are
 * divided by the largest first, so the running sums stay below n even for values near 1.8e308.
 */
function valueShareThresholds(sorted: Float64Array, cutoffs: readonly number[]): number[] {
  const n = sorted.length;
  if (sorted[0] < 0) throw cvaError("tier.valueNegative", { value: sorted[0] });
  const largest = sorted[n - 1];
  if (largest === 0) throw cvaError("tier.valueZero");
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i] / largest;
  const thresholds = cutoffs.map(() => -Infinity);
  let before = 0;
  let j = 0;
  for (let i = n - 1; i >= 0 && j < cutoffs.length; i--) {
    while (j < cutoffs.length && before >= cutoffs[j] * total) thresholds[j++] = sorted[i];
    before += sorted[i] / largest;
  }
  return thresholds;
}
