import { betaGeoModel } from "./betaGeoFamily";
import type { ParamsOf } from "./model";

/**
 * MBG/NBD, the modified BG/NBD of Batislam, Denizel & Filiztekin (2007, "Empirical validation and comparison of
 * models for customer base analysis", IJRM 24(3)). As BG/NBD, but a customer may also drop out right after the first
 * purchase, so one-time buyers are not all presumed alive (BG/NBD's P(alive) = 1 at x = 0 is its known blind spot).
 * Formulas in betaGeoFamily.ts (shift 1).
 */
export const mbgNbd = betaGeoModel({
  id: "MBG/NBD",
  displayName: "MBG/NBD",
  aliases: ["MBGNBD"],
  shift: 1,
});

export type MbgNbdParams = ParamsOf<typeof mbgNbd>;
