import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import { Ranker } from "../stats/ranker";

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
 * The weights are normalised before anything is added up (see scaledWeights).
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
  if (m === 0) throw cvaError("score.noMeasure");
  if (weights.length !== m)
    throw cvaError("score.weightCount", { measures: m, weights: weights.length });
  const dirs = directions ?? weights.map(() => 1);
  if (dirs.length !== m)
    throw cvaError("score.directionCount", { measures: m, directions: dirs.length });
  const scaled = scaledWeights(weights);
  let weightSum = 0;
  for (const w of scaled) weightSum += w;
  for (const d of dirs) if (d !== 1 && d !== -1) throw cvaError("score.direction", { value: d });
  const n = columns[0].length;
  for (const column of columns) if (column.length !== n) throw cvaError("score.lengths");
  const scores = new Float64Array(n);
  if (n === 0) return scores;
  const ranker = new Ranker(n);
  for (let j = 0; j < m; j++) {
    const column = columns[j];
    for (let i = 0; i < n; i++) {
      const x = column[i];
      if (!(x > -Infinity && x < Infinity))
        throw cvaError("measure.notFinite", { what: phrase("term.measure", { n: j + 1 }) });
    }
    addPercentRanks(ranker, column, dirs[j], scaled[j], scores);
  }
  // Dividing by the weight sum once at the end keeps a customer ranked first on every measure at exactly 100 (never
  // 100.00000000000001), and dividing before multiplying by 100 cannot overflow.
  for (let i = 0; i < n; i++) scores[i] = (scores[i] / weightSum) * 100;
  return scores;
}

/**
 * The weights divided by the largest, so that they add up to between 1 and their count: weights of 5e-324 or 1e308
 * score as weights of 1 would, where summing them as given would underflow to 0 or overflow.
 */
function scaledWeights(weights: readonly number[]): number[] {
  let largest = 0;
  for (const w of weights) {
    if (!(w >= 0 && w < Infinity)) throw cvaError("score.weight", { value: w });
    if (w > largest) largest = w;
  }
  if (largest === 0) throw cvaError("score.weightsZero");
  return weights.map((w) => w / largest);
}

/**
 * Adds w × each value's percentile rank #{values below}/(n − 1) (below = above for direction −1) to its score; ties
 * share their rank. A single customer ranks 1.
 */
function addPercentRanks(
  ranker: Ranker,
  column: ArrayLike<number>,
  direction: number,
  w: number,
  scores: Float64Array
): void {
  const n = column.length;
  if (n === 1) {
    scores[0] += w;
    return;
  }
  const below = ranker.below(column, direction);
  for (let i = 0; i < n; i++) scores[i] += w * (below[i] / (n - 1));
}
