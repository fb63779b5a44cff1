/**
 * Segmentation end to end through the in-memory workbook, the path a click on Segment takes: read the selection
 * in blocks, detect the columns, segment, plan the output, check the target cells are ours or empty, and apply
 * the write plan (values, legend, one colour rule per tier, owned-range setting). A full sheet of 1,048,576 rows.
 * Every timed run after the first is a re-run that replaces the previous output, as in the pane.
 * Target from the task-pane issue: ≤ 2 s.
 */
import {
  cellsToCheck,
  OWNED_RANGES_SETTING,
  parseOwnedRanges,
  replacePreviousOutput,
} from "../src/core/segmentation/ownership";
import { segmentCustomers, SegmentationMethod } from "../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../src/core/segmentation/writePlan";
import { detectColumns, ColumnMapping } from "../src/core/table/detectColumns";
import type { SheetRange } from "../src/excel/workbookPort";
import { MemoryWorkbook } from "../src/workbench/memoryWorkbook";
import { measureAsync, report } from "./harness";
import { EXCEL_ROWS, syntheticCustomers } from "./syntheticCustomers";

async function segmentSelection(
  workbook: MemoryWorkbook,
  method: (mapping: ColumnMapping) => SegmentationMethod
): Promise<void> {
  const selection = await workbook.getSelection();
  const rows = await workbook.readValues(selection);
  const detected = detectColumns(rows);
  const result = segmentCustomers(
    { rows, hasHeader: detected.hasHeader, customer: detected.mapping.customer },
    method(detected.mapping)
  );
  const plan = planSegmentationOutput(selection, detected.hasHeader, result);
  const previous = parseOwnedRanges(await workbook.readSetting(OWNED_RANGES_SETTING));
  for (const range of cellsToCheck(previous, plan))
    if (await workbook.findValues(range))
      throw new Error("target not empty: the pane would ask first");
  await workbook.applyWritePlan(replacePreviousOutput(previous, plan));
}

async function benchMethod(
  name: string,
  method: (m: ColumnMapping) => SegmentationMethod
): Promise<void> {
  const workbook = new MemoryWorkbook({ Customers: syntheticCustomers(EXCEL_ROWS - 1) });
  const selection: SheetRange = {
    sheet: "Customers",
    row: 0,
    column: 0,
    rowCount: EXCEL_ROWS,
    columnCount: 4,
  };
  workbook.select(selection);
  const syncsBefore = workbook.syncCount;
  await measureAsync(name, 2000, () => segmentSelection(workbook, method));
  report(`  ${name}: syncs per run`, String(Math.round((workbook.syncCount - syncsBefore) / 6)));
}

export async function run(): Promise<void> {
  await benchMethod("Segment 1,048,576 rows via the workbook port, RFM", (m) => ({
    method: "rfm",
    recency: m.recency as number,
    frequency: m.frequency as number,
    monetary: m.monetary as number,
  }));
  await benchMethod("Segment 1,048,576 rows via the workbook port, value tiers", (m) => ({
    method: "tiers",
    column: m.monetary as number,
  }));
}
