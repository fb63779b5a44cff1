import { bgNbd } from "./bgnbd";
import type { FitReport } from "./maximumLikelihood";
import { mbgNbd } from "./mbgnbd";
import type { TransactionModelName, TransactionModelParams } from "./modelParams";
import { paretoNbd } from "./paretoNbd";

/** A fitted transaction model: its parameters and how the fit went. */
export type TransactionModelFit<P extends TransactionModelParams> = { params: P } & FitReport;

/**
 * The shape every transaction ("buy till you die") model shares, after lifetimes' fitters. Times (recency, T, t)
 * are in the time unit of the data the model was fitted on. Predictions validate their row and throw its
 * CvaError, so an adapter can turn one bad customer into that row's error.
 */
export interface TransactionModel<P extends TransactionModelParams> {
  /** Maximum-likelihood fit; throws CvaError naming a bad row, or #NUM! when the fit does not converge. */
  fit(
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>
  ): TransactionModelFit<P>;
  /** P(the customer is still active at T | frequency, recency, T). */
  conditionalProbabilityAlive(params: P, frequency: number, recency: number, T: number): number;
  /** Purchases expected in (T, T + t] given the customer's history. */
  conditionalExpectedPurchases(
    params: P,
    t: number,
    frequency: number,
    recency: number,
    T: number
  ): number;
  /** E[X(t)]: purchases expected in the first t time units of a new customer. */
  expectedPurchases(params: P, t: number): number;
  /**
   * Purchases expected in (T, T + t] by a customer known to be alive at T: conditionalExpectedPurchases is
   * P(alive) times this, which depends on (frequency, T) only. Inputs are taken as valid (callers validate).
   */
  expectedPurchasesIfAlive(params: P, t: number, frequency: number, T: number): number;
}

/** The model for a parameter set: `transactionModel(params).conditionalProbabilityAlive(params, …)`. */
export function transactionModel<P extends TransactionModelParams>(params: P): TransactionModel<P>;
export function transactionModel(
  params: TransactionModelParams
): TransactionModel<TransactionModelParams> {
  return modelNamed(params.model) as TransactionModel<TransactionModelParams>;
}

/** Fits the named model: the entry point for a fitting function that takes the model name as an argument. */
export function fitTransactionModel(
  model: TransactionModelName,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>
): TransactionModelFit<TransactionModelParams> {
  return modelNamed(model).fit(frequency, recency, T);
}

export function conditionalProbabilityAlive(
  params: TransactionModelParams,
  frequency: number,
  recency: number,
  T: number
): number {
  return transactionModel(params).conditionalProbabilityAlive(params, frequency, recency, T);
}

export function conditionalExpectedPurchases(
  params: TransactionModelParams,
  t: number,
  frequency: number,
  recency: number,
  T: number
): number {
  return transactionModel(params).conditionalExpectedPurchases(params, t, frequency, recency, T);
}

export function expectedPurchases(params: TransactionModelParams, t: number): number {
  return transactionModel(params).expectedPurchases(params, t);
}

function modelNamed(model: TransactionModelName): TransactionModel<TransactionModelParams> {
  const models = { "BG/NBD": bgNbd, "MBG/NBD": mbgNbd, "Pareto/NBD": paretoNbd };
  return models[model] as TransactionModel<TransactionModelParams>;
}
