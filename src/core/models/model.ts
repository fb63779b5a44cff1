import type { CvaError } from "../errors";
import type { RfmSample } from "./groupedSample";
import type { Message } from "../messages/catalogue";
import type { FitReport, LogLikelihood, Runaway } from "./maximumLikelihood";

/**
 * What every model module declares about itself. The registry (registry.ts) lists the modules; the parameter row
 * the sheet carries, the accepted names and the parameter types all derive from these declarations.
 */

/** A model's parameters as named numbers, tagged with the model's id: e.g. { model: "BG/NBD", r, alpha, a, b }. */
export type ModelParamsOf<Id extends string, Name extends string> = { model: Id } & Record<
  Name,
  number
>;

/** The parameter names of a parameter type, in no particular order (the module's `parameterNames` fixes it). */
export type ParameterName<P> = Exclude<keyof P, "model"> & string;

/**
 * The unit a parameter is measured in. "time" parameters (α, β) are in the data's time unit and scale with it (a
 * fit on days has α 7 times a fit on weeks); "money" ones (Gamma-Gamma's v) in the currency of the amounts; the
 * rest are pure numbers that do not depend on either.
 */
export type ParameterUnit = "time" | "money" | null;

export interface ModelIdentity<P extends { model: string }> {
  /** The name written in the first cell of a parameter row, e.g. "BG/NBD". */
  readonly id: P["model"];
  /** The name shown to people (the pane, messages). */
  readonly displayName: string;
  /** Other spellings accepted in a parameter row, compared upper-cased (the id always is). */
  readonly aliases: readonly string[];
  /** Parameter names in the order of the parameter row and of every parameter vector. */
  readonly parameterNames: readonly ParameterName<P>[];
  /** The unit of each parameter, in the order of parameterNames. */
  readonly parameterUnits: readonly ParameterUnit[];
  /**
   * When a fit finds no finite maximum: what it means about the data that these parameters run off (given the
   * parameters where the fit stopped, in parameterNames order) and what to do; undefined for the generic text.
   */
  explainRunaway?(runaway: Runaway, params: Float64Array): Message | undefined;
}

/** A fitted model: its parameters and how the fit went. */
export type ModelFit<P> = { params: P } & FitReport;

export interface FitOptions {
  /** Customers per row: a grouped table fits exactly like the rows it summarises. Default 1 each. */
  count?: ArrayLike<number>;
  /** Also compute standard errors, covariance and information criteria (FitReport.details). */
  details?: boolean;
}

/**
 * A transaction ("buy till you die") model, after lifetimes' fitters. Times (recency, T, t) are in the time unit
 * of the data the model was fitted on. Predictions validate their row and throw its CvaError, so an adapter can
 * turn one bad customer into that row's error.
 */
export interface TransactionModel<P extends { model: string }> extends ModelIdentity<P> {
  readonly kind: "transaction";
  /**
   * Times count whole occasions (BG/BB): recency, T and every horizon are whole numbers, so the model stays out of
   * the continuous-time lists (TRANSACTION_MODELS).
   */
  readonly occasions?: true;
  /** The total log-likelihood of a grouped sample and its gradient, over parameter vectors in parameterNames order. */
  logLikelihood(sample: RfmSample): LogLikelihood;
  /** Maximum-likelihood fit; throws CvaError naming a bad row, or saying why the fit does not converge. */
  fit(
    frequency: ArrayLike<number>,
    recency: ArrayLike<number>,
    T: ArrayLike<number>,
    options?: FitOptions
  ): ModelFit<P>;
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
  /**
   * Σₖ weights[k] · expectedPurchasesIfAlive(params, horizons[k], frequency[i], T[i]) into out[i] for every pair i:
   * CLV's discounted months for many customers at once (horizonSums.ts has the plain form). Inputs are taken as
   * valid; the pairs the model cannot value (a horizon far beyond its time scale) come back with their errors.
   * `maxWork` bounds the work per customer age (horizons × series terms) where it grows with the horizons: the pairs
   * beyond it come back with a model.horizonsTooCostly error (intervals value 200 draws, each at that cost).
   */
  purchasesIfAliveOverHorizons(
    params: P,
    horizons: ArrayLike<number>,
    weights: ArrayLike<number>,
    frequency: ArrayLike<number>,
    T: ArrayLike<number>,
    out: Float64Array,
    maxWork?: number
  ): Map<number, CvaError>;
  /** P(X(t) = n): the probability that a new customer makes exactly n repeat purchases in t time units. */
  probabilityOfPurchases(params: P, n: number, t: number): number;
  /**
   * The customer's log-likelihood up to terms in frequency alone: what changes with recency and T. Observing the
   * customer t longer without a purchase multiplies the likelihood by P(no purchase in (T, T + t] | history), so
   * that probability is exp(rowLogLikelihood(…, T + t) − rowLogLikelihood(…, T)). Inputs are taken as valid.
   */
  rowLogLikelihood(params: P, frequency: number, recency: number, T: number): number;
}

/** A spend model: the expected value of a customer's purchases given the repeat purchases seen so far. */
export interface SpendModel<P extends { model: string }> extends ModelIdentity<P> {
  readonly kind: "spend";
  /** Maximum-likelihood fit on the customers with repeat purchases (the others carry no information). */
  fit(frequency: ArrayLike<number>, monetary: ArrayLike<number>, options?: FitOptions): ModelFit<P>;
  /** E[spend per purchase | frequency, mean repeat spend]. */
  conditionalExpectedAverageSpend(params: P, frequency: number, monetary: number): number;
}

/**
 * A contractual retention model: the share of a cohort still customers after each renewal opportunity, fitted on
 * cohorts' survivor curves (customers still active at periods 0, 1, 2, …).
 */
export interface RetentionModel<P extends { model: string }> extends ModelIdentity<P> {
  readonly kind: "retention";
  /** Maximum-likelihood fit on one or more cohorts' curves, pooled; with cohortSizes, curves are shares. */
  fit(survivors: readonly ArrayLike<number>[], cohortSizes?: readonly number[]): ModelFit<P>;
  /** S(t): the share of a cohort still active after t periods (whole periods, S(0) = 1). */
  survival(params: P, t: number): number;
  /** The share of those active in period t − 1 who are still active in period t (t ≥ 1). */
  retention(params: P, t: number): number;
}

/** Parameters in the module's order, from the named object. */
export function parameterVector<P extends { model: string }>(
  model: ModelIdentity<P>,
  params: P
): Float64Array {
  return Float64Array.from(model.parameterNames, (name) => params[name] as number);
}

/** The named parameters of a vector in the module's order. */
export function namedParameters<P extends { model: string }>(
  model: ModelIdentity<P>,
  values: ArrayLike<number>
): P {
  const params: Record<string, number | string> = { model: model.id };
  model.parameterNames.forEach((name, i) => (params[name] = values[i]));
  return params as P;
}

/** The parameter type of a model module. */
export type ParamsOf<M> =
  M extends TransactionModel<infer P>
    ? P
    : M extends SpendModel<infer P>
      ? P
      : M extends RetentionModel<infer P>
        ? P
        : never;
