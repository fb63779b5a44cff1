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
 * taken by log1p, 1 − v^n = −expm1(−nλ): the annuity never rounds 1 + d, so it keeps full precision for any rate,
 * down to d = 1e-16 where it is n to 15 digits (=CVA.CLV(50, 4, 10, 0, 1, 1e-16) is 2000). With d = 0 this is the
 * textbook (AOV × frequency) × lifespan − CAC.
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
  if (!inputsValid)
    explainInvalid(
      avgOrderValue,
      purchasesPerPeriod,
      lifespanPeriods,
      acquisitionCost,
      grossMargin,
      discountRatePerPeriod
    );
  const periods =
    discountRatePerPeriod === 0
      ? lifespanPeriods
      : discountedPeriods(lifespanPeriods, discountRatePerPeriod);
  return avgOrderValue * purchasesPerPeriod * grossMargin * periods - acquisitionCost;
}

/**
 * The lifespan's periods discounted at rate d, the partial last one as a whole period:
 * Σ_{t=1..n} v^t + (L − n)·v^(n+1) = (1 − v^n)/d + (L − n)·v^n/(1 + d), with n = ⌊L⌋ and 1 − v^n = −expm1(−n·log1p(d)).
 * @example discountedPeriods(3, 0.1) // 1/1.1 + 1/1.21 + 1/1.331 = 2.4868…
 */
function discountedPeriods(lifespan: number, d: number): number {
  const whole = Math.floor(lifespan);
  const partial = lifespan - whole;
  const lost = Math.expm1(whole * -Math.log1p(d)); // v^n − 1
  return lost / -d + (partial * (1 + lost)) / (1 + d);
}

/** Throws the error for the first invalid argument of clv (kept apart so that clv stays small enough to inline). */
function explainInvalid(
  avgOrderValue: number,
  purchasesPerPeriod: number,
  lifespanPeriods: number,
  acquisitionCost: number,
  grossMargin: number,
  discountRatePerPeriod: number
): void {
  nonNegative(avgOrderValue, AVG_ORDER_VALUE);
  nonNegative(purchasesPerPeriod, PURCHASES_PER_PERIOD);
  nonNegative(lifespanPeriods, LIFESPAN);
  nonNegative(acquisitionCost, ACQUISITION_COST);
  fraction(grossMargin, GROSS_MARGIN);
  rate(discountRatePerPeriod, DISCOUNT_RATE);
}
