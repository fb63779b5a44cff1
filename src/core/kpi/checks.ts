import { numError } from "../errors";

/**
 * Domain checks shared by the KPI formulas. The adapters have already turned cells into numbers; these guard the
 * engine's own callers too, so a non-finite or out-of-range input can never turn into a NaN result. The messages
 * are built in separate functions: the checks stay tiny, so V8 inlines them into formulas called a million times.
 */
export function nonNegative(value: number, what: string): number {
  if (value >= 0 && value < Infinity) return value;
  throw outOfRange(value, what, "must not be negative");
}

/** A share between 0 and 1 (40 % is 0.4): a value like 40 is refused rather than read as 4000 %. */
export function fraction(value: number, what: string): number {
  if (value >= 0 && value <= 1) return value;
  throw outOfRange(value, what, "must lie between 0 and 1 (e.g. 0.4 for 40 %)");
}

export function finite(value: number, what: string): number {
  if (value > -Infinity && value < Infinity) return value;
  throw outOfRange(value, what, "must be a finite number");
}

function outOfRange(value: number, what: string, rule: string) {
  return numError(
    Number.isFinite(value)
      ? `${what} ${rule}, got ${value}.`
      : `${what} must be a finite number, got ${value}.`
  );
}
