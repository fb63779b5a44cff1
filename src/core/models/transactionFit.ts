import { rfmSample } from "./groupedSample";
import { maximizeLikelihood } from "./maximumLikelihood";
import { type FitOptions, type ModelFit, namedParameters, type TransactionModel } from "./model";

/**
 * Maximum-likelihood fit of a transaction model on (frequency, recency, T) columns. Starts from 1 for the unitless
 * parameters and from the sample's time per repeat purchase for those in time units, so that the start carries the
 * data's scale whatever the unit (days, weeks…). `logLikelihood` is the model's unless it fits on a cheaper one.
 */
export function fitTransactionModelOn<P extends { model: string }>(
  model: TransactionModel<P>,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  options: FitOptions = {},
  logLikelihood: TransactionModel<P>["logLikelihood"] = model.logLikelihood
): ModelFit<P> {
  const sample = rfmSample(frequency, recency, T, options.count);
  const start = model.parameterUnits.map((unit) => (unit === "time" ? sample.timePerPurchase : 1));
  const fit = maximizeLikelihood(
    model,
    logLikelihood(sample),
    start,
    sample.customers,
    sample.size,
    options.details
  );
  return { ...fit, params: namedParameters(model, fit.params) };
}
