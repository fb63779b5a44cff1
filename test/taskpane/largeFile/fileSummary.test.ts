import { inspectSource, proposedColumns } from "../../../src/core/scale/inspectSource";
import type { TransactionColumns } from "../../../src/core/scale/customerSummarySql";
import { RFM_SUMMARY_HEADERS } from "../../../src/core/summary/rfmSummary";
import { MemoryWorkbook } from "../../../src/workbench/memoryWorkbook";
import {
  beyondSheet,
  customerRows,
  planFor,
  summariseFile,
} from "../../../src/taskpane/largeFile/fileSummary";
import { newSheetName, writeNewSheet } from "../../../src/taskpane/largeFile/newSheet";
import { duckdbFixture } from "../../core/scale/duckdb";

const db = duckdbFixture();

/** Four customers over January 2024, one of them twice on its first day; one row without a customer. */
const ORDERS = [
  "customer,date,amount",
  "A,2024-01-01,10",
  "A,2024-01-01,5",
  "A,2024-01-05,20",
  "B,2024-01-02,7",
  "B,2024-01-09,3",
  "C,2024-01-03,4",
  "D,2024-01-10,8",
  ",2024-01-04,1",
].join("\n");

async function summarised() {
  const path = db.file("orders.csv", ORDERS);
  const inspection = await inspectSource(db.engine(), path);
  const plan = planFor(inspection, proposedColumns(inspection) as TransactionColumns);
  return { plan, summary: await summariseFile(db.engine(), plan) };
}

describe("the pane's file summary (the same statements, run here by DuckDB in Node)", () => {
  it("checks the rows, summarises as CVA.RFMSUMMARY and gives the table a sheet holds", async () => {
    const { summary } = await summarised();
    expect(summary).toMatchObject({ customers: 4, asOf: "2024-01-10" });
    expect(summary.quality.badRows).toBe(1);
    expect(summary.examples).toEqual([
      { problem: "missingCustomer", customer: null, date: "2024-01-04", amount: "1" },
    ]);
    const rows = await customerRows(db.engine());
    expect(rows[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    const a = rows.find((row) => row[0] === "A");
    // Same-day purchases merged: one repeat day (the 5th), monetary 20; dates as Excel serials.
    expect(a).toEqual(["A", 1, 4, 9, 20, 3, 35, 45292, 45296]);
    expect((await customerRows(db.engine(), 2)).map((row) => row[0])).toEqual([
      "customer",
      "A",
      "B",
    ]);
  });

  it("beyond a sheet, groups the patterns, fits on them and counts the RFM segments of every customer", async () => {
    const { summary } = await summarised();
    const beyond = await beyondSheet(db.engine(), summary.asOf);
    expect(beyond.patterns[0]).toEqual(["frequency", "recency", "T", "count"]);
    expect(beyond.patternCount).toBe(4);
    expect(beyond.fits.map((row) => row[0])).toEqual(["BG/NBD", "GG"]);
    expect(beyond.segments.reduce((sum, [, count]) => sum + count, 0)).toBe(4);
  });

  it("refuses a date column that holds no dates", async () => {
    const path = db.file("nodates.csv", "customer,date,amount\nA,soon,1\nB,later,2\n");
    const inspection = await inspectSource(db.engine(), path);
    expect(() =>
      planFor(inspection, { customer: "customer", date: "date", amount: "amount" })
    ).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ key: "largeFile.noDates" }) })
    );
  });
});

describe("the new sheet", () => {
  it("gets a name Excel accepts and the workbook does not have yet, and holds the blocks written", async () => {
    const workbook = new MemoryWorkbook({ "Customers (orders)": [["x"]] });
    const name = await newSheetName(workbook, "Customers", "orders.csv.gz");
    expect(name).toBe("Customers (orders) 2");
    expect(await newSheetName(workbook, "Customers", "a/b:c*d?e[f].csv")).toBe(
      "Customers (a_b_c_d_e_f_)"
    );
    expect(
      (await newSheetName(workbook, "Customers", `${"x".repeat(60)}.csv`)).length
    ).toBeLessThanOrEqual(31);
    const range = await writeNewSheet(
      workbook,
      name,
      [
        { row: 0, column: 0, values: [["customer"], ["A"]] },
        { row: 0, column: 5, values: [["fit"]] },
      ],
      {}
    );
    expect(range).toEqual({ sheet: name, row: 0, column: 0, rowCount: 2, columnCount: 1 });
    expect(workbook.cell(name, 1, 0)).toBe("A");
    expect(workbook.cell(name, 0, 5)).toBe("fit");
  });
});
