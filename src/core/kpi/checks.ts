import { cvaError } from "../errors";
import type { Message } from "../messages/catalogue";

/**
 * Domain checks shared by the KPI formulas (and by any engine formula taking a share or a rate). The adapters have
 * already turned cells into numbers; these guard the engine's own callers too, so a non-finite or out-of-range
 * input can never turn into a NaN result. The errors are built in separate functions: the checks stay tiny, so V8
 * inlines them into formulas called a million times.
 */
export function nonNegative(value: number, what: Message): number {
  if (value >= 0 && value < Infinity) return value;
  throw Number.isFinite(value)
    ? cvaError("kpi.negative", { what, value })
    : cvaError("cell.notFinite", { what });
}

/** A share between 0 and 1 (40 % is 0.4): a value like 40 is refused, with 0.4 suggested, rather than read as 4000 %. */
export function fraction(value: number, what: Message): number {
  if (value >= 0 && value <= 1) return value;
  throw outOfRange(value, what, "kpi.fraction");
}

/**
 * A rate per period, from 0 to less than 1 (12 % is 0.12): a discount rate of 12 means 12 %, so it is refused with
 * 0.12 suggested rather than read as 1200 %.
 */
export function rate(value: number, what: Message): number {
  if (value >= 0 && value < 1) return value;
  throw outOfRange(value, what, "kpi.rate");
}

export function finite(value: number, what: Message): number {
  if (value > -Infinity && value < Infinity) return value;
  throw cvaError("cell.notFinite", { what });
}

function outOfRange(value: number, what: Message, rule: "kpi.fraction" | "kpi.rate") {
  if (!Number.isFinite(value)) return cvaError("cell.notFinite", { what });
  if (value >= 1 && value <= 100)
    return cvaError("kpi.percentAsWhole", { what, value, share: value / 100 });
  return cvaError(rule, { what, value });
}
