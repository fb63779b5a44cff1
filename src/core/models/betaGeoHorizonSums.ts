import { type CvaError, cvaError } from "../errors";
import { grown } from "./groupedSample";
import { type PurchasesIfAlive, sumOverHorizons } from "./horizonSums";

/**
 * BG/NBD-family expectations summed over many horizons for many customers at once (CLV's twelve months, or a
 * century of them), without one hypergeometric series per customer and horizon. betaGeoFamily.ts writes
 *
 *   E[X(t) | alive, x, T] = c · (growth(L) − e^(εL) · G(z)),   G(z) = Σₙ≥₁ gₙ zⁿ,
 *
 * with c = a+b+x−1+shift, ε = a−1, z = t/(α+T+t), L = ln(1−z), and gₙ the coefficients of hyp2f1Increment(A, ε; c):
 * g₁ = A/c, gₙ₊₁ = gₙ (A+n)(ε+n) / ((c+n)(n+1)), A = a+b−1+shift−r. Only c depends on x; only z and L on T and t.
 * So for horizons tₖ with weights wₖ
 *
 *   Σₖ wₖ Eₖ = c · (Σₖ wₖ growthₖ − Σₙ gₙ Mₙ(T)),   Mₙ(T) = Σₖ wₖ e^(εLₖ) zₖⁿ:
 *
 * the moments Mₙ are summed once per distinct T, the coefficients once per distinct x, and each customer costs one
 * dot product. The sum stops where its tail is provably below 1e-17 of Σₙ |gₙ| M̄ₙ (M̄ with |wₖ|), bounding the
 * later coefficient ratios as hyp2f1's gaussSeries does (the ratios settle towards 1 once every factor keeps its
 * sign). A pair whose series does not settle within MAX_TERMS is valued horizon by horizon by `ifAlive`, which
 * names the horizon that fails. With `maxWork`, an age's moments cost at most that many products (horizons × terms,
 * the terms growing like (α + T + t)/(α + T), so like the square of the months for a customer observed briefly), and
 * a pair whose series needs more gets model.horizonsTooCostly instead.
 */
const EPSILON = 1e-17;
const MAX_TERMS = 200_000;

interface BetaGeoParts {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export function betaGeoHorizonSums(
  shift: 0 | 1,
  params: BetaGeoParts,
  horizons: ArrayLike<number>,
  weights: ArrayLike<number>,
  frequency: ArrayLike<number>,
  T: ArrayLike<number>,
  out: Float64Array,
  ifAlive: PurchasesIfAlive,
  maxWork = Number.POSITIVE_INFINITY
): Map<number, CvaError> {
  const { r, alpha, a, b } = params;
  const epsilon = a - 1;
  const numeratorA = a + b - 1 + shift - r;
  const coefficients = new Map<number, Coefficients>();
  const moments = new Moments(horizons, weights, alpha, epsilon);
  const unsettled: number[] = [];
  const maxTerms = Math.min(MAX_TERMS, Math.max(1, Math.floor(maxWork / horizons.length)));
  const [order, ageStart] = byAge(T);
  for (let group = 0; group + 1 < ageStart.length; group++) {
    moments.reset(T[order[ageStart[group]]]);
    for (let at = ageStart[group]; at < ageStart[group + 1]; at++) {
      const i = order[at];
      const x = frequency[i];
      let g = coefficients.get(x);
      if (!g)
        coefficients.set(x, (g = new Coefficients(numeratorA, epsilon, a + b + (x - 1 + shift))));
      const sum = seriesSum(g, moments, maxTerms);
      if (Number.isNaN(sum)) unsettled.push(i);
      else out[i] = g.c * (moments.growth - sum);
    }
  }
  const errors = new Map<number, CvaError>();
  if (maxTerms < MAX_TERMS) {
    for (const i of unsettled) {
      out[i] = Number.NaN;
      errors.set(
        i,
        cvaError("model.horizonsTooCostly", { horizons: horizons.length, limit: maxWork })
      );
    }
    return errors;
  }
  for (const i of unsettled) {
    const one = new Float64Array(1);
    const error = sumOverHorizons(ifAlive, horizons, weights, [frequency[i]], [T[i]], one).get(0);
    out[i] = one[0];
    if (error) errors.set(i, error);
  }
  return errors;
}

/** Σₙ gₙ Mₙ to the bound above, or NaN when it does not settle within maxTerms terms. */
function seriesSum(g: Coefficients, moments: Moments, maxTerms: number): number {
  let sum = 0;
  let compensation = 0; // Neumaier, as gaussSeries: slowly settling sums would otherwise lose ~n·ε
  let magnitude = 0;
  for (let n = 1; n <= maxTerms; n++) {
    const coefficient = g.at(n);
    if (coefficient === 0) return sum + compensation; // A was a non-positive integer: a polynomial
    const term = coefficient * moments.at(n);
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    const absolute = Math.abs(coefficient) * moments.absoluteAt(n);
    magnitude += absolute;
    const rho = g.laterRatioBound(n) * moments.largestZ;
    if (rho < 1 && absolute * rho <= EPSILON * (1 - rho) * magnitude) return sum + compensation;
  }
  return Number.NaN;
}

/** The coefficients gₙ of one level x (one c), extended as far as a customer's sum needs. */
class Coefficients {
  private values = new Float64Array(64);
  private bounds = new Float64Array(64);
  private length = 1; // values[n] for 1 ≤ n < length
  /** From this index on every factor of the ratio keeps its sign, and the ratios settle monotonically. */
  private readonly monotoneFrom: number;

  constructor(
    private readonly numerator: number,
    private readonly epsilon: number,
    readonly c: number
  ) {
    this.monotoneFrom = Math.max(1, -Math.min(numerator, epsilon));
  }

  at(n: number): number {
    while (this.length <= n) this.extend();
    return this.values[n];
  }

  /** A bound on |gₘ₊₁/gₘ| for every m ≥ n (∞ before the ratios settle). */
  laterRatioBound(n: number): number {
    return this.bounds[n];
  }

  private extend(): void {
    const n = this.length;
    if (n === this.values.length) {
      this.values = grown(this.values);
      this.bounds = grown(this.bounds);
    }
    if (n === 1) {
      this.values[1] = this.numerator / this.c;
      this.bounds[1] = Number.POSITIVE_INFINITY;
    } else {
      const m = n - 1;
      const ratio = ((this.numerator + m) * (this.epsilon + m)) / ((this.c + m) * (m + 1));
      this.values[n] = this.values[m] * ratio;
      this.bounds[n] =
        m >= this.monotoneFrom ? Math.max(1, Math.abs(ratio)) : Number.POSITIVE_INFINITY;
    }
    this.length = n + 1;
  }
}

/** The moments Mₙ(T) and M̄ₙ(T) of one age T, extended as far as a customer's sum needs. */
class Moments {
  growth = 0;
  largestZ = 0;
  private readonly z: Float64Array;
  private readonly weight: Float64Array; // wₖ e^(εLₖ)
  private readonly absoluteWeight: Float64Array;
  private readonly power: Float64Array; // zₖⁿ at the current length
  private values = new Float64Array(64);
  private absolutes = new Float64Array(64);
  private length = 1;

  constructor(
    private readonly horizons: ArrayLike<number>,
    private readonly weights: ArrayLike<number>,
    private readonly alpha: number,
    private readonly epsilon: number
  ) {
    const k = horizons.length;
    this.z = new Float64Array(k);
    this.weight = new Float64Array(k);
    this.absoluteWeight = new Float64Array(k);
    this.power = new Float64Array(k);
  }

  /** Starts the moments of age T: growth = Σₖ wₖ growth(Lₖ), as expectedPurchasesIfAlive takes it. */
  reset(T: number): void {
    const { epsilon } = this;
    this.growth = 0;
    this.largestZ = 0;
    for (let k = 0; k < this.horizons.length; k++) {
      const t = this.horizons[k];
      const z = t / (this.alpha + T + t);
      const lnRest = Math.log1p(-z);
      const growth = epsilon === 0 ? -lnRest : -Math.expm1(epsilon * lnRest) / epsilon;
      const damping = Math.exp(epsilon * lnRest);
      this.growth += this.weights[k] * growth;
      this.z[k] = z;
      this.weight[k] = this.weights[k] * damping;
      this.absoluteWeight[k] = Math.abs(this.weights[k]) * damping;
      this.power[k] = 1;
      this.largestZ = Math.max(this.largestZ, z);
    }
    this.length = 1;
  }

  at(n: number): number {
    while (this.length <= n) this.extend();
    return this.values[n];
  }

  absoluteAt(n: number): number {
    return this.absolutes[n];
  }

  private extend(): void {
    const n = this.length;
    if (n === this.values.length) {
      this.values = grown(this.values);
      this.absolutes = grown(this.absolutes);
    }
    let moment = 0;
    let absolute = 0;
    for (let k = 0; k < this.z.length; k++) {
      const power = (this.power[k] *= this.z[k]);
      moment += this.weight[k] * power;
      absolute += this.absoluteWeight[k] * power;
    }
    this.values[n] = moment;
    this.absolutes[n] = absolute;
    this.length = n + 1;
  }
}

/** The pairs ordered by age (a counting sort on each distinct T, in order of first appearance), and each age's start. */
function byAge(T: ArrayLike<number>): [Int32Array, Int32Array] {
  const ageOf = new Int32Array(T.length);
  const indexOf = new Map<number, number>();
  const sizes: number[] = [];
  for (let i = 0; i < T.length; i++) {
    let k = indexOf.get(T[i]);
    if (k === undefined) {
      k = sizes.length;
      indexOf.set(T[i], k);
      sizes.push(0);
    }
    ageOf[i] = k;
    sizes[k]++;
  }
  const start = new Int32Array(sizes.length + 1);
  for (let k = 0; k < sizes.length; k++) start[k + 1] = start[k] + sizes[k];
  const next = start.slice(0, sizes.length);
  const order = new Int32Array(T.length);
  for (let i = 0; i < T.length; i++) order[next[ageOf[i]]++] = i;
  return [order, start];
}
