import { CvaError, isCvaError } from "../errors";

/** E[X(t) | alive at T, x repeat purchases, age T] of one model and parameter set. */
export type PurchasesIfAlive = (t: number, frequency: number, T: number) => number;

/**
 * Σₖ weights[k] · E[X(horizons[k]) | alive, frequency[i], T[i]] into out[i] for every pair i, one expectation per
 * horizon: the plain form of a model's purchasesIfAliveOverHorizons. A pair the model cannot value gets NaN, and its
 * error in the returned map.
 */
export function sumOverHorizons(
  ifAlive: PurchasesIfAlive,
  horizons: ArrayLike<number>,
  weights: ArrayLike<number>,
  frequency: ArrayLike<number>,
  T: ArrayLike<number>,
  out: Float64Array
): Map<number, CvaError> {
  const errors = new Map<number, CvaError>();
  for (let i = 0; i < frequency.length; i++) {
    try {
      let sum = 0;
      for (let k = 0; k < horizons.length; k++)
        sum += weights[k] * ifAlive(horizons[k], frequency[i], T[i]);
      out[i] = sum;
    } catch (error) {
      if (!isCvaError(error)) throw error;
      errors.set(i, error);
      out[i] = Number.NaN;
    }
  }
  return errors;
}
