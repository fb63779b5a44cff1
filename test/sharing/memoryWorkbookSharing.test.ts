import { AUTO_OPEN_SETTING, WritePlan } from "../../src/core/workbook/workbookPort";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";

const empty: WritePlan = { clear: [], values: [], fills: [], settings: {} };
const at = (row: number, column: number) => ({ sheet: "S", row, column });

describe("MemoryWorkbook: formulas, sheets and charts for sharing", () => {
  it('writes formulas with Office.js\'s meanings of null, "" and constants, and values replace formulas', async () => {
    const workbook = new MemoryWorkbook({ S: [[1, 2, 3, 4]] });
    await workbook.applyWritePlan({
      ...empty,
      formulas: [{ at: at(0, 0), formulas: [["=CVA.CLV(1,2,3)", null, "", "text"]] }],
    });
    expect(await workbook.readFormulas({ ...at(0, 0), rowCount: 1, columnCount: 4 })).toEqual([
      ["=CVA.CLV(1,2,3)", null, null, null],
    ]);
    // The formula's cell keeps its last result (this workbook does not calculate); "" emptied C1.
    expect([0, 1, 2, 3].map((c) => workbook.cell("S", 0, c))).toEqual([1, 2, null, "text"]);
    await workbook.applyWritePlan({ ...empty, values: [{ at: at(0, 0), values: [[9]] }] });
    expect(workbook.formulaAt("S", 0, 0)).toBeNull();
    workbook.setFormula(at(0, 1), "=SEQUENCE(3)", { rowCount: 3, columnCount: 1 });
    expect(await workbook.getSpillRanges("S", [at(0, 1), at(0, 3)])).toEqual([
      { sheet: "S", row: 0, column: 1, rowCount: 3, columnCount: 1 },
      null,
    ]);
    await workbook.applyWritePlan({
      ...empty,
      clear: [{ ...at(0, 0), rowCount: 1, columnCount: 4 }],
    });
    expect(workbook.formulaAt("S", 0, 1)).toBeNull();
    expect(await workbook.getSpillRanges("S", [at(0, 1)])).toEqual([null]);
  });

  it("adds, replaces and hides sheets; lists and shows only the ones a user can see", async () => {
    const workbook = new MemoryWorkbook({ S: [["x"]] });
    const chart = {
      sheet: "Summary",
      name: "c",
      type: "columnClustered" as const,
      title: "t",
      data: { row: 0, column: 0, rowCount: 2, columnCount: 2 },
      position: { row: 0, column: 3, rowCount: 5, columnCount: 5 },
    };
    await workbook.applyWritePlan({
      ...empty,
      sheets: [
        { name: "Summary", replace: true },
        { name: "_store", visibility: "veryHidden" },
      ],
      values: [{ at: { sheet: "Summary", row: 0, column: 0 }, values: [["a", 1]] }],
      charts: [chart, chart],
      autoOpen: true,
    });
    expect(workbook.charts("Summary")).toEqual([chart]);
    expect(workbook.sheetNames()).toEqual(["S", "Summary"]);
    expect(workbook.allSheetNames()).toEqual(["S", "Summary", "_store"]);
    expect(await workbook.listSheets()).toEqual(["S", "Summary"]);
    expect(await workbook.readSetting(AUTO_OPEN_SETTING)).toBe("true");
    expect(await workbook.getUsedRange("Summary")).toEqual({
      sheet: "Summary",
      row: 0,
      column: 0,
      rowCount: 1,
      columnCount: 2,
    });
    expect(await workbook.getUsedRange("_store")).toBeNull();
    expect(await workbook.getUsedRange("Nowhere")).toBeNull();

    await workbook.applyWritePlan({
      ...empty,
      sheets: [{ name: "summary", replace: true }],
      autoOpen: false,
    });
    expect(workbook.allSheetNames()).toEqual(["S", "_store", "summary"]);
    expect(workbook.charts("summary")).toEqual([]);
    expect(await workbook.readSetting(AUTO_OPEN_SETTING)).toBeNull();
  });

  it("refuses formulas on a protected sheet, as Excel does", async () => {
    const workbook = new MemoryWorkbook({ S: [[1]] });
    workbook.protect("S");
    await expect(
      workbook.applyWritePlan({ ...empty, formulas: [{ at: at(0, 0), formulas: [["=1"]] }] })
    ).rejects.toMatchObject({ kind: "protectedSheet" });
  });
});
