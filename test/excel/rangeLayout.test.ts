import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { FakeExcel } from "./fakeExcel";

const RANGE = { sheet: "Customers", row: 0, column: 0, rowCount: 1_048_576, columnCount: 6 };

function installExcelGlobals(): void {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom" },
    SpecialCellType: { visible: "Visible" },
  };
}

describe("OfficeWorkbook.inspectRange (merged cells and hidden rows)", () => {
  beforeAll(installExcelGlobals);

  it("reports merged areas and hidden rows in one sync, counting rows on one column only", async () => {
    const fake = new FakeExcel("Customers", () => 1);
    fake.mergedAddress = "Customers!A1:B1,'Tom''s, Ltd'!D4:E5";
    fake.hiddenRows = 12;
    const layout = await new OfficeWorkbook(fake.run).inspectRange(RANGE);
    expect(layout).toEqual({
      merged: [
        { sheet: "Customers", row: 0, column: 0, rowCount: 1, columnCount: 2 },
        { sheet: "Tom's, Ltd", row: 3, column: 3, rowCount: 2, columnCount: 2 },
      ],
      hiddenRows: 12,
    });
    expect(fake.syncs).toBe(1);
  });

  it("reports nothing for a plain range, and every row hidden when no cell is visible", async () => {
    const fake = new FakeExcel("Customers", () => 1);
    expect(await new OfficeWorkbook(fake.run).inspectRange(RANGE)).toEqual({
      merged: [],
      hiddenRows: 0,
    });
    fake.hiddenRows = RANGE.rowCount;
    expect((await new OfficeWorkbook(fake.run).inspectRange(RANGE)).hiddenRows).toBe(
      RANGE.rowCount
    );
  });
});
