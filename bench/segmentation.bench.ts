/**
 * The task pane's pure pipeline at Excel's scale: detect the columns, prepare and segment a full sheet (1,048,576
 * rows: a header and 1,048,575 customers), and plan the output (result values, one colour rule per tier, legend),
 * for RFM segments and for value tiers. The rows are built once as Excel hands them over (id, recency, frequency,
 * monetary); reading and writing the sheet is the Excel layer's cost, not measured here. Target from the
 * segmentation issue: well under 1 s.
 */
import { detectColumns } from "../src/core/table/detectColumns";
import { segmentCustomers, SegmentationMethod } from "../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../src/core/segmentation/writePlan";
import type { CellScalar } from "../src/excel/workbookPort";
import { measure } from "./harness";

const EXCEL_ROWS = 1_048_576;
const CUSTOMERS = EXCEL_ROWS - 1;

/** A deterministic generator so every run measures the same data (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A customer sheet with a header: whole days since the last purchase, small skewed counts, skewed spend. */
function syntheticCustomers(count: number, seed = 20260101): CellScalar[][] {
  const u = random(seed);
  const rows: CellScalar[][] = [["Customer ID", "Recency (days)", "Frequency", "Monetary"]];
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

/** detect → prepare + segment → plan, as the pane runs it on a selection starting at A1. */
function segmentSheet(
  rows: CellScalar[][],
  method: (mapping: ReturnType<typeof detectColumns>["mapping"]) => SegmentationMethod
) {
  const detected = detectColumns(rows);
  const result = segmentCustomers(
    { rows, hasHeader: detected.hasHeader, customer: detected.mapping.customer },
    method(detected.mapping)
  );
  const selection = {
    sheet: "Customers",
    row: 0,
    column: 0,
    rowCount: rows.length,
    columnCount: rows[0].length,
  };
  return planSegmentationOutput(selection, detected.hasHeader, result);
}

export function run(): void {
  const rows = syntheticCustomers(CUSTOMERS);
  measure("Segment a full sheet of customers, RFM (detect → plan)", 1000, () =>
    segmentSheet(rows, (m) => ({
      method: "rfm",
      recency: m.recency as number,
      frequency: m.frequency as number,
      monetary: m.monetary as number,
    }))
  );
  measure("Segment a full sheet of customers, value tiers (detect → plan)", 1000, () =>
    segmentSheet(rows, (m) => ({ method: "tiers", column: m.monetary as number }))
  );
}
