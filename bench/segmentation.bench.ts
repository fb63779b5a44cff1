/**
 * The task pane's pure pipeline at Excel's scale: detect the columns, prepare and segment a full sheet (1,048,576
 * rows: a header and 1,048,575 customers), and plan the output (result values, one colour rule per tier, legend),
 * for RFM segments and for value tiers. The rows are built once as Excel hands them over (id, recency, frequency,
 * monetary); reading and writing the sheet is the Excel layer's cost, not measured here. Target from the
 * segmentation issue: well under 1 s.
 */
import type { CellValue } from "../src/core/cells";
import { detectColumns } from "../src/core/table/detectColumns";
import { segmentCustomers, SegmentationMethod } from "../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../src/core/segmentation/writePlan";
import { measure } from "./harness";
import { EXCEL_ROWS, syntheticCustomers } from "./syntheticCustomers";

const CUSTOMERS = EXCEL_ROWS - 1;

/** detect → prepare + segment → plan, as the pane runs it on a selection starting at A1. */
function segmentSheet(
  rows: CellValue[][],
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
