import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import { nonNegative } from "./checks";

const START = phrase("term.startCustomers");
const END = phrase("term.endCustomers");
const NEW = phrase("term.newCustomers");

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
  const start = nonNegative(startCustomers, START);
  const end = nonNegative(endCustomers, END);
  const added = nonNegative(newCustomers, NEW);
  if (start === 0) throw cvaError("kpi.noStartCustomers");
  const retained = end - added;
  if (retained < 0) throw cvaError("kpi.newExceedEnd", { added, end });
  if (retained > start) throw cvaError("kpi.retainedExceedStart", { retained, start });
  return retained;
}
