import { retainedCustomers } from "./retainedCustomers";

/**
 * Customer retention rate over a period: the share of the starting customers still customers at its end.
 *
 *   retention = (endCustomers − newCustomers) / startCustomers
 *
 * Reference: Farris et al. (2010), "Marketing Metrics", 2nd ed., ch. 5 (retention rate).
 * @example retentionRate(200, 180, 30) // 0.75
 */
export function retentionRate(
  startCustomers: number,
  endCustomers: number,
  newCustomers: number
): number {
  return retainedCustomers(startCustomers, endCustomers, newCustomers) / startCustomers;
}
