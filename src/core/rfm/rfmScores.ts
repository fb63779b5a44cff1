import { cvaError } from "../errors";
import { Message, phrase } from "../messages/catalogue";
import { countBelow } from "../stats/countBelow";
import { percentileIncSorted } from "../stats/percentileInc";
import { sortedAscending } from "../stats/sortedAscending";

/** The break points each measure was scored against, ascending: PERCENTILE.INC(column, k/bins), k = 1..bins−1. */
export interface RfmBreakpoints {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
  breakpoints: RfmBreakpoints;
}

/** Scores are stored in bytes and written as digits of a code; 2..99 bins covers deciles and beyond. */
export const MAX_RFM_BINS = 99;

/**
 * Recency, frequency and monetary scores 1..bins for a population of customers.
 *
 * For each measure the break points are the population quantiles b_k = PERCENTILE.INC(column, k/bins),
 * k = 1..bins−1, and a value's score counts the break points it exceeds:
 *
 *   F = 1 + #{k : x > b_k},   M = 1 + #{k : x > b_k},   R = bins − #{k : x > b_k}
 *
 * (recency is "periods since the last purchase", so fewer is better). Equal values always get equal scores and any
 * score can be checked in Excel with PERCENTILE.INC. Each column is sorted once; scoring is a binary search among
 * the bins − 1 break points.
 *
 * Reference: Hughes (1994), "Strategic Database Marketing" (RFM quintiles); Microsoft, "PERCENTILE.INC function".
 * @example rfmScores([5, 40, 200], [9, 2, 1], [500, 80, 20], 3).recency // Uint8Array [3, 2, 1]
 */
export function rfmScores(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  bins = 5
): RfmScores {
  if (!Number.isInteger(bins) || bins < 2 || bins > MAX_RFM_BINS)
    throw cvaError("rfm.bins", { bins, max: MAX_RFM_BINS });
  const n = recency.length;
  if (frequency.length !== n || monetary.length !== n) {
    throw cvaError("rfm.lengths", {
      recency: n,
      frequency: frequency.length,
      monetary: monetary.length,
    });
  }
  const r = scoreColumn(recency, bins, true, phrase("term.recency"));
  const f = scoreColumn(frequency, bins, false, phrase("term.frequency"));
  const m = scoreColumn(monetary, bins, false, phrase("term.monetary"));
  return {
    recency: r.scores,
    frequency: f.scores,
    monetary: m.scores,
    breakpoints: { recency: r.breakpoints, frequency: f.breakpoints, monetary: m.breakpoints },
  };
}

function scoreColumn(
  values: ArrayLike<number>,
  bins: number,
  smallerIsBetter: boolean,
  what: Message
): { scores: Uint8Array; breakpoints: number[] } {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return { scores, breakpoints: [] };
  const sorted = sortedAscending(values);
  // Sorting puts a NaN last and ±Infinity at an end, so two reads check the whole column.
  if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[n - 1]))
    throw cvaError("measure.notFinite", { what });
  const breakpoints: number[] = [];
  for (let k = 1; k < bins; k++) breakpoints.push(percentileIncSorted(sorted, k / bins));
  for (let i = 0; i < n; i++) {
    const exceeded = countBelow(breakpoints, values[i]);
    scores[i] = smallerIsBetter ? bins - exceeded : 1 + exceeded;
  }
  return { scores, breakpoints };
}
