import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import { nonNegative } from "./checks";

const MARKETING_SPEND = phrase("term.marketingSpend");
const SALES_SPEND = phrase("term.salesSpend");
const NEW_CUSTOMERS = phrase("term.newCustomers");

/**
 * Customer acquisition cost: what it took, on average, to win one new customer.
 *
 *   CAC = (marketingSpend + salesSpend) / newCustomers
 *
 * Reference: Farris et al. (2010), "Marketing Metrics", 2nd ed., ch. 5 (average acquisition cost).
 * @example cac(6000, 4000, 50) // 200
 */
export function cac(marketingSpend: number, salesSpend: number, newCustomers: number): number {
  const spend = nonNegative(marketingSpend, MARKETING_SPEND) + nonNegative(salesSpend, SALES_SPEND);
  if (nonNegative(newCustomers, NEW_CUSTOMERS) === 0) throw cvaError("kpi.noNewCustomers");
  return spend / newCustomers;
}
