import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import { finite, fraction, nonNegative, rate } from "./checks";

const MARGIN = phrase("term.marginPerPeriod");
const RETENTION = phrase("term.retentionRate");
const DISCOUNT_RATE = phrase("term.discountRate");
const ACQUISITION_COST = phrase("term.acquisitionCost");
const PERIODS = phrase("term.periods");

/**
 * Customer lifetime value from a constant margin per period and a constant retention rate, discounted.
 *
 * With q = r/(1 + d):
 *   finite horizon N:  CLV = Σ_{t=1..N} m·q^t − AC = m·q·(1 − q^N)/(1 − q) − AC   (m·N − AC when q = 1)
 *   infinite horizon (periods = Infinity, the default):  CLV = m·r/(1 + d − r) − AC
 *
 * The first margin is earned at the end of period 1 by the customers still retained, as in the reference.
 * Since q/(1 − q) = r/(1 − r + d), the finite sum is m·r·(1 − q^N)/(1 − r + d) − AC, with 1 − q^N = −expm1(N·ln q) and
 * ln q = log1p(r − 1) − log1p(d): no 1 + d is formed, so precision holds when q is close to 1 or d is tiny.
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
  const m = finite(marginPerPeriod, MARGIN);
  const r = fraction(retentionRate, RETENTION);
  const d = rate(discountRatePerPeriod, DISCOUNT_RATE);
  const cac = nonNegative(acquisitionCost, ACQUISITION_COST);
  if (periods === Infinity) {
    if (d === 0 && r === 1) throw cvaError("kpi.unbounded");
    return (m * r) / (1 - r + d) - cac;
  }
  const n = nonNegative(periods, PERIODS);
  if (!Number.isInteger(n)) throw cvaError("kpi.periodsWhole", { value: n });
  if (d === 0 && r === 1) return m * n - cac;
  const logQ = Math.log1p(r - 1) - Math.log1p(d);
  const growth = n === 0 ? 0 : -Math.expm1(n * logQ);
  return (m * r * growth) / (1 - r + d) - cac;
}
