/** The synthetic customer sheet the segmentation benchmarks share: deterministic, so every run measures the same data. */
import type { CellValue } from "../src/core/cells";
import { random } from "./random";

/** Excel's row limit: a full sheet is a header and 1,048,575 customers. */
export const EXCEL_ROWS = 1_048_576;

/** A customer sheet with a header: whole days since the last purchase, small skewed counts, skewed spend. */
export function syntheticCustomers(count: number, seed = 20260101): CellValue[][] {
  const u = random(seed);
  const rows: CellValue[][] = [["Customer ID", "Recency (days)", "Frequency", "Monetary"]];
  for (let i = 0; i < count; i++) {
    rows.push([
      `C${String(i).padStart(7, "0")}`,
      Math.floor(u() * 545),
      1 + Math.floor(-Math.log(1 - u()) * 3),
      Math.round(Math.exp(3 + 3.6 * u()) * 100) / 100,
    ]);
  }
  return rows;
}
