import { divZeroError, numError } from "../errors";
import { nonNegative } from "./checks";

/**
 * Customers of the start of a period still there at its end: end − new. Shared by retention and churn so both
 * refuse the same impossible counts (more new customers than customers at the end, or more retained than there
 * were at the start) instead of reporting a rate outside 0..1.
 * @example retainedCustomers(200, 180, 30) // 150
 */
export function retainedCustomers(
  startCustomers: number,
  endCustomers: number,
  newCustomers: number
): number {
  const start = nonNegative(startCustomers, "Customers at the start");
  const end = nonNegative(endCustomers, "Customers at the end");
  const added = nonNegative(newCustomers, "New customers");
  if (start === 0)
    throw divZeroError("No customers at the start of the period: the rate is undefined.");
  const retained = end - added;
  if (retained < 0)
    throw numError(`New customers (${added}) exceed the customers at the end (${end}).`);
  if (retained > start)
    throw numError(
      `End minus new customers (${retained}) exceeds the customers at the start (${start}).`
    );
  return retained;
}
