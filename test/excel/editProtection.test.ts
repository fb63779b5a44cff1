/**
 * Edits protected on the Office.js layer (issue 11, finding 2): after RFM on the Customers sheet through
 * OfficeWorkbook and the Office.js fakes, the user types into an output cell; the next Segment lists that cell for
 * consent and writes nothing until the user agrees.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { addresses } from "../../src/taskpane/flow/writeOutput";
import { createSampleWorkbook } from "../../src/workbench/sampleWorkbook";
import { CUSTOMERS, click, keepingOf, prepareClick } from "../taskpane/sample";
import { FakeExcel } from "./fakeExcel";

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SpecialCellType: { visible: "Visible" },
  };
});

it("never writes over an owned cell the user changed without asking", async () => {
  const sample = createSampleWorkbook();
  const box = { row: 0, column: 0, rowCount: CUSTOMERS.rowCount, columnCount: 6 };
  const fake = new FakeExcel(
    "Customers",
    (r, c) => sample.cell("Customers", r, c),
    new Map(),
    box,
    box
  );
  const workbook = new OfficeWorkbook(fake.run);
  const keeping = await keepingOf(workbook);
  await click(workbook, keeping, "rfm");
  const segment = fake.written.get("4,10");
  expect(typeof segment).toBe("string");

  // The user overwrites the customer's segment (K5) with a note.
  fake.written.set("4,10", "call back in May");
  const sent = new Map(fake.typed);
  const { prepared } = await prepareClick(workbook, keeping, "rfm");
  expect(addresses(prepared.pending.conflicts)).toBe("Customers!K5");
  // Checking wrote nothing.
  expect(fake.written.get("4,10")).toBe("call back in May");
  expect(new Map(fake.typed)).toEqual(sent);

  // Keep my data: the pane stops there (useSegmentWriter commits only on consent). After Overwrite, it is the
  // segment again, and the next run has nothing to ask.
  await click(workbook, keeping, "rfm");
  expect(fake.written.get("4,10")).toBe(segment);
  const { prepared: after } = await prepareClick(workbook, keeping, "rfm");
  expect(after.pending.conflicts).toEqual([]);
});
