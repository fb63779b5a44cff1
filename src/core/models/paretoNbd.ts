import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { checkedRow, checkedTime, type RfmSample } from "./groupedSample";
import { unitHyp2f1 } from "./hyp2f1";
import type { LogLikelihood } from "./maximumLikelihood";
import type { ModelParamsOf, TransactionModel } from "./model";
import { fitTransactionModelOn } from "./transactionFit";

/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987, "Counting Your Customers", Management Science 33(1)): while
 * alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α) and has an exponential lifetime with rate
 * μ ~ Gamma(s, β). Likelihood and predictions after Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions":
 *
 *   L(x, tₓ, T) = Γ(r+x) αʳ βˢ / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s  +  s · I ],
 *   I = ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ              (death at τ, after the last purchase)
 *     = [A(tₓ) − A(T)] / (r+s+x),   A(t) = 2F1(r+s+x, b′; r+s+x+1; z) / (m+t)^(r+s+x)
 *
 * with m = max(α, β), z = |α−β|/(m+t) and b′ = s+1 if α ≥ β, else r+x (their eq. 22). After Euler's
 * transformation A(t) = (min(α,β)+t)^(1−b′) (m+t)^(b′−1−r−s−x) · 2F1(1, r+s+x+1−b′; r+s+x+1; z): a positive,
 * bounded series (see unitHyp2f1) however many purchases the customer made, so everything is computed in log-space
 * and customers with x in the hundreds keep full precision even where P(alive) is 1e-11.
 */

/** ∂ ln A(t) / ∂(r, α, s, β) for the last call of logA. */
const hypGradient = new Float64Array(3);

/** ln A(t) (see above) and, when `gradient` is given, its partial derivatives in (r, α, s, β). */
function logA(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  gradient: Float64Array | null
): number {
  const lnAlphaT = Math.log(alpha + t);
  const lnBetaT = Math.log(beta + t);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + t);
    const f = unitHyp2f1(r + x, c, z, gradient ? hypGradient : undefined);
    if (gradient) {
      const fd = hypGradient[0];
      const fc = hypGradient[1];
      const fz = hypGradient[2];
      gradient[0] = -lnAlphaT + (fd + fc) / f;
      gradient[1] = -(r + x) / (alpha + t) + ((fz / f) * (beta + t)) / ((alpha + t) * (alpha + t));
      gradient[2] = -lnBetaT + fc / f;
      gradient[3] = -s / (beta + t) - fz / f / (alpha + t);
    }
    return -s * lnBetaT - (r + x) * lnAlphaT + Math.log(f);
  }
  const z = (beta - alpha) / (beta + t);
  const f = unitHyp2f1(s + 1, c, z, gradient ? hypGradient : undefined);
  if (gradient) {
    const fd = hypGradient[0];
    const fc = hypGradient[1];
    const fz = hypGradient[2];
    gradient[0] = -lnAlphaT + fc / f;
    gradient[1] = -(r + x - 1) / (alpha + t) - fz / f / (beta + t);
    gradient[2] = -lnBetaT + (fd + fc) / f;
    gradient[3] = -(s + 1) / (beta + t) + ((fz / f) * (alpha + t)) / ((beta + t) * (beta + t));
  }
  return -(r + x - 1) * lnAlphaT - (s + 1) * lnBetaT + Math.log(f);
}

const gradientAtRecency = new Float64Array(4);
const gradientAtT = new Float64Array(4);

/** P(alive) of the last call of logBracket. */
const rowAlive = new Float64Array(1);

/**
 * ln[(α+T)^−(r+x) (β+T)^−s + s·I], the bracket of L, and (when `gradient` is given) its gradient in (r, α, s, β).
 * Also leaves P(alive) = first term / bracket in `rowAlive[0]`.
 */
function logBracket(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  T: number,
  gradient: Float64Array | null
): number {
  const lnAlphaT = Math.log(alpha + T);
  const lnBetaT = Math.log(beta + T);
  const lnAlive = -(r + x) * lnAlphaT - s * lnBetaT;
  const atRecency = logA(r, alpha, s, beta, x, recency, gradient ? gradientAtRecency : null);
  const atT = logA(r, alpha, s, beta, x, T, gradient ? gradientAtT : null);
  // A(tₓ) − A(T) in log-space: ln A(tₓ) + ln(1 − e^δ), δ ≤ 0 (δ = 0 when the last purchase was at T: no I).
  const delta = atT - atRecency;
  const lnDifference =
    delta >= 0
      ? -Infinity
      : atRecency +
        (delta > -Math.LN2 ? Math.log(-Math.expm1(delta)) : Math.log1p(-Math.exp(delta)));
  const lnDead = Math.log(s) - Math.log(r + s + x) + lnDifference;
  const top = Math.max(lnAlive, lnDead);
  const lnBracket = top + Math.log(Math.exp(lnAlive - top) + Math.exp(lnDead - top));
  const pAlive = Math.exp(lnAlive - lnBracket);
  rowAlive[0] = pAlive;
  if (gradient) {
    const pDead = 1 - pAlive;
    const w = Math.exp(delta);
    gradient[0] = -pAlive * lnAlphaT;
    gradient[1] = (-pAlive * (r + x)) / (alpha + T);
    gradient[2] = -pAlive * lnBetaT;
    gradient[3] = (-pAlive * s) / (beta + T);
    if (pDead > 0) {
      const rsx = r + s + x;
      for (let k = 0; k < 4; k++)
        gradient[k] += (pDead * (gradientAtRecency[k] - w * gradientAtT[k])) / (1 - w);
      gradient[0] -= pDead / rsx;
      gradient[2] += pDead * (1 / s - 1 / rsx);
    }
  }
  return lnBracket;
}

const rowGradient = new Float64Array(4);

/** Total log-likelihood of a grouped sample and its gradient in (r, α, s, β): analytic, series included. */
function paretoNbdLogLikelihood(sample: RfmSample): LogLikelihood {
  return (params, gradient) => {
    const r = params[0];
    const alpha = params[1];
    const s = params[2];
    const beta = params[3];
    const lnAlpha = Math.log(alpha);
    const lnBeta = Math.log(beta);
    const psiR = digamma(r);
    let ll = 0;
    gradient.fill(0);
    const { frequency, recency, T, weight, levelStart } = sample;
    for (let level = 0; level + 1 < levelStart.length; level++) {
      const x = frequency[levelStart[level]];
      let levelWeight = 0;
      for (let i = levelStart[level]; i < levelStart[level + 1]; i++) {
        const w = weight[i];
        levelWeight += w;
        ll += w * logBracket(r, alpha, s, beta, x, recency[i], T[i], rowGradient);
        for (let k = 0; k < 4; k++) gradient[k] += w * rowGradient[k];
      }
      ll += levelWeight * (gammaln(r + x) - gammaln(r) + r * lnAlpha + s * lnBeta);
      gradient[0] += levelWeight * (digamma(r + x) - psiR + lnAlpha);
      gradient[1] += (levelWeight * r) / alpha;
      gradient[2] += levelWeight * lnBeta;
      gradient[3] += (levelWeight * s) / beta;
    }
    return Number.isFinite(ll) ? ll : Number.NaN;
  };
}

/** (1 − q^k)/k for q = e^lnQ, continuous at k = 0 where it is −ln q. */
function powerIncrement(k: number, lnQ: number): number {
  return k === 0 ? -lnQ : -Math.expm1(k * lnQ) / k;
}

export type ParetoNbdParams = ModelParamsOf<"Pareto/NBD", "r" | "alpha" | "s" | "beta">;

export const paretoNbd: TransactionModel<ParetoNbdParams> = {
  kind: "transaction",
  id: "Pareto/NBD",
  displayName: "Pareto/NBD",
  aliases: ["PNBD"],
  parameterNames: ["r", "alpha", "s", "beta"],
  parameterUnits: [null, "time", null, "time"],
  logLikelihood: paretoNbdLogLikelihood,
  /** Starts from r = s = 1 and α = β = the time per repeat purchase in the sample. */
  fit: (frequency, recency, T) => fitTransactionModelOn(paretoNbd, frequency, recency, T),

  /** P(alive | x, tₓ, T): the first term of L's bracket over the whole bracket (Fader & Hardie 2005 eq. 18). */
  conditionalProbabilityAlive(params, frequency, recency, T) {
    checkedRow(frequency, recency, T);
    logBracket(params.r, params.alpha, params.s, params.beta, frequency, recency, T, null);
    return rowAlive[0];
  },

  /** E[Y(t) | x, tₓ, T] = P(alive | x, tₓ, T) · expectedPurchasesIfAlive (Fader & Hardie 2005 eq. 20). */
  conditionalExpectedPurchases(params, t, frequency, recency, T) {
    checkedTime(t);
    return (
      paretoNbd.conditionalProbabilityAlive(params, frequency, recency, T) *
      paretoNbd.expectedPurchasesIfAlive(params, t, frequency, T)
    );
  },

  /**
   * (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]: the posterior mean rate (r+x)/(α+T) times the
   * expected alive time within t; the bracket over s−1 is taken in its limit −ln(…) at s = 1.
   */
  expectedPurchasesIfAlive(params, t, frequency, T) {
    const { r, alpha, s, beta } = params;
    return (
      (((r + frequency) * (beta + T)) / (alpha + T)) *
      powerIncrement(s - 1, Math.log((beta + T) / (beta + T + t)))
    );
  },

  /** E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]: the conditional expectation at x = tₓ = T = 0. */
  expectedPurchases(params, t) {
    return paretoNbd.conditionalExpectedPurchases(params, t, 0, 0, 0);
  },
};
