import { betaGeoModel } from "./betaGeoFamily";
import type { ParamsOf } from "./model";

/**
 * BG/NBD, the beta-geometric/negative-binomial model: "Counting Your Customers the Easy Way" (Fader, Hardie &
 * Lee 2005, Marketing Science 24(2)). While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each repeat purchase they drop out with probability p ~ Beta(a, b). Formulas in betaGeoFamily.ts (shift 0).
 *
 * @example bgNbd.fit(frequency, recency, T).params // { model: "BG/NBD", r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 } on CDNOW
 */
export const bgNbd = betaGeoModel({
  id: "BG/NBD",
  displayName: "BG/NBD",
  aliases: ["BGNBD"],
  shift: 0,
});

export type BgNbdParams = ParamsOf<typeof bgNbd>;
