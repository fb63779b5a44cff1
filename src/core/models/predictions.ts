import { checkedRow, checkedTime } from "./groupedSample";
import { transactionModel, type TransactionModelParams } from "./registry";

/**
 * P(no purchase in (T, T + t] | frequency, recency, T): the churn-like figure marketers ask for. Watching the
 * customer t longer without a purchase multiplies their likelihood by exactly this probability, so it is the ratio
 * of the likelihoods at T + t and at T, for every model (for BG/NBD it is 1 − PA + PA·((α+T)/(α+T+t))^(r+x)).
 */
export function probabilityNoPurchase(
  params: TransactionModelParams,
  t: number,
  frequency: number,
  recency: number,
  T: number
): number {
  checkedTime(t);
  checkedRow(frequency, recency, T);
  const model = transactionModel(params);
  return Math.exp(
    model.rowLogLikelihood(params, frequency, recency, T + t) -
      model.rowLogLikelihood(params, frequency, recency, T)
  );
}
