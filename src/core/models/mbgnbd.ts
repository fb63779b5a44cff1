import {
  betaGeoExpectedPurchases,
  betaGeoExpectedPurchasesIfAlive,
  betaGeoPopulationPurchases,
  betaGeoProbabilityAlive,
  fitBetaGeo,
} from "./betaGeoFamily";
import type { MbgNbdParams } from "./modelParams";
import type { TransactionModel } from "./transactionModels";

/**
 * MBG/NBD, the modified BG/NBD of Batislam, Denizel & Filiztekin (2007, "Empirical validation and comparison of
 * models for customer base analysis", IJRM 24(3)). As BG/NBD, but a customer may also drop out right after the first
 * purchase, so one-time buyers are not all presumed alive (BG/NBD's P(alive) = 1 at x = 0 is its known blind spot).
 * Formulas in betaGeoFamily.ts (shift 1).
 */
export const mbgNbd: TransactionModel<MbgNbdParams> = {
  fit(frequency, recency, T) {
    const fit = fitBetaGeo("MBG/NBD", 1, frequency, recency, T);
    return { ...fit, params: { model: "MBG/NBD", ...fit.params } };
  },
  conditionalProbabilityAlive: (params, frequency, recency, T) =>
    betaGeoProbabilityAlive(1, params, frequency, recency, T),
  conditionalExpectedPurchases: (params, t, frequency, recency, T) =>
    betaGeoExpectedPurchases(1, params, t, frequency, recency, T),
  expectedPurchases: (params, t) => betaGeoPopulationPurchases(1, params, t),
  expectedPurchasesIfAlive: (params, t, frequency, T) =>
    betaGeoExpectedPurchasesIfAlive(1, params, t, frequency, T),
};
