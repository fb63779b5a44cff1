/** The CDNOW reference data tracked in data/ (provenance in data/README.md), read as numeric columns. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const REFERENCE_DATA = resolve(__dirname, "../../../data");

function columns(file: string): number[][] {
  const rows = readFileSync(resolve(REFERENCE_DATA, file), "utf8").trim().split(/\r?\n/).slice(1);
  const cells = rows.map((row) => row.split(",").map(Number));
  return cells[0].map((_, c) => cells.map((row) => row[c]));
}

/** The 2,357-customer calibration sample, in weeks: frequency, recency, T. */
export function cdnowSummary(): { frequency: number[]; recency: number[]; T: number[] } {
  const [, frequency, recency, T] = columns("cdnow_customers_summary.csv");
  return { frequency, recency, T };
}

/** The same customers with their mean repeat-purchase value zbar. */
export function cdnowSummaryWithSpend(): {
  frequency: number[];
  recency: number[];
  T: number[];
  monetary: number[];
} {
  const [, frequency, recency, T, monetary] = columns(
    "cdnow_customers_summary_with_transactions.csv"
  );
  return { frequency, recency, T, monetary };
}

/** Central-difference gradient of f at x, relative step h. */
export function numericGradient(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h = 1e-6
): number[] {
  return Array.from(x, (xi, i) => {
    const step = h * Math.max(1, Math.abs(xi));
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[i] += step;
    down[i] -= step;
    return (f(up) - f(down)) / (2 * step);
  });
}

/** |actual − expected| ≤ tolerance · |expected|, with a readable failure. */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  if (!(error <= tolerance))
    throw new Error(
      `expected ${actual} within ${tolerance} relative of ${expected} (off by ${error.toExponential(2)})`
    );
}
