import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { cvaError } from "../errors";
import { checkedRow, checkedTime, type RfmSample } from "./groupedSample";
import { gaussLegendre } from "./gaussLegendre";
import { sumOverHorizons } from "./horizonSums";
import { logPurchasesIfAlive } from "./purchaseCounts";
import { unitHyp2f1 } from "./hyp2f1";
import { type Message, phrase } from "../messages/catalogue";
import { explained, type LogLikelihood, runsOff, runTogether, shown } from "./maximumLikelihood";
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

/**
 * ln A(t) (see above) and, when `gradient` is given, its partial derivatives in (r, α, s, β); NaN when the series
 * needs more than `maxTerms` terms.
 */
function logA(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  gradient: Float64Array | null,
  maxTerms: number
): number {
  const lnAlphaT = Math.log(alpha + t);
  const lnBetaT = Math.log(beta + t);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + t);
    const f = unitHyp2f1(r + x, c, z, gradient ? hypGradient : undefined, maxTerms);
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
  const f = unitHyp2f1(s + 1, c, z, gradient ? hypGradient : undefined, maxTerms);
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
const deadGradient = new Float64Array(4);

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
  gradient: Float64Array | null,
  maxTerms = PREDICTION_TERMS
): number {
  const lnAlphaT = Math.log(alpha + T);
  const lnBetaT = Math.log(beta + T);
  const lnAlive = -(r + x) * lnAlphaT - s * lnBetaT;
  const lnDead = logDead(
    r,
    alpha,
    s,
    beta,
    x,
    recency,
    T,
    gradient ? deadGradient : null,
    maxTerms
  );
  const top = Math.max(lnAlive, lnDead);
  const lnBracket = top + Math.log(Math.exp(lnAlive - top) + Math.exp(lnDead - top));
  const pAlive = Math.exp(lnAlive - lnBracket);
  rowAlive[0] = pAlive;
  if (gradient) {
    const pDead = 1 - pAlive;
    gradient[0] = -pAlive * lnAlphaT;
    gradient[1] = (-pAlive * (r + x)) / (alpha + T);
    gradient[2] = -pAlive * lnBetaT;
    gradient[3] = (-pAlive * s) / (beta + T);
    if (pDead > 0) for (let k = 0; k < 4; k++) gradient[k] += pDead * deadGradient[k];
  }
  return lnBracket;
}

/**
 * ln(s·I), I = ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, and (when `gradient` is given) its gradient.
 * −Infinity when tₓ = T. Through A(tₓ) − A(T) in log-space, unless the series of A would be long (see
 * QUADRATURE_FROM) and the integral is smooth enough for Gauss–Legendre quadrature.
 */
function logDead(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  T: number,
  gradient: Float64Array | null,
  maxTerms: number
): number {
  if (recency >= T) return -Infinity;
  if (Math.abs(alpha - beta) >= QUADRATURE_FROM * (Math.max(alpha, beta) + recency)) {
    const panels = quadraturePanels(r, alpha, s, beta, x, recency, T);
    if (panels > 0) return logDeadByQuadrature(r, alpha, s, beta, x, recency, T, panels, gradient);
  }
  const atRecency = logA(
    r,
    alpha,
    s,
    beta,
    x,
    recency,
    gradient ? gradientAtRecency : null,
    maxTerms
  );
  const atT = logA(r, alpha, s, beta, x, T, gradient ? gradientAtT : null, maxTerms);
  // A(tₓ) − A(T) in log-space: ln A(tₓ) + ln(1 − e^δ), δ < 0.
  const delta = atT - atRecency;
  const lnDifference =
    atRecency + (delta > -Math.LN2 ? Math.log(-Math.expm1(delta)) : Math.log1p(-Math.exp(delta)));
  if (gradient) {
    const w = Math.exp(delta);
    const rsx = r + s + x;
    for (let k = 0; k < 4; k++) gradient[k] = (gradientAtRecency[k] - w * gradientAtT[k]) / (1 - w);
    gradient[0] -= 1 / rsx;
    gradient[2] += 1 / s - 1 / rsx;
  }
  return Math.log(s) - Math.log(r + s + x) + lnDifference;
}

/**
 * Where z = |α−β|/(max(α,β) + tₓ) reaches 0.9 the series of A needs hundreds of terms, and ~37/(1 − z) as z → 1:
 * when α and β are far apart, e.g. as s and β grow together on data with no finite maximum. There the integral is
 * taken directly in u = ln(min(α,β) + τ), where its integrand is e^(λu) times a factor that varies little.
 */
const QUADRATURE_FROM = 0.9;
const RULE = gaussLegendre(32);
/**
 * 32-point Gauss–Legendre is exact to ~1e-15 relative for e^(λu) on a panel while |λ|·width ≤ 25, and for the other
 * factor, (|α−β| + e^u)^−p, analytic within π of the real axis, on panels up to 3 wide; its variation over the
 * interval, ~p·(min + T)/|α−β|, must stay moderate. Up to 16 panels; beyond, the series (slow but exact) is used.
 */
const PANEL_EXPONENT_SPAN = 25;
const PANEL_WIDTH = 3;
const MAX_PANELS = 16;
const QUADRATURE_VARIATION = 8;

/** How many Gauss–Legendre panels the integral needs, or 0 when quadrature does not fit it. */
function quadraturePanels(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  T: number
): number {
  const smaller = Math.min(alpha, beta);
  const width = Math.log((smaller + T) / (smaller + recency));
  // The power of the smaller one's factor is linear in u; the larger one's varies by about p·(min + T)/|α−β|.
  const [linear, other] = alpha <= beta ? [1 - (r + x), s + 1] : [-s, r + x];
  if ((other * (smaller + T)) / Math.abs(alpha - beta) > QUADRATURE_VARIATION) return 0;
  const panels = Math.ceil(
    Math.max(width / PANEL_WIDTH, (Math.abs(linear) * width) / PANEL_EXPONENT_SPAN, 1)
  );
  return panels <= MAX_PANELS ? panels : 0;
}

const nodeLog = new Float64Array(RULE.nodes.length * MAX_PANELS);
const nodeTau = new Float64Array(RULE.nodes.length * MAX_PANELS);

/** logDead by Gauss–Legendre on `panels` equal panels of u = ln(min(α,β) + τ) (dτ = e^u du). */
function logDeadByQuadrature(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  T: number,
  panels: number,
  gradient: Float64Array | null
): number {
  const smaller = Math.min(alpha, beta);
  const from = Math.log(smaller + recency);
  const half = (Math.log(smaller + T) - from) / panels / 2;
  const k = r + x;
  const count = RULE.nodes.length;
  let top = -Infinity;
  for (let panel = 0; panel < panels; panel++) {
    const middle = from + (2 * panel + 1) * half;
    for (let i = 0; i < count; i++) {
      const u = middle + half * RULE.nodes[i];
      const tau = Math.exp(u) - smaller;
      const at = panel * count + i;
      nodeTau[at] = tau;
      nodeLog[at] = u - k * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
      top = Math.max(top, nodeLog[at]);
    }
  }
  let sum = 0;
  let lnAlphaMean = 0;
  let invAlphaMean = 0;
  let lnBetaMean = 0;
  let invBetaMean = 0;
  for (let at = 0; at < panels * count; at++) {
    const value = RULE.weights[at % count] * Math.exp(nodeLog[at] - top);
    sum += value;
    if (gradient) {
      const tau = nodeTau[at];
      lnAlphaMean += value * Math.log(alpha + tau);
      invAlphaMean += value / (alpha + tau);
      lnBetaMean += value * Math.log(beta + tau);
      invBetaMean += value / (beta + tau);
    }
  }
  if (gradient) {
    gradient[0] = -lnAlphaMean / sum;
    gradient[1] = (-k * invAlphaMean) / sum;
    gradient[2] = 1 / s - lnBetaMean / sum;
    gradient[3] = (-(s + 1) * invBetaMean) / sum;
  }
  return Math.log(s) + top + Math.log(sum * half);
}

const rowGradient = new Float64Array(4);

/**
 * The longest series of A the likelihood and the predictions sum (~37/(1 − z) terms: z up to 1 − 2e-4), and the
 * longest one a fit sums. A fit that heads where α and β are so far apart that even quadrature does not apply (a flat
 * likelihood on a small degenerate sample, see explainRunaway) would otherwise spend up to 200,000 terms per
 * customer on every trial point; beyond FIT_TERMS the likelihood is NaN there, the line search backs off, and the
 * fit either converges where the likelihood is cheap (the gradient test then holds exactly) or reports why not.
 * The CDNOW fits, and the subsample fits with a finite maximum in the tests, stay below it.
 */
const PREDICTION_TERMS = 200_000;
const FIT_TERMS = 5_000;

/**
 * Total log-likelihood of a grouped sample and its gradient in (r, α, s, β): analytic, series included; NaN where a
 * series needs more than `maxTerms` terms.
 */
function paretoNbdLogLikelihood(sample: RfmSample, maxTerms = PREDICTION_TERMS): LogLikelihood {
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
        ll += w * logBracket(r, alpha, s, beta, x, recency[i], T[i], rowGradient, maxTerms);
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
  explainRunaway(runaway, [r, alpha, s, beta]) {
    const meanings: Message[] = [];
    if (runTogether(runaway, "r", "alpha"))
      meanings.push(phrase("model.sameBuyingRate", { rate: shown(r / alpha) }));
    if (runTogether(runaway, "s", "beta"))
      meanings.push(phrase("model.sameDropoutRate", { rate: shown(s / beta) }));
    else if (runaway.get("s") === "zero" || runaway.get("beta") === "infinity")
      meanings.push(
        phrase("model.nobodyDropsOut", {
          runaway: runsOff(runaway, runaway.get("s") === "zero" ? "s" : "beta"),
        })
      );
    else if (runaway.get("beta") === "zero") meanings.push(phrase("model.dropoutRatesSpread"));
    return explained(
      meanings,
      phrase("model.onlyInTheLimitNoParameters", {
        model: "Pareto/NBD",
        first: "BG/NBD",
        second: "MBG/NBD",
      })
    );
  },
  logLikelihood: paretoNbdLogLikelihood,
  /**
   * Starts from r = s = 1 and α = β = the time per repeat purchase in the sample; its likelihood sums at most
   * FIT_TERMS terms per series.
   */
  fit: (frequency, recency, T, options) =>
    fitTransactionModelOn(paretoNbd, frequency, recency, T, options, (sample) =>
      paretoNbdLogLikelihood(sample, FIT_TERMS)
    ),

  /** P(alive | x, tₓ, T): the first term of L's bracket over the whole bracket (Fader & Hardie 2005 eq. 18). */
  conditionalProbabilityAlive(params, frequency, recency, T) {
    checkedRow(frequency, recency, T);
    const { r, alpha, s, beta } = params;
    logBracket(r, alpha, s, beta, frequency, recency, T, null);
    if (Number.isNaN(rowAlive[0])) {
      // Only where α and β are many orders of magnitude apart (and the integral too steep to take directly).
      throw cvaError("model.extremeRatio", { ratio: shown(alpha / beta) });
    }
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

  purchasesIfAliveOverHorizons: (params, horizons, weights, frequency, T, out) =>
    sumOverHorizons(
      (t, x, age) => paretoNbd.expectedPurchasesIfAlive(params, t, x, age),
      horizons,
      weights,
      frequency,
      T,
      out
    ),

  /**
   * P(X(t) = n) = (β/(β+t))^s · NB(n; t) + ∫₀ᵗ s βˢ (β+τ)^−(s+1) NB(n; τ) dτ: alive throughout and making n
   * purchases, or dying at τ < t after exactly n (NB as in purchaseCounts.ts; cf. Fader & Hardie 2006, "Deriving an
   * expression for P(X(t) = x) under the Pareto/NBD model"). The integral by composite Gauss–Legendre in
   * u = ln(1 + τ/min(α, β)), where the integrand is smooth on every scale of τ.
   */
  probabilityOfPurchases({ r, alpha, s, beta }, n, t) {
    const survives = Math.exp(
      s * Math.log(beta / (beta + t)) + logPurchasesIfAlive(r, alpha, n, t)
    );
    if (t === 0) return survives;
    const scale = Math.min(alpha, beta);
    const end = Math.log1p(t / scale);
    const panels = 8;
    const half = end / panels / 2;
    const lnConstant =
      Math.log(s) +
      s * Math.log(beta) +
      gammaln(r + n) -
      gammaln(r) -
      gammaln(n + 1) +
      r * Math.log(alpha);
    let dies = 0;
    for (let panel = 0; panel < panels; panel++) {
      const middle = (2 * panel + 1) * half;
      for (let i = 0; i < RULE.nodes.length; i++) {
        const u = middle + half * RULE.nodes[i];
        const tau = scale * Math.expm1(u); // dτ = (scale + τ) du
        const lnDensity =
          lnConstant -
          (s + 1) * Math.log(beta + tau) -
          (r + n) * Math.log(alpha + tau) +
          (n === 0 ? 0 : n * Math.log(tau)) +
          Math.log(scale + tau);
        dies += RULE.weights[i] * half * Math.exp(lnDensity);
      }
    }
    return survives + dies;
  },

  rowLogLikelihood: ({ r, alpha, s, beta }, frequency, recency, T) =>
    logBracket(r, alpha, s, beta, frequency, recency, T, null),

  /** E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]: the conditional expectation at x = tₓ = T = 0. */
  expectedPurchases(params, t) {
    return paretoNbd.conditionalExpectedPurchases(params, t, 0, 0, 0);
  },
};
