import betaln from "@stdlib/math-base-special-betaln";
import { cvaError } from "../errors";
import { type Message, phrase } from "../messages/catalogue";
import { unitHyp2f1 } from "./hyp2f1";
import {
  explained,
  type LogLikelihood,
  maximizeLikelihood,
  runsOff,
  runTogether,
  shown,
} from "./maximumLikelihood";
import { type ModelFit, type ModelParamsOf, namedParameters, type RetentionModel } from "./model";

/**
 * The shifted-beta-geometric (sBG) model of contractual retention: Fader & Hardie (2007), "How to project customer
 * retention", Journal of Interactive Marketing 21(1). At the end of each period a customer renews or leaves for good
 * with their own churn probability θ, and θ ~ Beta(α, β) across customers. Then, for t = 1, 2, …
 *
 *   P(T = t) = B(α+1, β+t−1) / B(α, β)     the customer leaves at the end of period t
 *   S(t)     = B(α, β+t) / B(α, β)         still a customer after t renewal opportunities (S(0) = 1)
 *   r_t      = S(t) / S(t−1) = (β+t−1) / (α+β+t−1)
 *
 * so retention rises with tenure: the customers who churn easily leave first. Periods are whatever the data's
 * periods are (years, months).
 */
export type SbgParams = ModelParamsOf<"sBG", "alpha" | "beta">;

/**
 * Survivor curves pooled into one sample: lost[t] customers left at the end of period t, censored[t] customers
 * were still there at t when observation ended, summed over the cohorts.
 */
interface SbgSample {
  lost: Float64Array;
  censored: Float64Array;
  customers: number;
  cohorts: number;
}

/**
 * Maximum-likelihood α, β from one or more cohorts' survivor curves (Fader & Hardie 2007, eq. 5): cohort k had
 * survivors[k][t] customers still active at the start of period t = 0, 1, …, nₖ; those lost at each renewal give
 * P(T = t), those still active at nₖ are right-censored and give S(nₖ). Cohorts of different lengths (a triangle)
 * share one fit. With `cohortSizes` (one per cohort, or one for all), each curve is read as shares of its period-0
 * value (percentages, fractions) and scaled to that many customers. An empty curve is a skipped row.
 *
 * Throws #VALUE! naming the cohort (1-based, in the order given) and period for a negative, rising or non-finite
 * count, and when the data cannot identify the model (no churn, nobody still active at the end, a single renewal
 * observed) or the likelihood has no finite maximum.
 * @example fitSbg([[1000, 631, 468, 382, 326, 289, 262, 241]]).params // { alpha: 0.704, beta: 1.182 } (F&H 2007)
 */
export function fitSbg(
  survivors: readonly ArrayLike<number>[],
  cohortSizes?: readonly number[]
): ModelFit<SbgParams> {
  const sample = sbgSample(survivors, cohortSizes);
  const fit = maximizeLikelihood(
    sbg,
    likelihoodOf(sample),
    [1, 1],
    sample.customers,
    sample.cohorts
  );
  return { ...fit, params: namedParameters(sbg, fit.params) };
}

function sbgSample(
  survivors: readonly ArrayLike<number>[],
  cohortSizes: readonly number[] | undefined
): SbgSample {
  if (cohortSizes && cohortSizes.length !== 1 && cohortSizes.length !== survivors.length) {
    throw cvaError("sbg.sizesCount", { sizes: cohortSizes.length, cohorts: survivors.length });
  }
  const length = Math.max(1, ...survivors.map((curve) => curve.length));
  const lost = new Float64Array(length);
  const censored = new Float64Array(length);
  let customers = 0;
  let cohorts = 0;
  let longest = 0;
  survivors.forEach((curve, k) => {
    if (curve.length === 0) return;
    const where = (t: number): Message =>
      survivors.length > 1
        ? phrase("term.cohortPeriod", { cohort: k + 1, period: t })
        : phrase("term.period", { period: t });
    const size = cohortSizes?.[cohortSizes.length === 1 ? 0 : k];
    if (size !== undefined && !(size > 0 && size < Infinity))
      throw cvaError("sbg.sizeNotPositive", { where: where(0), value: size });
    const first = curve[0];
    if (!(first > 0 && first < Infinity))
      throw cvaError("sbg.firstNotPositive", { where: where(0), value: first });
    const scale = size === undefined ? 1 : size / first;
    for (let t = 1; t < curve.length; t++) {
      const count = curve[t];
      if (!(count >= 0 && count < Infinity))
        throw cvaError("sbg.countInvalid", { where: where(t), value: count });
      if (count > curve[t - 1]) {
        const previous = { previous: curve[t - 1], period: t - 1 };
        throw cvaError("sbg.rising", { where: where(t), count, ...previous });
      }
      lost[t] += (curve[t - 1] - count) * scale;
    }
    const n = curve.length - 1;
    censored[n] += curve[n] * scale;
    customers += first * scale;
    cohorts++;
    longest = Math.max(longest, n);
  });
  return identified({ lost, censored, customers, cohorts }, longest);
}

/** Refuses samples whose likelihood has no finite maximum, saying what the data lack. */
function identified(sample: SbgSample, longest: number): SbgSample {
  let lost = 0;
  for (const count of sample.lost) lost += count;
  if (sample.cohorts === 0) throw cvaError("sbg.noCohorts");
  if (longest < 2) throw cvaError("sbg.tooShort");
  if (lost === 0) throw cvaError("sbg.noChurn");
  if (lost >= sample.customers * (1 - 1e-12)) throw cvaError("sbg.noneLeft");
  return sample;
}

/**
 * ℓ(α, β) = Σₜ lost[t]·ln P(T = t) + Σₜ censored[t]·ln S(t) and its gradient, by the recursions
 * P(T = 1) = α/(α+β), P(T = t) = P(T = t−1)·(β+t−2)/(α+β+t−1), S(t) = S(t−1)·(β+t−1)/(α+β+t−1):
 * no special functions, one pass over the periods.
 */
function likelihoodOf(sample: SbgSample): LogLikelihood {
  const { lost, censored } = sample;
  return (params, gradient) => {
    const a = params[0];
    const b = params[1];
    let lnP = Math.log(a / (a + b));
    let lnPdA = 1 / a - 1 / (a + b);
    let lnPdB = -1 / (a + b);
    let lnS = Math.log(b / (a + b));
    let lnSdA = -1 / (a + b);
    let lnSdB = 1 / b - 1 / (a + b);
    let ll = 0;
    let dA = 0;
    let dB = 0;
    for (let t = 1; t < lost.length; t++) {
      if (t > 1) {
        const total = 1 / (a + b + t - 1);
        lnP += Math.log((b + t - 2) * total);
        lnPdA -= total;
        lnPdB += 1 / (b + t - 2) - total;
        lnS += Math.log((b + t - 1) * total);
        lnSdA -= total;
        lnSdB += 1 / (b + t - 1) - total;
      }
      ll += lost[t] * lnP + censored[t] * lnS;
      dA += lost[t] * lnPdA + censored[t] * lnSdA;
      dB += lost[t] * lnPdB + censored[t] * lnSdB;
    }
    gradient[0] = dA;
    gradient[1] = dB;
    return ll;
  };
}

/** The log-likelihood fitSbg maximises, as a function of (α, β) writing its gradient: for checking the fit. */
export function sbgLogLikelihood(
  survivors: readonly ArrayLike<number>[],
  cohortSizes?: readonly number[]
): LogLikelihood {
  return likelihoodOf(sbgSample(survivors, cohortSizes));
}

/**
 * Discounted expected residual lifetime of a customer who has renewed `renewals` times (Fader & Hardie 2010,
 * "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing Science
 * 29(1), eq. 6): the expected number of further renewals, each discounted by (1+d) per period from the next,
 * counted at the moment of renewal:
 *
 *   DERL(d | α, β, n) = Σ_{k≥0} S(n+1+k)/S(n) / (1+d)^k = (β+n)/(α+β+n) · ₂F₁(1, β+n+1; α+β+n+1; 1/(1+d))
 *
 * At d = 0 it is the expected number of further renewals, (β+n)/(α−1), finite only for α > 1.
 */
export function sbgDiscountedResidualLifetime(
  params: SbgParams,
  discountRate: number,
  renewals: number
): number {
  wholePeriods(renewals, 0, phrase("term.renewals"));
  const { alpha, beta } = params;
  const n = renewals;
  return ((beta + n) / (alpha + beta + n)) * discountedSum(alpha, beta + n + 1, discountRate);
}

/**
 * Discounted expected lifetime of a new customer (Fader & Hardie 2010, eq. 4), the first period counted in full:
 * DEL(d | α, β) = Σ_{t≥0} S(t)/(1+d)^t = ₂F₁(1, β; α+β; 1/(1+d)); at d = 0, (α+β−1)/(α−1) for α > 1.
 */
export function sbgDiscountedExpectedLifetime(params: SbgParams, discountRate: number): number {
  const { alpha, beta } = params;
  return discountedSum(alpha, beta, discountRate);
}

/**
 * Contractual CLV: the margins a customer who has renewed `renewals` times (0: a new customer) brings at the end of
 * each future period while still active, discounted per period — m · Σ_{t≥1} S(n+t)/S(n) / (1+d)^t
 * = m · DERL(d | α, β, n) / (1+d). This is the timing of CVA.CLVRETENTION (first margin at the end of the first
 * period, from those retained), and equals it when the cohort is homogeneous (α, β → ∞ with β/(α+β) = r).
 * Fader & Hardie's E(RLV) = m · DERL values the next renewal payment undiscounted: (1+d) times this.
 */
export function sbgClv(
  margin: number,
  params: SbgParams,
  discountRate: number,
  renewals = 0
): number {
  if (!Number.isFinite(margin)) throw cvaError("sbg.margin", { value: margin });
  return (
    (margin * sbgDiscountedResidualLifetime(params, discountRate, renewals)) / (1 + discountRate)
  );
}

/** ₂F₁(1, b; α+b; 1/(1+d)) by its series; at d = 0 Gauss's value (α+b−1)/(α−1), finite for α > 1. */
function discountedSum(alpha: number, b: number, discountRate: number): number {
  const d = discountRate;
  const c = alpha + b;
  if (!(d >= 0 && d < Infinity)) throw cvaError("sbg.discountRate", { value: d });
  if (d === 0) {
    if (alpha > 1) return (c - 1) / (alpha - 1);
    throw cvaError("sbg.infiniteLifetime", { alpha });
  }
  const z = 1 / (1 + d);
  if (z === 1) {
    // A rate below 1.1e-16 is invisible in 1 + d: the undiscounted sum then differs from the true one by about
    // d·Σ t·S(t), below rounding when α > 2 (a finite mean lifetime); for α ≤ 2 no sum of ours can tell them apart.
    if (alpha > 2) return (c - 1) / (alpha - 1);
    throw cvaError("sbg.discountTooSmall", { rate: d });
  }
  // Positive terms below the sum, as c > b; ~37/(1 − z) of them as z = 1/(1+d) nears 1, NaN past the series' limit.
  const sum = unitHyp2f1(b, c, z);
  if (Number.isNaN(sum)) throw cvaError("sbg.discountTooSmall", { rate: d });
  return sum;
}

/** Throws #VALUE! unless t is a whole number ≥ min. */
function wholePeriods(t: number, min: number, what: Message): void {
  if (!(Number.isInteger(t) && t >= min))
    throw cvaError("sbg.wholePeriods", { what, min, value: t });
}

/** The sBG as a registered model: its parameter row ["sBG", α, β], fit, survival and retention. */
export const sbg: RetentionModel<SbgParams> = {
  kind: "retention",
  id: "sBG",
  displayName: "sBG",
  aliases: [],
  parameterNames: ["alpha", "beta"],
  parameterUnits: [null, null],
  /**
   * No finite maximum: alpha and beta growing together mean one churn probability for everyone (a homogeneous
   * cohort, as CVA.CLVRETENTION assumes); alpha running off to zero, that nobody leaves after the first periods.
   */
  explainRunaway(runaway, [alpha, beta]) {
    const meanings = runTogether(runaway, "alpha", "beta")
      ? [phrase("sbg.sameChurn", { chance: shown(alpha / (alpha + beta)) })]
      : runaway.get("alpha") === "zero"
        ? [phrase("sbg.nobodyLeavesLater", { runaway: runsOff(runaway, "alpha") })]
        : [];
    return explained(meanings, phrase("sbg.constantRetention"));
  },
  fit: fitSbg,
  /** S(t) = B(α, β+t)/B(α, β): the share of a cohort still active after t renewal opportunities. */
  survival(params, t) {
    wholePeriods(t, 0, phrase("term.horizon"));
    return Math.exp(betaln(params.alpha, params.beta + t) - betaln(params.alpha, params.beta));
  },
  /** r_t = (β+t−1)/(α+β+t−1): the share of the customers active in period t−1 who renew for period t (t ≥ 1). */
  retention(params, t) {
    wholePeriods(t, 1, phrase("term.horizon"));
    return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
  },
};
