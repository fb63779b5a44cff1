import { divZeroError, numError, valueError } from "../errors";
import { sortOrder } from "../stats/sortOrder";

/**
 * A weighted multi-factor score from 0 to 100 per customer, from measures of different units side by side
 * (spend, visits, tenure, churn risk…).
 *
 *   score_i = 100 · Σ_j w_j · rank_j(x_ij) / Σ_j w_j
 *
 * where rank_j is the percentile rank within measure j, #{values < x}/(n − 1) as PERCENTRANK.INC (ties share a
 * rank), taken on −x for a measure with direction −1 so that the smallest value ranks highest. Ranks make the
 * measures comparable without assuming any distribution; a single customer ranks 1 on every measure.
 *
 * Reference: Microsoft, "PERCENTRANK.INC function"; weighted-sum scoring as in Kumar & Reinartz (2018),
 * "Customer Relationship Management", 3rd ed., ch. 6.
 * @example weightedScores([[10, 20, 30], [3, 2, 1]], [1, 1], [1, -1]) // Float64Array [0, 50, 100]
 */
export function weightedScores(
  columns: readonly ArrayLike<number>[],
  weights: readonly number[],
  directions?: readonly number[]
): Float64Array {
  const m = columns.length;
  if (m === 0) throw valueError("Give at least one measure.");
  if (weights.length !== m)
    throw valueError(`${m} measure(s) need ${m} weight(s), got ${weights.length}.`);
  const dirs = directions ?? weights.map(() => 1);
  if (dirs.length !== m)
    throw valueError(`${m} measure(s) need ${m} direction(s), got ${dirs.length}.`);
  let weightSum = 0;
  for (const w of weights) {
    if (!(Number.isFinite(w) && w >= 0))
      throw numError(`Weights must be finite and not negative, got ${w}.`);
    weightSum += w;
  }
  if (weightSum === 0) throw divZeroError("The weights add up to 0.");
  if (weightSum === Infinity)
    throw numError("The weights are too large to add up; scale them down.");
  for (const d of dirs)
    if (d !== 1 && d !== -1)
      throw numError(`Directions are 1 (more is better) or -1 (less is better), got ${d}.`);
  const n = columns[0].length;
  for (const column of columns)
    if (column.length !== n) throw valueError("Every measure needs one value per customer.");
  const scores = new Float64Array(n);
  if (n === 0) return scores;
  const ranks = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    percentRanks(columns[j], dirs[j], ranks, j);
    const w = weights[j];
    for (let i = 0; i < n; i++) scores[i] += w * ranks[i];
  }
  // Dividing by the weight sum once at the end keeps a customer ranked first on every measure at exactly 100 (never
  // 100.00000000000001), and dividing before multiplying by 100 cannot overflow.
  for (let i = 0; i < n; i++) scores[i] = (scores[i] / weightSum) * 100;
  return scores;
}

/**
 * Writes each value's percentile rank #{values below}/(n − 1) (below = above for direction −1) into `ranks`, by one
 * sweep over the sort order: a binary search per value would pay a cache miss per step on a million rows.
 */
function percentRanks(
  column: ArrayLike<number>,
  direction: number,
  ranks: Float64Array,
  j: number
): void {
  const n = column.length;
  const oriented = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = column[i];
    if (!(x > -Infinity && x < Infinity))
      throw numError(`Measure ${j + 1} holds a value that is not a finite number.`);
    oriented[i] = direction * x;
  }
  if (n === 1) {
    ranks[0] = 1;
    return;
  }
  const { order, sorted } = sortOrder(oriented);
  let below = 0;
  for (let p = 1; p < n; p++) {
    if (sorted[p] !== sorted[p - 1]) below = p;
    ranks[order[p]] = below / (n - 1);
  }
  ranks[order[0]] = 0;
}
