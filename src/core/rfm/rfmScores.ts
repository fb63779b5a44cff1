import { cvaError } from "../errors";
import { Message, phrase } from "../messages/catalogue";
import { percentilesInc } from "../stats/percentileInc";
import { scratchFloat64 } from "../stats/scratch";

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
 * k = 1..bins−1, and a customer moves up a score only by strictly beating a break point — a larger frequency or
 * monetary value, a more recent (smaller) recency:
 *
 *   F = 1 + #{k : x > b_k},   M = 1 + #{k : x > b_k},   R = 1 + #{k : x < b_k}
 *
 * so ties never promote: a customer sitting on a break point gets the lower score with all its ties. With 70 % of the
 * customers tied at the worst recency (a CRM export capped at "365+ days"), every break point from the 40th
 * percentile up is that recency, and the tied group gets R = 1. Each score can be checked in Excel, e.g. for
 * monetary in F2:F101 and 5 bins =1+SUM(--(F2>PERCENTILE.INC(F$2:F$101,{0.2,0.4,0.6,0.8}))) and for recency in
 * B2:B101 =1+SUM(--(B2<PERCENTILE.INC(B$2:B$101,{0.8,0.6,0.4,0.2}))).
 *
 * The break points are order statistics selected from a copy of each column (no sort); scoring compares each
 * value with the bins − 1 break points.
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
  if (frequency.length !== n || monetary.length !== n)
    throw cvaError("rfm.lengths", {
      recency: n,
      frequency: frequency.length,
      monetary: monetary.length,
    });
  const scratch = scratchFloat64(n);
  const r = scoreColumn(recency, bins, true, phrase("term.recency"), scratch);
  const f = scoreColumn(frequency, bins, false, phrase("term.frequency"), scratch);
  const m = scoreColumn(monetary, bins, false, phrase("term.monetary"), scratch);
  return {
    recency: r.scores,
    frequency: f.scores,
    monetary: m.scores,
    breakpoints: { recency: r.breakpoints, frequency: f.breakpoints, monetary: m.breakpoints },
  };
}

/** One measure's scores; `scratch` (one column long) holds the copy the break points are selected from. */
function scoreColumn(
  values: ArrayLike<number>,
  bins: number,
  smallerIsBetter: boolean,
  what: Message,
  scratch: Float64Array
): { scores: Uint8Array; breakpoints: number[] } {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return { scores, breakpoints: [] };
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!(x > -Infinity && x < Infinity)) throw cvaError("measure.notFinite", { what });
    scratch[i] = x;
  }
  const breakpoints = percentilesInc(
    scratch,
    Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins)
  );
  // A count of comparisons without branches: break points are few, and which side a value falls is unpredictable.
  const b = Float64Array.from(breakpoints);
  const k = b.length;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    let score = 1;
    if (smallerIsBetter) for (let j = 0; j < k; j++) score += +(x < b[j]);
    else for (let j = 0; j < k; j++) score += +(x > b[j]);
    scores[i] = score;
  }
  return { scores, breakpoints };
}
