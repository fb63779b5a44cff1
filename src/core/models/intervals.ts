import { CvaError, cvaError, isCvaError } from "../errors";
import { type GammaGammaParams } from "./gammaGamma";
import { groupRows } from "./groupedSample";
import { checkedSpendParams, checkedTransactionParams, type ModelBlock } from "./parameterRow";
import { type ClvOptions, clvHorizons, clvRowError } from "./predictiveClv";
import { modelNamed, type ModelParams, transactionModel } from "./registry";

/**
 * Prediction intervals from parameter uncertainty. The maximum-likelihood estimates are asymptotically normal; in
 * the log-parameters u = ln θ that normal respects θ > 0 and is closer to the truth for small samples, so draws are
 * u ~ N(ln θ̂, Σᵤ) with Σᵤ = diag(1/θ̂) Cov(θ̂) diag(1/θ̂) (the covariance a fit's details block carries), θ = eᵘ.
 * Each draw gives every customer a prediction; the interval is the (1 − level)/2 and (1 + level)/2 quantiles of
 * those, the median the 0.5 one. The draws are seeded, so a recalculation gives the same interval.
 */
export const DEFAULT_DRAWS = 200;
const SEED = 20260101;
/**
 * The most work (horizons × series terms, see betaGeoHorizonSums) a draw may spend on one customer age: 12 months
 * cost far less, 120 months fit for customers observed as long as CDNOW's (39 weeks); 600 months for a customer
 * observed a few days would cost hundreds of millions per draw, minutes for one formula.
 */
const INTERVAL_WORK = 200_000;

/** Low, median and high of a customer's prediction, or that customer's error. */
export type Interval = readonly [number, number, number] | CvaError;

/** `count` parameter sets drawn around a details block's estimate (seeded). */
export function parameterDraws(block: ModelBlock, count: number, seed = SEED): ModelParams[] {
  const { params, covariance } = block;
  if (!covariance) throw cvaError("model.needsDetails", { model: params.model });
  const model = modelNamed(params.model)!;
  const names = model.parameterNames as readonly string[];
  const theta = names.map((name) => (params as Record<string, number>)[name]);
  const k = theta.length;
  const logCovariance = Float64Array.from(
    covariance,
    (c, at) => c / (theta[Math.floor(at / k)] * theta[at % k])
  );
  const lower = cholesky(logCovariance, k);
  if (!lower) throw cvaError("model.needsDetails", { model: params.model });
  const normal = standardNormals(seed);
  const draws: ModelParams[] = [];
  const z = new Float64Array(k);
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < k; i++) z[i] = normal();
    const drawn: Record<string, number | string> = { model: model.id };
    for (let i = 0; i < k; i++) {
      let shift = 0;
      for (let j = 0; j <= i; j++) shift += lower[i * k + j] * z[j];
      drawn[names[i]] = theta[i] * Math.exp(shift);
    }
    draws.push(drawn as ModelParams);
  }
  return draws;
}

/**
 * Per customer, the level-interval of a prediction over the draws: `predict(draw)` gives every customer's value
 * (or error) under one draw. A customer whose prediction fails under the estimate's draws keeps its first error.
 */
export function intervals(
  draws: number,
  level: number,
  predict: (draw: number) => readonly (number | CvaError)[]
): Interval[] {
  checkedLevel(level);
  const runs = Array.from({ length: draws }, (_, d) => predict(d));
  const customers = runs[0].length;
  const values = new Float64Array(draws);
  const result: Interval[] = new Array(customers);
  for (let i = 0; i < customers; i++) {
    let error: CvaError | undefined;
    for (let d = 0; d < draws; d++) {
      const value = runs[d][i];
      if (isCvaError(value)) {
        error = value;
        break;
      }
      values[d] = value;
    }
    if (error) {
      result[i] = error;
      continue;
    }
    result[i] = quantiles(values, level);
  }
  return result;
}

function checkedLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw cvaError("model.level", { value: level });
}

/** Low, median and high of one row's draws (sorted in place). */
function quantiles(values: Float64Array, level: number): Interval {
  values.sort();
  return [
    quantile(values, (1 - level) / 2),
    quantile(values, 0.5),
    quantile(values, (1 + level) / 2),
  ];
}

/** The p-quantile of sorted values, interpolating linearly between order statistics (as PERCENTILE.INC). */
function quantile(sorted: Float64Array, p: number): number {
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
}

/** Lower-triangular L with L·Lᵀ = m, or null if m is not positive definite. */
function cholesky(m: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / l[j * n + j];
    }
  return l;
}

/** Seeded standard normals: mulberry32 uniforms through the Box–Muller transform. */
export function standardNormals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/**
 * Intervals of E[X(t) | x, tₓ, T] for many customers: per draw, P(alive) once per distinct (x, tₓ, T, t) and the
 * costly expectation-if-alive once per distinct (x, T, t), as predictedClv groups its work. A bad row gets its
 * error (from the first draw's evaluation) in place of an interval.
 */
export function expectedPurchasesIntervals(
  block: ModelBlock,
  t: ArrayLike<number>,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  level: number,
  draws = DEFAULT_DRAWS
): Interval[] {
  checkedLevel(level);
  const parameterSets = parameterDraws(block, draws).map(checkedTransactionParams);
  const model = transactionModel(parameterSets[0]);
  const n = frequency.length;
  const errors = new Map<number, CvaError>();
  const valid: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      model.conditionalExpectedPurchases(parameterSets[0], t[i], frequency[i], recency[i], T[i]);
      valid.push(i);
    } catch (error) {
      if (!isCvaError(error)) throw error;
      errors.set(i, error);
    }
  }
  const rows = groupRows([frequency, recency, T, t], valid);
  const [x, tx, age, horizon] = rows.columns;
  const pairs = groupRows([x, age, horizon]);
  const [pairX, pairAge, pairHorizon] = pairs.columns;
  const ifAlive = new Float64Array(pairs.size);
  // Row-major: row i's draws are values[i·draws …], sorted in place for its quantiles.
  const values = new Float64Array(rows.size * draws);
  for (let d = 0; d < draws; d++) {
    const params = parameterSets[d];
    for (let i = 0; i < pairs.size; i++)
      ifAlive[i] = model.expectedPurchasesIfAlive(params, pairHorizon[i], pairX[i], pairAge[i]);
    for (let i = 0; i < rows.size; i++)
      values[i * draws + d] =
        model.conditionalProbabilityAlive(params, x[i], tx[i], age[i]) * ifAlive[pairs.groupOf[i]];
  }
  const byRow = Array.from({ length: rows.size }, (_, i) =>
    quantiles(values.subarray(i * draws, (i + 1) * draws), level)
  );
  const result: Interval[] = new Array(n);
  valid.forEach((row, k) => (result[row] = byRow[rows.groupOf[k]]));
  errors.forEach((error, row) => (result[row] = error));
  return result;
}

/**
 * Intervals of predicted CLV (as predictedClv values it) for many customers. CLV factorises into E[spend | x, m] ·
 * P(alive | x, tₓ, T) · Σ discounted E[X | alive, x, T], so each draw values the spend once per distinct (x, m),
 * P(alive) once per distinct (x, tₓ, T) and the costly horizon sums once per distinct (x, T); customers sharing
 * (x, tₓ, T, m) share their interval (every one-time buyer of the same day does). A bad row gets its error; a pair
 * the model cannot value under some draw gets that draw's error, the first in draw order.
 */
export function clvIntervals(
  purchasesBlock: ModelBlock,
  spendBlock: ModelBlock,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: ClvOptions,
  level: number,
  draws = DEFAULT_DRAWS
): Interval[] {
  checkedLevel(level);
  const purchaseSets = parameterDraws(purchasesBlock, draws).map(checkedTransactionParams);
  const spendSets = parameterDraws(spendBlock, draws).map(
    (set) => checkedSpendParams(set) as GammaGammaParams
  );
  const { horizons, weights } = clvHorizons(options);
  const n = frequency.length;
  const result: Interval[] = new Array(n);
  const valid: number[] = [];
  // Monetary is ignored for one-time buyers: keyed as 0, they share their rows.
  const spent = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const error = clvRowError(frequency[i], recency[i], T[i], monetary[i]);
    if (error) result[i] = error;
    else {
      valid.push(i);
      spent[i] = frequency[i] > 0 ? monetary[i] : 0;
    }
  }
  const rows = groupRows([frequency, recency, T, spent], valid);
  const [x, tx, age, m] = rows.columns;
  const histories = groupRows([x, tx, age]);
  const [hx, htx, hAge] = histories.columns;
  const pairs = groupRows([hx, hAge]);
  const [px, pAge] = pairs.columns;
  const model = transactionModel(purchaseSets[0]);
  const values = new Float64Array(rows.size * draws);
  const purchases = new Float64Array(pairs.size);
  const alive = new Float64Array(histories.size);
  // A pair keeps the first error a draw gives it, and later draws value only the pairs still without one.
  const pairErrors = new Map<number, CvaError>();
  let valued = Int32Array.from({ length: pairs.size }, (_, i) => i);
  for (let d = 0; d < draws; d++) {
    const params = purchaseSets[d];
    const { p, q, v } = spendSets[d];
    if (!(q > 1)) throw cvaError("model.infiniteMeanSpend", { q });
    const sums = new Float64Array(valued.length);
    const errors = model.purchasesIfAliveOverHorizons(
      params,
      horizons,
      weights,
      Float64Array.from(valued, (i) => px[i]),
      Float64Array.from(valued, (i) => pAge[i]),
      sums,
      INTERVAL_WORK
    );
    valued.forEach((pair, j) => (purchases[pair] = sums[j]));
    if (errors.size > 0) {
      errors.forEach((error, j) => pairErrors.set(valued[j], error));
      valued = valued.filter((pair) => !pairErrors.has(pair));
    }
    for (let h = 0; h < histories.size; h++)
      alive[h] = model.conditionalProbabilityAlive(params, hx[h], htx[h], hAge[h]);
    for (let r = 0; r < rows.size; r++) {
      const h = histories.groupOf[r];
      const spend = (p * (v + x[r] * m[r])) / (p * x[r] + q - 1);
      values[r * draws + d] = spend * alive[h] * purchases[pairs.groupOf[h]];
    }
  }
  const byRow = Array.from(
    { length: rows.size },
    (_, r): Interval =>
      pairErrors.get(pairs.groupOf[histories.groupOf[r]]) ??
      quantiles(values.subarray(r * draws, (r + 1) * draws), level)
  );
  valid.forEach((row, k) => (result[row] = byRow[rows.groupOf[k]]));
  return result;
}
