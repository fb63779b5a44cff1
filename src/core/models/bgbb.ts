import gammaln from "@stdlib/math-base-special-gammaln";
import { type CvaError, cvaError } from "../errors";
import { type Message, phrase } from "../messages/catalogue";
import { groupRows, inRow, type RfmSample } from "./groupedSample";
import {
  explained,
  type LogLikelihood,
  maximizeLikelihood,
  runsOff,
  runTogether,
  shown,
} from "./maximumLikelihood";
import {
  type FitOptions,
  type ModelFit,
  type ModelParamsOf,
  namedParameters,
  type TransactionModel,
} from "./model";

/**
 * BG/BB, the beta-geometric/beta-Bernoulli model of purchases at discrete occasions: Fader, Hardie & Shang (2010),
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6). At each of n
 * occasions (a yearly gala, an annual appeal; or days, weeks) a customer who is alive buys with their own probability
 * p ~ Beta(α, β); at the start of each occasion after the first purchase they die, for good, with probability
 * θ ~ Beta(γ, δ). A customer is summarised by x purchases at the n occasions after the first and tₓ, the occasion
 * of the last one (0 if none) — frequency, recency and T in whole periods:
 *
 *   L(x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *               + Σ_{m=tₓ}^{n−1} B(α+x, β+m−x)/B(α, β) · B(γ+1, δ+m)/B(γ, δ)      (eq. 5)
 *
 * The first term is "alive through occasion n", term m "died just after occasion m".
 */
export type BgbbParams = ModelParamsOf<"BG/BB", "alpha" | "beta" | "gamma" | "delta">;

/** Occasions beyond this would make the per-evaluation tables needlessly large; no calendar of occasions has them. */
const MAX_OCCASIONS = 100_000;

/** The rules of bgbbRowError as one expression: the fast check for the common valid row (NaN fails every test). */
export function isValidBgbbRow(frequency: number, recency: number, periods: number): boolean {
  return (
    Number.isInteger(frequency) &&
    Number.isInteger(recency) &&
    Number.isInteger(periods) &&
    frequency >= 0 &&
    frequency <= recency &&
    recency <= periods &&
    periods <= MAX_OCCASIONS &&
    frequency > 0 === recency > 0
  );
}

/**
 * What is wrong with one (frequency, recency, periods) row, or null: x purchases at the n occasions after the
 * first, the last at occasion tₓ, so 0 ≤ x ≤ tₓ ≤ n, whole numbers, and tₓ = 0 exactly when x = 0.
 */
export function bgbbRowError(frequency: number, recency: number, periods: number): CvaError | null {
  const values: [string, number][] = [
    ["frequency", frequency],
    ["recency", recency],
    ["periods", periods],
  ];
  for (const [name, value] of values) {
    if (!Number.isFinite(value)) return cvaError("bgbb.notNumber", { name, value });
    if (!(Number.isInteger(value) && value >= 0))
      return cvaError("bgbb.wholeOccasions", { name, value });
  }
  if (periods > MAX_OCCASIONS)
    return cvaError("bgbb.tooManyOccasions", { value: periods, max: MAX_OCCASIONS });
  if (recency > periods) return cvaError("bgbb.recencyAfterPeriods", { recency, periods });
  if (frequency > recency) return cvaError("bgbb.frequencyAfterRecency", { frequency, recency });
  if (frequency > 0 && recency === 0)
    return cvaError("bgbb.frequencyWithoutRecency", { frequency });
  if (frequency === 0 && recency > 0) return cvaError("bgbb.recencyWithoutFrequency", { recency });
  return null;
}

function checkedRow(frequency: number, recency: number, periods: number): void {
  const error = bgbbRowError(frequency, recency, periods);
  if (error) throw error;
}

/**
 * Distinct (x, tₓ, n) rows with their customer counts, contiguous by x: rows levelStart[k] ≤ i < levelStart[k+1]
 * share x (as groupRows and rfmSample order them).
 */
interface BgbbSample {
  x: ArrayLike<number>;
  recency: ArrayLike<number>;
  periods: ArrayLike<number>;
  weight: ArrayLike<number>;
  levelStart: ArrayLike<number>;
}

/**
 * Maximum-likelihood (α, β, γ, δ) from per-customer rows, or from the compact table of patterns with `count`
 * customers each (the donations data: 22 patterns for 11,104 donors). Throws #VALUE! naming the first bad row
 * (1-based), and when the sample cannot identify the model.
 * @example fitBgbb(x, tx, n, { count }).params // { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 } on the donations
 */
export function fitBgbb(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  { count, details }: FitOptions = {}
): ModelFit<BgbbParams> {
  const rows = frequency.length;
  if (recency.length !== rows || periods.length !== rows || (count && count.length !== rows)) {
    throw cvaError("model.rowCounts", {
      names: count ? "frequency, recency, periods and count" : "frequency, recency and periods",
      counts: [rows, recency.length, periods.length, ...(count ? [count.length] : [])].join(", "),
    });
  }
  let customers = 0;
  let buyers = 0;
  let longest = 0;
  for (let i = 0; i < rows; i++) {
    const n = periods[i];
    if (!isValidBgbbRow(frequency[i], recency[i], n)) {
      const error = bgbbRowError(frequency[i], recency[i], n) as CvaError;
      throw inRow(i + 1, error);
    }
    const w = count ? count[i] : 1;
    if (!(w >= 0 && w < Infinity)) throw cvaError("bgbb.count", { row: i + 1, value: w });
    customers += w;
    if (frequency[i] > 0) buyers += w;
    if (n > longest) longest = n;
  }
  if (customers < 2) throw cvaError("bgbb.tooFewCustomers", { count: customers });
  if (buyers === 0) throw cvaError("bgbb.nobodyBought");
  if (longest < 2) throw cvaError("bgbb.tooFewOccasions");
  const grouped = groupRows([frequency, recency, periods]);
  let weight = grouped.weight;
  if (count) {
    weight = new Float64Array(grouped.size);
    for (let i = 0; i < rows; i++) weight[grouped.groupOf[i]] += count[i];
  }
  const [x, tx, n] = grouped.columns;
  const sample = { x, recency: tx, periods: n, weight, levelStart: grouped.levelStart };
  const fit = maximizeLikelihood(
    bgbb,
    likelihoodOf(sample),
    [1, 1, 1, 1],
    customers,
    grouped.size,
    details
  );
  return { ...fit, params: namedParameters(bgbb, fit.params) };
}

/** The grouped (frequency, recency, T) sample of the registry's fitting path, checked as BG/BB's occasions. */
function fromRfmSample(sample: RfmSample): BgbbSample {
  for (let i = 0; i < sample.size; i++) {
    const error = bgbbRowError(sample.frequency[i], sample.recency[i], sample.T[i]);
    if (error) throw error;
  }
  return {
    x: sample.frequency,
    recency: sample.recency,
    periods: sample.T,
    weight: sample.weight,
    levelStart: sample.levelStart,
  };
}

/**
 * ℓ = Σ w · ln L(x, tₓ, n) and its gradient. For a given x the "died after m" terms do not depend on tₓ or n, so
 * per x they are summed once from the top (suffix sums S(k) = Σ_{m≥k} term_m) and each row takes S(tₓ) − S(n): the
 * cost grows with the distinct purchase counts times the longest history, not with rows × occasions, which keeps
 * daily data (hundreds of occasions) fast. The terms decrease with m, so the difference keeps its digits, and every
 * row's sum also holds its "alive" term, of the size of the tail. Terms are scaled by their level's largest, and
 * the ratios Γ(θ+j)/Γ(θ) come from tables built once per evaluation.
 */
function likelihoodOf(sample: BgbbSample): LogLikelihood {
  const { x, recency, periods, weight, levelStart } = sample;
  let longest = 0;
  for (let i = 0; i < periods.length; i++) longest = Math.max(longest, periods[i]);
  const tables = new RisingTables(longest + 2);
  // Suffix sums over m of term_m and of term_m times its ∂ln/∂θ pieces (see the gradient below).
  const sums = Array.from({ length: 5 }, () => new Float64Array(longest + 1));
  const [sTerm, sPsiAB, sBeta, sPsiGD, sDelta] = sums;
  return (params, gradient) => {
    const alpha = params[0];
    const beta = params[1];
    const gamma = params[2];
    const delta = params[3];
    tables.fill(alpha, beta, gamma, delta);
    const { lnA, lnB, lnAB, lnD, lnGD, psiA, psiB, psiAB, psiD, psiGD } = tables;
    const lnGamma = Math.log(gamma);
    let ll = 0;
    let gA = 0;
    let gB = 0;
    let gG = 0;
    let gD = 0;
    for (let level = 0; level + 1 < levelStart.length; level++) {
      const from = levelStart[level];
      const to = levelStart[level + 1];
      const xk = x[from];
      let top = 0;
      let shortest = Infinity;
      for (let i = from; i < to; i++) {
        top = Math.max(top, periods[i]);
        shortest = Math.min(shortest, periods[i]);
      }
      // Terms m = x … top − 1 (tₓ ≥ x), scaled by the largest of them and of the "alive" terms (largest at the
      // shortest history).
      const lnAlive = (n: number) => lnA[xk] + lnB[n - xk] - lnAB[n] + lnD[n] - lnGD[n];
      const lnTerm = (m: number) =>
        lnA[xk] + lnB[m - xk] - lnAB[m] + lnGamma + lnD[m] - lnGD[m + 1];
      let lnScale = lnAlive(shortest);
      for (let m = xk; m < top; m++) lnScale = Math.max(lnScale, lnTerm(m));
      for (const s of sums) s[top] = 0;
      for (let m = top - 1; m >= xk; m--) {
        const term = Math.exp(lnTerm(m) - lnScale);
        sTerm[m] = sTerm[m + 1] + term;
        sPsiAB[m] = sPsiAB[m + 1] + term * psiAB[m];
        sBeta[m] = sBeta[m + 1] + term * (psiB[m - xk] - psiAB[m]);
        sPsiGD[m] = sPsiGD[m + 1] + term * psiGD[m + 1];
        sDelta[m] = sDelta[m + 1] + term * (psiD[m] - psiGD[m + 1]);
      }
      for (let i = from; i < to; i++) {
        const w = weight[i];
        if (w === 0) continue;
        const n = periods[i];
        const tx = recency[i];
        const alive = Math.exp(lnAlive(n) - lnScale);
        const died = sTerm[tx] - sTerm[n];
        const total = alive + died;
        ll += w * (lnScale + Math.log(total));
        // ∂ ln L = Σ terms · ∂ ln term / L, with ∂/∂α ln B(α+x, β+j)/B(α, β) = ψ(α+x) − ψ(α) − (ψ(α+β+x+j) − ψ(α+β)).
        const share = w / total;
        gA += share * (alive * (psiA[xk] - psiAB[n]) + psiA[xk] * died - (sPsiAB[tx] - sPsiAB[n]));
        gB += share * (alive * (psiB[n - xk] - psiAB[n]) + (sBeta[tx] - sBeta[n]));
        gG += share * (-alive * psiGD[n] + died / gamma - (sPsiGD[tx] - sPsiGD[n]));
        gD += share * (alive * (psiD[n] - psiGD[n]) + (sDelta[tx] - sDelta[n]));
      }
    }
    gradient[0] = gA;
    gradient[1] = gB;
    gradient[2] = gG;
    gradient[3] = gD;
    return ll;
  };
}

/** ln Γ(θ+j) − ln Γ(θ) = Σ_{i<j} ln(θ+i) and ψ(θ+j) − ψ(θ) = Σ_{i<j} 1/(θ+i), j = 0…size−1, per parameter. */
class RisingTables {
  readonly lnA: Float64Array;
  readonly lnB: Float64Array;
  readonly lnAB: Float64Array;
  readonly lnD: Float64Array;
  readonly lnGD: Float64Array;
  readonly psiA: Float64Array;
  readonly psiB: Float64Array;
  readonly psiAB: Float64Array;
  readonly psiD: Float64Array;
  readonly psiGD: Float64Array;

  constructor(size: number) {
    [this.lnA, this.lnB, this.lnAB, this.lnD, this.lnGD] = tablesOf(5, size);
    [this.psiA, this.psiB, this.psiAB, this.psiD, this.psiGD] = tablesOf(5, size);
  }

  fill(alpha: number, beta: number, gamma: number, delta: number): void {
    rising(alpha, this.lnA, this.psiA);
    rising(beta, this.lnB, this.psiB);
    rising(alpha + beta, this.lnAB, this.psiAB);
    rising(delta, this.lnD, this.psiD);
    rising(gamma + delta, this.lnGD, this.psiGD);
  }
}

const tablesOf = (count: number, size: number) =>
  Array.from({ length: count }, () => new Float64Array(size));

function rising(theta: number, ln: Float64Array, psi: Float64Array): void {
  let sumLn = 0;
  let sumInv = 0;
  for (let j = 0; j < ln.length; j++) {
    ln[j] = sumLn;
    psi[j] = sumInv;
    sumLn += Math.log(theta + j);
    sumInv += 1 / (theta + j);
  }
}

/** ln B(α+x, β+m−x)/B(α, β): the chance of x purchases at m given occasions while alive. */
function lnPurchases(params: BgbbParams, x: number, m: number): number {
  const { alpha, beta } = params;
  return (
    gammaln(alpha + x) +
    gammaln(beta + m - x) -
    gammaln(alpha + beta + m) -
    (gammaln(alpha) + gammaln(beta) - gammaln(alpha + beta))
  );
}

/** ln B(γ, δ+m)/B(γ, δ): alive through occasion m. */
function lnAliveThrough(params: BgbbParams, m: number): number {
  const { gamma, delta } = params;
  return gammaln(delta + m) - gammaln(gamma + delta + m) - gammaln(delta) + gammaln(gamma + delta);
}

/** ln B(γ+1, δ+m)/B(γ, δ): alive through occasion m, then dead before occasion m + 1. */
function lnDiesAfter(params: BgbbParams, m: number): number {
  const { gamma, delta } = params;
  return Math.log(gamma) + lnAliveThrough(params, m) - Math.log(gamma + delta + m);
}

/** ln Σ e^(values): the terms of a likelihood summed without overflow or underflow. */
function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** ln(L / "alive through n"): P(alive through n | x, tₓ, n) = e^(−this). */
function lnEvidenceRatio(params: BgbbParams, x: number, tx: number, n: number): number {
  const alive = lnPurchases(params, x, n) + lnAliveThrough(params, n);
  const terms = [0];
  for (let m = tx; m < n; m++)
    terms.push(lnPurchases(params, x, m) + lnDiesAfter(params, m) - alive);
  return logSumExp(terms);
}

/** Throws unless h is a whole number of future occasions. */
function checkedOccasions(h: number): void {
  if (!(Number.isInteger(h) && h >= 0 && h <= MAX_OCCASIONS)) {
    throw cvaError("bgbb.horizon", { value: h, max: MAX_OCCASIONS });
  }
}

/** (1 − Π_{k<h} (1+s+k)/(γ+s+k)) / (γ−1), and its limit Σ_{k<h} 1/(1+s+k) at γ = 1. */
function expectedOccasionsFactor(gamma: number, s: number, h: number): number {
  const excess = gamma - 1;
  if (excess === 0) {
    let sum = 0;
    for (let k = 0; k < h; k++) sum += 1 / (1 + s + k);
    return sum;
  }
  let lnRatio = 0;
  for (let k = 0; k < h; k++) lnRatio -= Math.log1p(excess / (1 + s + k));
  return -Math.expm1(lnRatio) / excess;
}

/**
 * BG/BB as a registered transaction model: frequency, recency and T are x, tₓ and n in whole occasions, and every
 * horizon t is a whole number of future occasions. RFMSUMMARY's days or weeks are occasions too (one purchase a day
 * at most), so the model fits its output as it stands.
 */
export const bgbb: TransactionModel<BgbbParams> = {
  kind: "transaction",
  occasions: true,
  id: "BG/BB",
  displayName: "BG/BB",
  aliases: ["BGBB"],
  parameterNames: ["alpha", "beta", "gamma", "delta"],
  parameterUnits: [null, null, null, null],
  logLikelihood: (sample) => likelihoodOf(fromRfmSample(sample)),
  /**
   * No finite maximum: a Beta's two shapes growing together mean everyone shares one purchase (or drop-out)
   * chance; gamma to zero or delta to infinity, that nobody drops out.
   */
  explainRunaway(runaway, [alpha, beta, gamma, delta]) {
    const meanings: Message[] = [];
    if (runTogether(runaway, "alpha", "beta"))
      meanings.push(phrase("bgbb.samePurchaseChance", { chance: shown(alpha / (alpha + beta)) }));
    if (runTogether(runaway, "gamma", "delta"))
      meanings.push(phrase("bgbb.sameDropoutChance", { chance: shown(gamma / (gamma + delta)) }));
    else if (runaway.get("gamma") === "zero" || runaway.get("delta") === "infinity")
      meanings.push(
        phrase("bgbb.nobodyDropsOut", {
          runaway: runsOff(runaway, runaway.get("gamma") === "zero" ? "gamma" : "delta"),
        })
      );
    return explained(
      meanings,
      phrase("model.onlyInTheLimit", { model: "BG/BB", first: "MBG/NBD", second: "Pareto/NBD" })
    );
  },
  fit: (frequency, recency, T, options) => fitBgbb(frequency, recency, T, options),

  /**
   * P(alive at occasion n+1 | x, tₓ, n): alive through the n observed occasions and surviving to the next one,
   * (δ+n)/(γ+δ+n) · P(alive through n). This is Fader, Hardie & Shang's "P(alive in 2002)" (Table 6) and lifetimes'
   * conditional_probability_alive for BG/BB.
   */
  conditionalProbabilityAlive(params, frequency, recency, T) {
    checkedRow(frequency, recency, T);
    const { gamma, delta } = params;
    return (
      ((delta + T) / (gamma + delta + T)) *
      Math.exp(-lnEvidenceRatio(params, frequency, recency, T))
    );
  },

  /**
   * Purchases expected at the next t occasions given the history (FHS 2010 eq. 13), written as P(alive at n+1)
   * times expectedPurchasesIfAlive.
   */
  conditionalExpectedPurchases(params, t, frequency, recency, T) {
    checkedOccasions(t);
    return (
      bgbb.conditionalProbabilityAlive(params, frequency, recency, T) *
      bgbb.expectedPurchasesIfAlive(params, t, frequency, T)
    );
  },

  /**
   * Purchases expected at the next t occasions by a customer alive at occasion n+1: the posterior mean purchase
   * probability (α+x)/(α+β+n) times the occasions they are expected to live through,
   * (γ+δ+n)/(γ−1) · (1 − Π_{k<t} (1+δ+n+k)/(γ+δ+n+k)), computed as −expm1(Σ −log1p(…))/(γ−1), exact through γ = 1
   * (where the paper's δ/(γ−1) form is 0/0).
   */
  expectedPurchasesIfAlive(params, t, frequency, T) {
    checkedOccasions(t);
    const { alpha, beta, gamma, delta } = params;
    return (
      ((alpha + frequency) / (alpha + beta + T)) *
      (gamma + delta + T) *
      expectedOccasionsFactor(gamma, delta + T, t)
    );
  },

  /** E[X(n)]: purchases a new customer is expected to make at their first n occasions (FHS 2010 eq. 9). */
  expectedPurchases: (params, t) => bgbb.conditionalExpectedPurchases(params, t, 0, 0, 0),

  probabilityOfPurchases: (params, n, t) => bgbbProbabilityOfPurchases(params, n, t),

  /**
   * ln L(x, tₓ, n), eq. 5: L(x, tₓ, n + t) / L(x, tₓ, n) is the chance of no purchase at the next t occasions.
   * Inputs are taken as valid.
   */
  rowLogLikelihood: (params, frequency, recency, T) =>
    lnPurchases(params, frequency, T) +
    lnAliveThrough(params, T) +
    lnEvidenceRatio(params, frequency, recency, T),
};

/**
 * P(X(n) = x): the chance that a new customer buys at exactly x of their first n occasions (FHS 2010 eq. 8),
 *
 *   C(n, x)·B(α+x, β+n−x)/B(α, β)·B(γ, δ+n)/B(γ, δ) + Σ_{i=x}^{n−1} C(i, x)·B(α+x, β+i−x)/B(α, β)·B(γ+1, δ+i)/B(γ, δ)
 */
export function bgbbProbabilityOfPurchases(
  params: BgbbParams,
  purchases: number,
  occasions: number
): number {
  for (const [what, value] of [
    [phrase("term.purchases"), purchases],
    [phrase("term.occasions"), occasions],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 0 && value <= MAX_OCCASIONS))
      throw cvaError("bgbb.wholeCount", { what, value, max: MAX_OCCASIONS });
  }
  const x = purchases;
  const n = occasions;
  if (x > n) return 0;
  const lnChoose = (m: number) => gammaln(m + 1) - gammaln(x + 1) - gammaln(m - x + 1);
  const terms = [lnChoose(n) + lnPurchases(params, x, n) + lnAliveThrough(params, n)];
  for (let i = x; i < n; i++)
    terms.push(lnChoose(i) + lnPurchases(params, x, i) + lnDiesAfter(params, i));
  return Math.exp(logSumExp(terms));
}

/** The log-likelihood fitBgbb maximises, for checking it: per-customer rows or patterns with counts. */
export function bgbbLogLikelihood(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>
): LogLikelihood {
  const grouped = groupRows([frequency, recency, periods]);
  const weight = new Float64Array(grouped.size);
  for (let i = 0; i < frequency.length; i++) weight[grouped.groupOf[i]] += count ? count[i] : 1;
  const [x, tx, n] = grouped.columns;
  return likelihoodOf({ x, recency: tx, periods: n, weight, levelStart: grouped.levelStart });
}
