import { CvaError, isCvaError } from "../errors";
import { transactionModel, type TransactionModelId, type TransactionModelParams } from "./registry";

/**
 * What to know before trusting a predictive run on these customers, each a known way the models mislead:
 * - Gamma-Gamma assumes spend per purchase is independent of how often a customer buys; lifetimes' documentation
 *   checks it with the correlation of frequency and mean spend among repeat customers. Above SPEND_CORRELATION_LIMIT
 *   (in size) the predicted spend leans towards the frequent buyers' and CLV should be read with care.
 * - Repeat customers whose mean spend is 0 or less have no Gamma-Gamma likelihood: the fit leaves them out and
 *   they get no predicted CLV.
 * - Under BG/NBD a customer can only drop out right after a repeat purchase, so every one-time buyer has
 *   P(alive) = 1 however long ago they bought (lifetimes #44, #165, #212); MBG/NBD lets them drop out at once.
 * - A fit that does not converge (no finite maximum, the parameters run away) gives no predictions at all.
 */
export const SPEND_CORRELATION_LIMIT = 0.3;

/** P(alive) this close to 1 for a one-time buyer means the model cannot tell them from an active customer. */
const ALWAYS_ALIVE = 1 - 1e-9;

export interface PurchaseHistories {
  /** Repeat purchases, recency and age (same unit), mean spend of the repeat purchases. */
  x: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
  m: ArrayLike<number>;
}

export type Guardrail =
  | { kind: "spendCorrelation"; correlation: number; customers: number }
  | { kind: "nonPositiveSpend"; customers: number }
  | { kind: "oneTimeAlive"; customers: number; share: number; model: TransactionModelId }
  | { kind: "fitFailed"; model: TransactionModelId; error: CvaError };

export interface GuardrailCheck {
  guardrails: Guardrail[];
  /** The fitted parameters, when the fit converged. */
  params?: TransactionModelParams;
}

/** Pearson's correlation of frequency and mean spend over the repeat customers with positive spend. */
export function spendCorrelation(
  x: ArrayLike<number>,
  m: ArrayLike<number>
): { correlation: number; customers: number } {
  let n = 0;
  let [sx, sm, sxx, smm, sxm] = [0, 0, 0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0 && m[i] > 0)) continue;
    n++;
    sx += x[i];
    sm += m[i];
    sxx += x[i] * x[i];
    smm += m[i] * m[i];
    sxm += x[i] * m[i];
  }
  const covariance = sxm - (sx * sm) / n;
  const spread = Math.sqrt((sxx - (sx * sx) / n) * (smm - (sm * sm) / n));
  return { correlation: n > 2 && spread > 0 ? covariance / spread : 0, customers: n };
}

/** The guardrails of a predictive run with `modelId` on these customers (fits the model once to check it). */
export function predictionGuardrails(
  histories: PurchaseHistories,
  modelId: TransactionModelId
): GuardrailCheck {
  const { x, recency, T, m } = histories;
  const guardrails: Guardrail[] = [];
  const spend = spendCorrelation(x, m);
  if (Math.abs(spend.correlation) > SPEND_CORRELATION_LIMIT)
    guardrails.push({ kind: "spendCorrelation", ...spend });
  let nonPositive = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && !(m[i] > 0)) nonPositive++;
  if (nonPositive > 0) guardrails.push({ kind: "nonPositiveSpend", customers: nonPositive });
  const model = transactionModel(modelId);
  let params: TransactionModelParams;
  try {
    params = model.fit(x, recency, T).params as TransactionModelParams;
  } catch (error) {
    if (!isCvaError(error)) throw error;
    guardrails.push({ kind: "fitFailed", model: modelId, error });
    return { guardrails };
  }
  let alwaysAlive = 0;
  for (let i = 0; i < x.length; i++)
    if (
      x[i] === 0 &&
      transactionModel(params).conditionalProbabilityAlive(params, 0, 0, T[i]) >= ALWAYS_ALIVE
    )
      alwaysAlive++;
  if (alwaysAlive > 0)
    guardrails.push({
      kind: "oneTimeAlive",
      customers: alwaysAlive,
      share: alwaysAlive / x.length,
      model: modelId,
    });
  return { guardrails, params };
}
