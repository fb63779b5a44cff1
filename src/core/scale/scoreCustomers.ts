import { type CvaError, isCvaError } from "../errors";
import type { GammaGammaParams } from "../models/gammaGamma";
import { groupRows, isValidRfmRow, rfmRowError } from "../models/groupedSample";
import { type ClvOptions, PERIODS_PER_MONTH, predictedClv } from "../models/predictiveClv";
import { transactionModel, type TransactionModelParams } from "../models/registry";

/** One batch of customers scored: NaN where a customer could not be scored, with the reason in `errors`. */
export interface CustomerScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Empty when no spend model was given. */
  predictedClv: Float64Array;
  /** The first reason per customer that is not scored, else null. */
  errors: (CvaError | null)[];
}

export interface ScoreOptions extends ClvOptions {
  /** The horizon of the expected purchases, in the data's time unit; default the CLV's months. */
  horizon?: number;
}

/**
 * Scores customers batch after batch with the engine's models: P(alive) and expected purchases over the horizon
 * per distinct (frequency, recency, T), remembered across batches (they depend on nothing else), and predicted
 * CLV (PREDICTEDCLV's predictedClv) per batch. Bad options throw before any customer is scored.
 */
export function customerScorer(
  transactions: TransactionModelParams,
  spend: GammaGammaParams | null,
  options: ScoreOptions = {}
): {
  horizon: number;
  score(
    frequency: Float64Array,
    recency: Float64Array,
    T: Float64Array,
    monetary: Float64Array
  ): CustomerScores;
} {
  const model = transactionModel(transactions);
  const horizon =
    options.horizon ?? (options.months ?? 12) * PERIODS_PER_MONTH[options.dataUnit ?? "D"];
  if (spend) predictedClv(transactions, spend, [], [], [], [], options);
  const known = new Map<string, [number, number] | CvaError>();

  const patternScores = (f: number, r: number, t: number): [number, number] | CvaError => {
    const key = `${f},${r},${t}`;
    let scores = known.get(key);
    if (scores === undefined) {
      try {
        scores = [
          model.conditionalProbabilityAlive(transactions, f, r, t),
          model.conditionalExpectedPurchases(transactions, horizon, f, r, t),
        ];
      } catch (error) {
        if (!isCvaError(error)) throw error;
        scores = error;
      }
      known.set(key, scores);
    }
    return scores;
  };

  return {
    horizon,
    score(frequency, recency, T, monetary) {
      const n = frequency.length;
      const result: CustomerScores = {
        pAlive: new Float64Array(n).fill(Number.NaN),
        expectedPurchases: new Float64Array(n).fill(Number.NaN),
        predictedClv: new Float64Array(spend ? n : 0).fill(Number.NaN),
        errors: new Array(n).fill(null),
      };
      const valid: number[] = [];
      for (let i = 0; i < n; i++) {
        if (isValidRfmRow(frequency[i], recency[i], T[i])) valid.push(i);
        else result.errors[i] = rfmRowError(frequency[i], recency[i], T[i]);
      }
      const rows = groupRows([frequency, recency, T], valid);
      const [f, r, t] = rows.columns;
      const distinct = Array.from({ length: rows.size }, (_, k) => patternScores(f[k], r[k], t[k]));
      valid.forEach((row, k) => {
        const scores = distinct[rows.groupOf[k]];
        if (isCvaError(scores)) {
          result.errors[row] = scores;
        } else {
          result.pAlive[row] = scores[0];
          result.expectedPurchases[row] = scores[1];
        }
      });
      if (spend) {
        const clv = predictedClv(transactions, spend, frequency, recency, T, monetary, options);
        clv.forEach((value, i) => {
          if (isCvaError(value)) result.errors[i] ??= value;
          else result.predictedClv[i] = value;
        });
      }
      return result;
    },
  };
}
