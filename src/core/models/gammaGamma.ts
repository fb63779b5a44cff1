import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { CvaError, cvaError } from "../errors";
import { type Message, phrase } from "../messages/catalogue";
import { groupRows, inRow, invalidCount, MAX_LEVEL, tooManyPurchases } from "./groupedSample";
import { explained, maximizeLikelihood, runTogether, shown } from "./maximumLikelihood";
import type { FitOptions, ModelFit, ModelParamsOf, SpendModel } from "./model";

/**
 * Gamma-Gamma spend model: Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (note 025), after
 * Colombo & Jiang (1999). Each transaction's value is Gamma(p, ν), the customer's scale ν is Gamma(q, v) across
 * customers, and spend is independent of the purchase process. A customer's x repeat transactions averaging m̄ have
 *
 *   ℓ(p, q, v | x, m̄) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(v + x m̄)
 *
 * (note 025 eq. 4, the density of m̄; the same terms lifetimes sums). Only customers with x > 0 carry information.
 * We sum it as … − ln m̄ − px·ln(1 + v/(x m̄)) − q ln(v + x m̄): the same value without the large cancelling
 * px·ln terms, which would otherwise put rounding noise into ℓ above the optimizer's resolution.
 */
export type GammaGammaParams = ModelParamsOf<"GG", "p" | "q" | "v">;

/**
 * Fits p, q, v on the customers with frequency > 0 (the others are skipped: their monetary is 0 by definition).
 * Throws a CvaError naming the row for a negative frequency or a repeat customer whose monetary is not > 0, and
 * #VALUE! when fewer than two repeat customers remain or the fit does not converge.
 */
export function fitGammaGamma(
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: FitOptions = {}
): ModelFit<GammaGammaParams> {
  const { count } = options;
  if (monetary.length !== frequency.length || (count && count.length !== frequency.length)) {
    throw cvaError("model.rowCounts", {
      names: count ? "frequency, monetary and count" : "frequency and monetary",
      counts: [frequency.length, monetary.length, ...(count ? [count.length] : [])].join(", "),
    });
  }
  const repeat: number[] = [];
  let customers = 0;
  for (let i = 0; i < frequency.length; i++) {
    const error = spendRowError(frequency[i], monetary[i]);
    if (error) throw inRow(i + 1, error);
    const weight = count ? count[i] : 1;
    if (!(weight >= 0 && weight < Infinity)) throw inRow(i + 1, invalidCount(weight));
    if (frequency[i] > 0 && weight > 0) {
      repeat.push(i);
      customers += weight;
    }
  }
  if (customers < 2) throw cvaError("model.tooFewRepeatCustomers", { count: customers });
  const sample = groupRows([frequency, monetary], repeat, count);
  const [x, m] = sample.columns;
  const lnM = m.map(Math.log);
  const { weight, levelStart } = sample;
  const logLikelihood = (params: Float64Array, gradient: Float64Array): number => {
    const p = params[0];
    const q = params[1];
    const v = params[2];
    const lnV = Math.log(v);
    const levelConstantQ = -gammaln(q) + q * lnV;
    const psiQ = digamma(q);
    let ll = 0;
    let gP = 0;
    let gQ = 0;
    let gV = 0;
    for (let level = 0; level + 1 < levelStart.length; level++) {
      const xi = x[levelStart[level]];
      const px = p * xi;
      const psiPxQ = digamma(px + q);
      let levelWeight = 0;
      for (let i = levelStart[level]; i < levelStart[level + 1]; i++) {
        const w = weight[i];
        const lnTotal = Math.log(v + xi * m[i]);
        const lnOwnShare = -Math.log1p(v / (xi * m[i])); // ln(x m̄ / (v + x m̄))
        levelWeight += w;
        ll += w * (px * lnOwnShare - lnM[i] - q * lnTotal);
        gP += w * xi * lnOwnShare;
        gQ -= w * lnTotal;
        gV -= (w * (px + q)) / (v + xi * m[i]);
      }
      ll += levelWeight * (gammaln(px + q) - gammaln(px) + levelConstantQ);
      gP += levelWeight * xi * (psiPxQ - digamma(px));
      gQ += levelWeight * (psiPxQ - psiQ + lnV);
      gV += (levelWeight * q) / v;
    }
    gradient[0] = gP;
    gradient[1] = gQ;
    gradient[2] = gV;
    return ll;
  };
  // Start at a method-of-moments-like point: p = q = 2 and v matching the mean spend, p·v/(q−1) ≈ mean(m̄).
  let spend = 0;
  for (let i = 0; i < sample.size; i++) spend += weight[i] * m[i];
  const fit = maximizeLikelihood(
    gammaGamma,
    logLikelihood,
    [2, 2, spend / customers / 2],
    customers,
    sample.size,
    options.details
  );
  const [p, q, v] = fit.params;
  return { ...fit, params: { model: "GG", p, q, v } };
}

/**
 * E[M | x, m̄] = p(v + x m̄) / (px + q − 1): a weighted mean of the population mean pv/(q−1) and the customer's own
 * m̄, with weight px/(px+q−1) on the latter (note 025 eq. 5). Customers without repeat purchases (x = 0) get the
 * population mean. Needs q > 1, else the population mean spend is infinite.
 * @example conditionalExpectedAverageSpend({ model: "GG", p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35) // ≈ 24.65
 */
export function conditionalExpectedAverageSpend(
  params: GammaGammaParams,
  frequency: number,
  monetary: number
): number {
  const error = spendRowError(frequency, monetary);
  if (error) throw error;
  const { p, q, v } = params;
  if (!(q > 1)) throw cvaError("model.infiniteMeanSpend", { q });
  return frequency > 0
    ? (p * (v + frequency * monetary)) / (p * frequency + q - 1)
    : (p * v) / (q - 1);
}

/** What is wrong with one (frequency, monetary) row, or null. Monetary is ignored when frequency is 0. */
export function spendRowError(frequency: number, monetary: number): CvaError | null {
  if (!Number.isFinite(frequency))
    return cvaError("model.notNumber", { name: "frequency", value: String(frequency) });
  if (frequency < 0 || !Number.isInteger(frequency))
    return cvaError("model.frequencyWhole", { value: frequency });
  if (frequency >= MAX_LEVEL) return tooManyPurchases(frequency);
  if (frequency === 0) return null;
  if (!Number.isFinite(monetary))
    return cvaError("model.notNumber", { name: "monetary", value: String(monetary) });
  if (!(monetary > 0)) return cvaError("model.monetaryPositive", { value: monetary });
  return null;
}

export const gammaGamma: SpendModel<GammaGammaParams> = {
  kind: "spend",
  id: "GG",
  displayName: "Gamma-Gamma",
  aliases: ["GAMMA-GAMMA"],
  parameterNames: ["p", "q", "v"],
  parameterUnits: [null, null, "money"],
  explainRunaway(runaway, [p, q, v]) {
    const meanings: Message[] = [];
    if (runaway.get("p") === "infinity") meanings.push(phrase("model.sameValuePerPurchase"));
    if (runTogether(runaway, "q", "v"))
      meanings.push(phrase("model.sameMeanSpend", { spend: shown((p * v) / q) }));
    return explained(meanings, phrase("model.spendOnlyInTheLimit"));
  },
  fit: fitGammaGamma,
  conditionalExpectedAverageSpend,
};
