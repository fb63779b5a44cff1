import { divZeroError, numError } from "../errors";
import { finite, fraction, nonNegative } from "./checks";

/**
 * Customer lifetime value from a constant margin per period and a constant retention rate, discounted.
 *
 * With q = r/(1 + d):
 *   finite horizon N:  CLV = Σ_{t=1..N} m·q^t − AC = m·q·(1 − q^N)/(1 − q) − AC   (m·N − AC when q = 1)
 *   infinite horizon (periods = Infinity, the default):  CLV = m·r/(1 + d − r) − AC
 *
 * The first margin is earned at the end of period 1 by the customers still retained, as in the reference.
 * 1 − q^N is evaluated as −expm1(N·ln q) to keep precision when q is close to 1.
 *
 * Reference: Gupta & Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1), eq. for CLV = m·r/(1+i−r).
 * @example clvRetention(100, 0.8, 0.1) // 100·0.8/(1.1 − 0.8) = 266.67
 */
export function clvRetention(
  marginPerPeriod: number,
  retentionRate: number,
  discountRatePerPeriod: number,
  periods = Infinity,
  acquisitionCost = 0
): number {
  const m = finite(marginPerPeriod, "Margin per period");
  const r = fraction(retentionRate, "Retention rate");
  const d = nonNegative(discountRatePerPeriod, "Discount rate");
  const cac = nonNegative(acquisitionCost, "Acquisition cost");
  if (periods === Infinity) {
    if (1 + d - r === 0)
      throw divZeroError(
        "With full retention and no discounting the lifetime value is unbounded: give a number of periods."
      );
    return (m * r) / (1 + d - r) - cac;
  }
  const n = nonNegative(periods, "Periods");
  if (!Number.isInteger(n)) throw numError(`Periods must be a whole number, got ${n}.`);
  const q = r / (1 + d);
  if (q === 1) return m * n - cac;
  const growth = n === 0 ? 0 : -Math.expm1(n * Math.log(q));
  return (m * q * growth) / (1 - q) - cac;
}
