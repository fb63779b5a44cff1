import {
  betaGeoExpectedPurchases,
  betaGeoExpectedPurchasesIfAlive,
  betaGeoPopulationPurchases,
  betaGeoProbabilityAlive,
  fitBetaGeo,
} from "./betaGeoFamily";
import type { BgNbdParams } from "./modelParams";
import type { TransactionModel } from "./transactionModels";

/**
 * BG/NBD, the beta-geometric/negative-binomial model: "Counting Your Customers the Easy Way" (Fader, Hardie &
 * Lee 2005, Marketing Science 24(2)). While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each repeat purchase they drop out with probability p ~ Beta(a, b). Formulas in betaGeoFamily.ts (shift 0).
 *
 * @example bgNbd.fit(frequency, recency, T).params // { model: "BG/NBD", r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } on CDNOW
 */
export const bgNbd: TransactionModel<BgNbdParams> = {
  fit(frequency, recency, T) {
    const fit = fitBetaGeo("BG/NBD", 0, frequency, recency, T);
    return { ...fit, params: { model: "BG/NBD", ...fit.params } };
  },
  conditionalProbabilityAlive: (params, frequency, recency, T) =>
    betaGeoProbabilityAlive(0, params, frequency, recency, T),
  conditionalExpectedPurchases: (params, t, frequency, recency, T) =>
    betaGeoExpectedPurchases(0, params, t, frequency, recency, T),
  expectedPurchases: (params, t) => betaGeoPopulationPurchases(0, params, t),
  expectedPurchasesIfAlive: (params, t, frequency, T) =>
    betaGeoExpectedPurchasesIfAlive(0, params, t, frequency, T),
};
