import { phrase } from "../messages/catalogue";
import { fraction, nonNegative, rate } from "./checks";

const AVG_ORDER_VALUE = phrase("term.avgOrderValue");
const PURCHASES_PER_PERIOD = phrase("term.purchasesPerPeriod");
const LIFESPAN = phrase("term.lifespan");
const ACQUISITION_COST = phrase("term.acquisitionCost");
const GROSS_MARGIN = phrase("term.grossMargin");
const DISCOUNT_RATE = phrase("term.discountRate");

/**
 * Customer lifetime value from order value, purchase frequency and lifespan, optionally net of margin, discounted
 * per period and less the acquisition cost.
 *
 * With cash per period c = avgOrderValue · purchasesPerPeriod · grossMargin, L = lifespanPeriods, n = ⌊L⌋ and
 * v = 1/(1 + d):
 *
 *   CLV = Σ_{t=1..n} c·v^t + (L − n)·c·v^(n+1) − acquisitionCost
 *
 * The partial last period is discounted as a whole period. Σ_{t=1..n} v^t = (1 − v^n)/d, and with λ = ln(1 + d)
 * taken by log1p, 1 − v^n = −expm1(−nλ): no 1 + d is ever formed, so the annuity keeps full precision for any rate,
 * down to d = 1e-16 where it is n to 15 digits. With d = 0 this is the textbook (AOV × frequency) × lifespan − CAC.
 * The margin is a share (0.4 for 40 %) and the rate one below 1 (0.12 for 12 %), as PREDICTEDCLV's.
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
  discountRatePerPeriod = 0
): number {
  // CLV is the formula filled down a million rows: its inputs pass one comparison chain (NaN fails every
  // comparison, an infinity fails the sum), and the named checks only run to explain a failure.
  const inputsValid =
    avgOrderValue >= 0 &&
    purchasesPerPeriod >= 0 &&
    lifespanPeriods >= 0 &&
    acquisitionCost >= 0 &&
    discountRatePerPeriod >= 0 &&
    discountRatePerPeriod < 1 &&
    grossMargin >= 0 &&
    grossMargin <= 1 &&
    avgOrderValue + purchasesPerPeriod + lifespanPeriods + acquisitionCost < Infinity;
  if (!inputsValid) {
    nonNegative(avgOrderValue, AVG_ORDER_VALUE);
    nonNegative(purchasesPerPeriod, PURCHASES_PER_PERIOD);
    nonNegative(lifespanPeriods, LIFESPAN);
    nonNegative(acquisitionCost, ACQUISITION_COST);
    fraction(grossMargin, GROSS_MARGIN);
    rate(discountRatePerPeriod, DISCOUNT_RATE);
  }
  const cash = avgOrderValue * purchasesPerPeriod * grossMargin;
  const d = discountRatePerPeriod;
  const whole = Math.floor(lifespanPeriods);
  const partial = lifespanPeriods - whole;
  if (d === 0) return cash * lifespanPeriods - acquisitionCost;
  const lambda = Math.log1p(d);
  const annuity = -Math.expm1(-whole * lambda) / d;
  const last = partial === 0 ? 0 : partial * Math.exp(-(whole + 1) * lambda);
  return cash * (annuity + last) - acquisitionCost;
}
