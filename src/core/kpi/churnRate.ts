import { retainedCustomers } from "./retainedCustomers";

/**
 * Customer churn rate over a period: the share of the starting customers lost by its end.
 *
 *   churn = (startCustomers − endCustomers + newCustomers) / startCustomers = 1 − retention
 *
 * Computed from the lost count directly rather than as 1 − retention, so that e.g. 1 lost of 3 is exactly 1/3.
 *
 * Reference: Farris et al. (2010), "Marketing Metrics", 2nd ed., ch. 5 (churn).
 * @example churnRate(200, 180, 30) // 0.25
 */
export function churnRate(
  startCustomers: number,
  endCustomers: number,
  newCustomers: number
): number {
  return (
    (startCustomers - retainedCustomers(startCustomers, endCustomers, newCustomers)) /
    startCustomers
  );
}
