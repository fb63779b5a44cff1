import { divZeroError } from "../errors";
import { nonNegative } from "./checks";

/**
 * Customer acquisition cost: what it took, on average, to win one new customer.
 *
 *   CAC = (marketingSpend + salesSpend) / newCustomers
 *
 * Reference: Farris et al. (2010), "Marketing Metrics", 2nd ed., ch. 5 (average acquisition cost).
 * @example cac(6000, 4000, 50) // 200
 */
export function cac(marketingSpend: number, salesSpend: number, newCustomers: number): number {
  const spend =
    nonNegative(marketingSpend, "Marketing spend") + nonNegative(salesSpend, "Sales spend");
  if (nonNegative(newCustomers, "New customers") === 0)
    throw divZeroError("No new customers: acquisition cost per customer is undefined.");
  return spend / newCustomers;
}
