/**
 * Text stays text (issue 11, finding 7): customer ids that Excel would read as a formula or a number, written by a
 * whole Segment click on a transaction table (its customer summary sheet carries the ids), read back as the same
 * text, with no formula anywhere. The in-memory workbook types what it is given as Excel does, so a write that
 * lost the quote prefix would turn them into a formula, a #NAME? and the number −1 here too.
 */
import { excelTyped } from "../../src/workbench/memoryWorkbook";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { RISKY_IDS, riskyTransactions } from "./riskyIds";
import { click, keepingOf } from "./sample";

describe("text stays text", () => {
  it("the in-memory workbook types input as Excel does: =, + and - start a formula or a number", () => {
    expect(excelTyped('=WEBSERVICE("x")')).toEqual({ value: null, formula: '=WEBSERVICE("x")' });
    expect(excelTyped("+86 138 0013 8000")).toEqual({
      value: "#NAME?",
      formula: "=+86 138 0013 8000",
    });
    expect(excelTyped("-001")).toEqual({ value: -1 });
    expect(excelTyped("'-001")).toEqual({ value: "-001" });
  });

  it("customer ids that look like formulas or numbers survive a whole Segment click as text", async () => {
    const rows = riskyTransactions();
    const workbook = new MemoryWorkbook({ Transactions: rows });
    workbook.formatAsDate("Transactions", 1);
    const range = {
      sheet: "Transactions",
      row: 0,
      column: 0,
      rowCount: rows.length,
      columnCount: 3,
    };
    const { committed } = await click(workbook, await keepingOf(workbook), "tiers", range);
    expect(committed.saveProblem).toBeNull();
    const written = RISKY_IDS.map((_, k) => workbook.cell("Customer summary", 1 + k, 0));
    expect(written).toEqual(RISKY_IDS);
    for (let k = 0; k < RISKY_IDS.length; k++)
      expect(workbook.formulaAt("Customer summary", 1 + k, 0)).toBeNull();
    // Read back through the port, as the pane reads them.
    const back = await workbook.readValues({
      sheet: "Customer summary",
      row: 1,
      column: 0,
      rowCount: RISKY_IDS.length,
      columnCount: 1,
    });
    expect(back.map((row) => row[0])).toEqual(RISKY_IDS);
  });
});
