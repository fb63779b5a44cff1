/**
 * A whole RFM segmentation of a full sheet through the Office.js layer, with the engine's real plan (11 segments,
 * legend, owned-range setting): reading the selection and writing the output each stay within ⌈payload / 4 MB⌉ + 3
 * syncs, no sync carries more than 4 MB, and formatting costs one call per segment plus two.
 */
import { MAX_SYNC_BYTES } from "../../src/excel/blocks";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { replacePreviousOutput } from "../../src/core/segmentation/ownership";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../src/core/segmentation/writePlan";
import type { SheetRange } from "../../src/core/workbook/workbookPort";
import { customerCell, EXCEL_ROWS, installExcelGlobals } from "./customerSheet";
import { FakeExcel } from "./fakeExcel";

const selection: SheetRange = {
  sheet: "Customers",
  row: 0,
  column: 0,
  rowCount: EXCEL_ROWS,
  columnCount: 4,
};

function syncBudget(bytesPerSync: readonly number[]): number {
  const payload = bytesPerSync.reduce((sum, bytes) => sum + bytes, 0);
  return Math.ceil(payload / MAX_SYNC_BYTES) + 3;
}

describe("an RFM segmentation of 1,048,576 rows on the Office.js layer", () => {
  beforeAll(installExcelGlobals);

  it("reads and writes in ⌈payload / 4 MB⌉ + 3 syncs each, formatting with segments + 2 calls", async () => {
    const fake = new FakeExcel("Customers", customerCell);
    const workbook = new OfficeWorkbook(fake.run);

    const rows = await workbook.readValues(selection);
    expect(fake.syncs).toBeLessThanOrEqual(syncBudget(fake.bytesPerSync));
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);

    const result = segmentCustomers(
      { rows, hasHeader: true, customer: 0 },
      { method: "rfm", recency: 1, frequency: 2, monetary: 3 }
    );
    const plan = planSegmentationOutput(selection, true, result);
    const segments = plan.fills.rules.length;
    expect(segments).toBe(result.tiers.length);

    fake.syncs = 0;
    fake.bytesPerSync = [];
    fake.formattingCalls = 0;
    await workbook.applyWritePlan(replacePreviousOutput([], plan));
    expect(fake.syncs).toBeLessThanOrEqual(syncBudget(fake.bytesPerSync));
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    expect(fake.formattingCalls).toBeLessThanOrEqual(segments + 2);

    // The last customer's segment landed on its own row, in the Segment column right of the data.
    const segment = (plan.header ?? []).indexOf("Segment");
    expect(fake.written.get(`${EXCEL_ROWS - 1},${plan.target.column + segment}`)).toBe(
      plan.columns[segment][EXCEL_ROWS - 2]
    );
  });
});
