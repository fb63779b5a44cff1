import { fraction, nonNegative } from "./checks";

/**
 * Customer lifetime value from order value, purchase frequency and lifespan, optionally net of margin, discounted
 * per period and less the acquisition cost.
 *
 * With cash per period c = avgOrderValue · purchasesPerPeriod · grossMargin, L = lifespanPeriods, n = ⌊L⌋ and
 * v = 1/(1 + d):
 *
 *   CLV = Σ_{t=1..n} c·v^t + (L − n)·c·v^(n+1) − acquisitionCost
 *
 * The partial last period is discounted as a whole period. Σ_{t=1..n} v^t = (1 − v^n)/d, evaluated as
 * −expm1(−n·log1p(d))/d so that tiny rates keep full precision and a long lifespan costs no loop. With d = 0 this
 * is the textbook (AOV × frequency) × lifespan − CAC.
 *
 * Reference: Gupta & Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1) — margin × periods,
 * discounted; the undiscounted form is the common "average order value × purchase frequency × lifespan".
 * @example clv(50, 4, 3, 100) // 50·4·3 − 100 = 500
 */
export function clv(
  avgOrderValue: number,
  purchasesPerPeriod: number,
  lifespanPeriods: number,
  acquisitionCost = 0,
  grossMargin = 1,
  discountRatePerPeriod = 0,
): number {
  const cash =
    nonNegative(avgOrderValue, "Average order value") *
    nonNegative(purchasesPerPeriod, "Purchases per period") *
    fraction(grossMargin, "Gross margin");
  const lifespan = nonNegative(lifespanPeriods, "Lifespan");
  const cac = nonNegative(acquisitionCost, "Acquisition cost");
  const d = nonNegative(discountRatePerPeriod, "Discount rate");
  const whole = Math.floor(lifespan);
  const partial = lifespan - whole;
  if (d === 0) return cash * lifespan - cac;
  const annuity = -Math.expm1(-whole * Math.log1p(d)) / d;
  const lastPeriodFactor = Math.exp(-(whole + 1) * Math.log1p(d));
  return cash * annuity + partial * cash * lastPeriodFactor - cac;
}
