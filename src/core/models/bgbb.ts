import gammaln from "@stdlib/math-base-special-gammaln";
import { type CellValue, isBlank, required, toNumber } from "../cells";
import { CvaError, valueError } from "../errors";
import { groupRows } from "./groupedSample";
import { type FitReport, maximizeLikelihood } from "./maximumLikelihood";

/**
 * BG/BB, the beta-geometric/beta-Bernoulli model of purchases at discrete occasions: Fader, Hardie & Shang (2010),
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6). At each of n
 * occasions (a yearly gala, an annual appeal) a customer who is alive buys with their own probability p ~ Beta(α, β);
 * before each occasion after the first purchase they die, for good, with probability θ ~ Beta(γ, δ). A customer is
 * summarised by x purchases in the n occasions after the first and tₓ, the occasion of the last one (0 if none):
 *
 *   L(α, β, γ, δ | x, tₓ, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *                            + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α, β) · B(γ+1, δ+tₓ+i)/B(γ, δ)      (eq. 5)
 *
 * The first term is "alive through occasion n", term i "died just after occasion tₓ + i".
 */
export interface BgbbParams {
  model: "BG/BB";
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

export type BgbbFit = { params: BgbbParams } & FitReport;

export type BgbbParamsRow = ["BG/BB", number, number, number, number];

export const BGBB_PARAMETER_NAMES = ["alpha", "beta", "gamma", "delta"] as const;

export function formatBgbbParams(params: BgbbParams): BgbbParamsRow {
  return ["BG/BB", params.alpha, params.beta, params.gamma, params.delta];
}

/** Reads a ["BG/BB", α, β, γ, δ] row back; #VALUE! saying what is wrong otherwise. */
export function parseBgbbParams(row: readonly CellValue[]): BgbbParams {
  const name = row[0];
  if (typeof name !== "string" || !["BG/BB", "BGBB"].includes(name.trim().toUpperCase())) {
    throw valueError(
      `BG/BB parameters must start with "BG/BB" (the row CVA.BGBB returns), got ${JSON.stringify(name ?? null)}.`
    );
  }
  const [alpha, beta, gamma, delta] = BGBB_PARAMETER_NAMES.map((parameter, i) => {
    const value = required(toNumber(row[i + 1], `BG/BB parameter ${parameter}`));
    if (!(value > 0)) throw valueError(`BG/BB parameter ${parameter} must be > 0, got ${value}.`);
    return value;
  });
  if (row.slice(5).some((cell) => !isBlank(cell)))
    throw valueError("BG/BB takes 4 parameters; the row has more values than that.");
  return { model: "BG/BB", alpha, beta, gamma, delta };
}

/** Occasions beyond this would make the per-evaluation tables below needlessly large; no real calendar has them. */
const MAX_OCCASIONS = 100_000;

/**
 * What is wrong with one (frequency, recency, periods) row, or null: x purchases at the n occasions after the
 * first, the last at occasion tₓ, so 0 ≤ x ≤ tₓ ≤ n, whole numbers, and tₓ = 0 exactly when x = 0.
 */
export function bgbbRowError(frequency: number, recency: number, periods: number): CvaError | null {
  const values = { frequency, recency, periods };
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) return valueError(`${name} must be a number, got ${value}.`);
    if (!(Number.isInteger(value) && value >= 0))
      return valueError(`${name} counts occasions and must be a whole number ≥ 0, got ${value}.`);
  }
  if (periods > MAX_OCCASIONS)
    return valueError(
      `periods ${periods} is beyond any calendar of occasions (at most ${MAX_OCCASIONS}).`
    );
  if (recency > periods)
    return valueError(
      `recency ${recency} exceeds periods ${periods}: the last purchase cannot come after the last occasion.`
    );
  if (frequency > recency)
    return valueError(
      `frequency ${frequency} exceeds recency ${recency}: x purchases need at least x occasions, the last at recency.`
    );
  if (frequency > 0 && recency === 0)
    return valueError(
      `frequency ${frequency} with recency 0: the last purchase's occasion must be ≥ 1.`
    );
  if (frequency === 0 && recency > 0)
    return valueError(`recency ${recency} with frequency 0: without purchases recency must be 0.`);
  return null;
}

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

/** The tables of log-gamma and digamma differences every term of the likelihood is made of, for given (α, β, γ, δ). */
class RisingTables {
  /** ln Γ(θ+j) − ln Γ(θ) and ψ(θ+j) − ψ(θ) for j = 0…size−1, per parameter combination. */
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
    const table = () => new Float64Array(size);
    this.lnA = table();
    this.lnB = table();
    this.lnAB = table();
    this.lnD = table();
    this.lnGD = table();
    this.psiA = table();
    this.psiB = table();
    this.psiAB = table();
    this.psiD = table();
    this.psiGD = table();
  }

  /** ln Γ(θ+j) − ln Γ(θ) = Σ_{i<j} ln(θ+i), and ψ(θ+j) − ψ(θ) = Σ_{i<j} 1/(θ+i): no special functions. */
  fill(alpha: number, beta: number, gamma: number, delta: number): void {
    rising(alpha, this.lnA, this.psiA);
    rising(beta, this.lnB, this.psiB);
    rising(alpha + beta, this.lnAB, this.psiAB);
    rising(delta, this.lnD, this.psiD);
    rising(gamma + delta, this.lnGD, this.psiGD);
  }
}

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

/** Distinct (x, tₓ, n) patterns with their customer counts. */
interface BgbbSample {
  x: Float64Array;
  recency: Float64Array;
  periods: Float64Array;
  weight: Float64Array;
  customers: number;
  maxPeriods: number;
}

/**
 * Maximum-likelihood (α, β, γ, δ) from per-customer rows, or from the compact table of patterns with `count`
 * customers each (the donations data: 22 patterns for 11,104 donors). Throws #VALUE! naming the first bad row
 * (1-based), and when the sample cannot identify the model.
 * @example fitBgbb(x, tx, n, count).params // { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 } on the donations
 */
export function fitBgbb(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>
): BgbbFit {
  const sample = bgbbSample(frequency, recency, periods, count);
  const fit = maximizeLikelihood(
    "BG/BB",
    BGBB_PARAMETER_NAMES,
    likelihoodOf(sample),
    [1, 1, 1, 1],
    sample.customers,
    sample.x.length
  );
  const [alpha, beta, gamma, delta] = fit.params;
  return { ...fit, params: { model: "BG/BB", alpha, beta, gamma, delta } };
}

function bgbbSample(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count: ArrayLike<number> | undefined
): BgbbSample {
  const rows = frequency.length;
  if (recency.length !== rows || periods.length !== rows || (count && count.length !== rows)) {
    throw valueError(
      `frequency, recency, periods${count ? " and count" : ""} must have the same number of rows (got ${rows}, ` +
        `${recency.length}, ${periods.length}${count ? `, ${count.length}` : ""}).`
    );
  }
  let customers = 0;
  let buyers = 0;
  let maxPeriods = 0;
  for (let i = 0; i < rows; i++) {
    const x = frequency[i];
    const n = periods[i];
    if (!isValidBgbbRow(x, recency[i], n)) {
      const error = bgbbRowError(x, recency[i], n) as CvaError;
      throw new CvaError(error.code, `Row ${i + 1}: ${error.message}`);
    }
    const w = count ? count[i] : 1;
    if (!(w >= 0 && w < Infinity))
      throw valueError(`Row ${i + 1}: count must be a number of customers ≥ 0, got ${w}.`);
    customers += w;
    if (x > 0) buyers += w;
    if (n > maxPeriods) maxPeriods = n;
  }
  if (customers < 2) throw valueError(`BG/BB needs at least 2 customers to fit, got ${customers}.`);
  if (buyers === 0)
    throw valueError(
      "Nobody bought at any occasion after the first: the purchase probability cannot be estimated."
    );
  if (maxPeriods < 2)
    throw valueError(
      "BG/BB needs at least 2 occasions after the first purchase: one occasion cannot tell buying from dying."
    );
  const grouped = groupRows([frequency, recency, periods]);
  let weight = grouped.weight;
  if (count) {
    weight = new Float64Array(grouped.size);
    for (let i = 0; i < rows; i++) weight[grouped.groupOf[i]] += count[i];
  }
  const [x, tx, n] = grouped.columns;
  return { x, recency: tx, periods: n, weight, customers, maxPeriods };
}

/**
 * ℓ = Σ w · ln L(x, tₓ, n) and its gradient. Every term of L is a product of ratios Γ(θ+j)/Γ(θ), read from
 * tables built once per evaluation; ln L is a log-sum-exp of its terms and ∂ ln L the terms' gradients averaged
 * with their posterior weights.
 */
function likelihoodOf(sample: BgbbSample) {
  const { x, recency, periods, weight, maxPeriods } = sample;
  const tables = new RisingTables(maxPeriods + 2);
  const logTerm = new Float64Array(maxPeriods + 1);
  return (params: Float64Array, gradient: Float64Array): number => {
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
    for (let k = 0; k < x.length; k++) {
      const xk = x[k];
      const tx = recency[k];
      const n = periods[k];
      const w = weight[k];
      if (w === 0) continue;
      // Term "alive through n": ln B(α+x, β+n−x)/B(α,β) + ln B(γ, δ+n)/B(γ,δ); then "died after tₓ + i".
      const terms = n - tx + 1;
      logTerm[0] = lnA[xk] + lnB[n - xk] - lnAB[n] + lnD[n] - lnGD[n];
      let max = logTerm[0];
      for (let i = 0; i + 1 < terms; i++) {
        const m = tx + i;
        const value = lnA[xk] + lnB[m - xk] - lnAB[m] + lnGamma + lnD[m] - lnGD[m + 1];
        logTerm[i + 1] = value;
        if (value > max) max = value;
      }
      let sum = 0;
      for (let i = 0; i < terms; i++) {
        logTerm[i] = Math.exp(logTerm[i] - max);
        sum += logTerm[i];
      }
      ll += w * (max + Math.log(sum));
      // Posterior-weighted term gradients: ∂/∂α of ln B(α+x, β+m−x)/B(α,β) is ψ(α+x) − ψ(α) − (ψ(α+β+m) − ψ(α+β)).
      const scale = w / sum;
      const share0 = logTerm[0] * scale;
      let dA = share0 * (psiA[xk] - psiAB[n]);
      let dB = share0 * (psiB[n - xk] - psiAB[n]);
      let dG = -share0 * psiGD[n];
      let dD = share0 * (psiD[n] - psiGD[n]);
      for (let i = 0; i + 1 < terms; i++) {
        const m = tx + i;
        const share = logTerm[i + 1] * scale;
        dA += share * (psiA[xk] - psiAB[m]);
        dB += share * (psiB[m - xk] - psiAB[m]);
        dG += share * (1 / gamma - psiGD[m + 1]);
        dD += share * (psiD[m] - psiGD[m + 1]);
      }
      gA += dA;
      gB += dB;
      gG += dG;
      gD += dD;
    }
    gradient[0] = gA;
    gradient[1] = gB;
    gradient[2] = gG;
    gradient[3] = gD;
    return ll;
  };
}

/** The log-likelihood fitBgbb maximises, as a function of (α, β, γ, δ) writing its gradient: for checking the fit. */
export function bgbbLogLikelihood(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  periods: ArrayLike<number>,
  count?: ArrayLike<number>
): (params: Float64Array, gradient: Float64Array) => number {
  return likelihoodOf(bgbbSample(frequency, recency, periods, count));
}

function checkedRow(frequency: number, recency: number, periods: number): void {
  const error = bgbbRowError(frequency, recency, periods);
  if (error) throw error;
}

/** ln B(α+x, β+m−x)/B(α, β): the chance of x purchases at given m occasions while alive. */
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
  return (
    Math.log(params.gamma) + lnAliveThrough(params, m) - Math.log(params.gamma + params.delta + m)
  );
}

/** ln Σ e^(values): the terms of a likelihood summed without overflow or underflow. */
function logSumExp(values: readonly number[]): number {
  const max = Math.max(...values);
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** ln(L / term₀): how much likelier the whole history is than its "alive through n" term; P(alive through n) = e^(−this). */
function lnEvidenceRatio(params: BgbbParams, x: number, tx: number, n: number): number {
  const alive = lnPurchases(params, x, n) + lnAliveThrough(params, n);
  const terms = [0];
  for (let m = tx; m < n; m++)
    terms.push(lnPurchases(params, x, m) + lnDiesAfter(params, m) - alive);
  return logSumExp(terms);
}

/**
 * P(alive at occasion n+1 | x, tₓ, n): alive through the n observed occasions and surviving to the next one,
 * (δ+n)/(γ+δ+n) · P(alive through n). This is Fader, Hardie & Shang's "P(alive in 2002)" (Table 6), and lifetimes'
 * conditional_probability_alive for BG/BB.
 */
export function bgbbProbabilityAlive(
  params: BgbbParams,
  frequency: number,
  recency: number,
  periods: number
): number {
  checkedRow(frequency, recency, periods);
  const { gamma, delta } = params;
  return (
    ((delta + periods) / (gamma + delta + periods)) *
    Math.exp(-lnEvidenceRatio(params, frequency, recency, periods))
  );
}

/**
 * Purchases expected at the next `occasions` occasions given the history (FHS 2010 eq. 13), rewritten as
 *
 *   P(alive at n+1) · (α+x)/(α+β+n) · (γ+δ+n)/(γ−1) · (1 − Π_{k<n*} (1+δ+n+k)/(γ+δ+n+k))
 *
 * — the chance to be alive next, times the expected purchase probability, times the expected occasions alive.
 * The last factor is computed as −expm1(Σ −log1p((γ−1)/(1+δ+n+k)))/(γ−1), exact through γ = 1 (where the paper's
 * δ/(γ−1) form is 0/0).
 */
export function bgbbExpectedPurchases(
  params: BgbbParams,
  occasions: number,
  frequency: number,
  recency: number,
  periods: number
): number {
  if (!(Number.isInteger(occasions) && occasions >= 0 && occasions <= MAX_OCCASIONS)) {
    throw valueError(
      `The horizon counts future occasions and must be a whole number from 0 to ${MAX_OCCASIONS}, got ${occasions}.`
    );
  }
  const { alpha, beta, gamma, delta } = params;
  const n = periods;
  return (
    bgbbProbabilityAlive(params, frequency, recency, periods) *
    ((alpha + frequency) / (alpha + beta + n)) *
    (gamma + delta + n) *
    expectedOccasionsFactor(gamma, delta + n, occasions)
  );
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

/** E[X(n)]: purchases a new customer is expected to make at their first n occasions (FHS 2010 eq. 9). */
export function bgbbPopulationPurchases(params: BgbbParams, occasions: number): number {
  return bgbbExpectedPurchases(params, occasions, 0, 0, 0);
}

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
    ["The number of purchases", purchases],
    ["The number of occasions", occasions],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 0 && value <= MAX_OCCASIONS))
      throw valueError(`${what} must be a whole number from 0 to ${MAX_OCCASIONS}, got ${value}.`);
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
