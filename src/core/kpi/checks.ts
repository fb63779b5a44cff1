import { numError } from "../errors";

/**
 * Domain checks shared by the KPI formulas. The adapters have already turned cells into numbers; these guard the
 * engine's own callers too, so a non-finite or out-of-range input can never turn into a NaN result.
 */
export function nonNegative(value: number, what: string): number {
  if (!Number.isFinite(value)) throw numError(`${what} must be a finite number, got ${value}.`);
  if (value < 0) throw numError(`${what} must not be negative, got ${value}.`);
  return value;
}

/** A share between 0 and 1 (40 % is 0.4): a value like 40 is refused rather than read as 4000 %. */
export function fraction(value: number, what: string): number {
  nonNegative(value, what);
  if (value > 1) throw numError(`${what} must lie between 0 and 1 (e.g. 0.4 for 40 %), got ${value}.`);
  return value;
}

export function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw numError(`${what} must be a finite number, got ${value}.`);
  return value;
}
