import { rfmSummary } from "../../../src/core/summary/rfmSummary";
import { detectColumns } from "../../../src/core/table/detectColumns";
import { summariseTransactions } from "../../../src/core/table/summariseTransactions";
import { sampleSheet } from "./sampleSheets";

describe("summariseTransactions", () => {
  it("gives recency in days to the as-of date, distinct purchase days and total spend per customer", () => {
    const summary = summariseTransactions(
      [
        ["Customer", "Date", "Amount"],
        ["a", 45000, 10],
        ["b", 45003, 7.5],
        ["a", 45000.75, 5], // same day as the first purchase: one purchase day
        ["a", 45010, 20],
        ["c", 45020, 1], //   after the as-of date: left out
      ],
      { customer: 0, date: 1, amount: 2 },
      { hasHeader: true, asOfDate: 45012 }
    );
    expect(summary.rows).toEqual([
      ["Customer ID", "First purchase", "Last purchase", "Recency (days)", "Frequency", "Monetary"],
      ["a", 45000, 45010, 2, 2, 35],
      ["b", 45003, 45003, 9, 1, 7.5],
    ]);
    expect(summary).toMatchObject({
      asOfDate: 45012,
      mapping: { customer: 0, recency: 3, frequency: 4, monetary: 5, amount: 5 },
    });
    expect(summary.quality.skipped).toEqual([
      { sheetRow: 6, index: 5, reason: "afterAsOf", column: 1 },
    ]);
  });

  it("counts recency to the latest purchase when no as-of date is given", () => {
    const summary = summariseTransactions(
      [
        ["a", 100, 1],
        ["b", 90, 2],
      ],
      { customer: 0, date: 1, amount: 2 },
      { hasHeader: false }
    );
    expect(summary.asOfDate).toBe(100);
    expect(summary.rows.slice(1).map((row) => row[3])).toEqual([0, 10]);
  });

  it("leaves out unusable transaction rows and reports them by sheet row; a negative amount is a refund, used", () => {
    const summary = summariseTransactions(
      [
        ["客户", "日期", "金额"],
        ["a", 100, 5],
        ["a", "2024-01-05", 5],
        ["b", 101, -3],
        [null, null, null],
        ["b", 102, 4],
      ],
      { customer: 0, date: 1, amount: 2 },
      { hasHeader: true, firstRow: 9 }
    );
    expect(summary.rows.slice(1)).toEqual([
      ["a", 100, 100, 2, 1, 5],
      ["b", 101, 102, 0, 2, 1],
    ]);
    expect(summary.quality.skipped).toEqual([
      { sheetRow: 12, index: 2, reason: "text", column: 1 },
      { sheetRow: 14, index: 4, reason: "blank", column: null },
    ]);
    expect(summary.refundRows).toEqual([13]);
    expect(() =>
      summariseTransactions(
        [[null, null, null]],
        { customer: 0, date: 1, amount: 2 },
        { hasHeader: false }
      )
    ).toThrow(/No transaction row/);
  });

  it("nets refunds into their day's spend exactly as CVA.RFMSUMMARY does", () => {
    // a: a purchase and its partial refund on day 100, a repeat day 103 of −20 + 50; b: a refund alone on a
    // repeat day (still a purchase day, as lifetimes counts it); c: only a refund, a customer worth −15 net.
    const rows: [string, number, number][] = [
      ["a", 100, 80],
      ["a", 100.5, -30],
      ["b", 101, 40],
      ["a", 103, -20],
      ["a", 103, 50],
      ["b", 104, -40],
      ["c", 104, -15],
    ];
    const summary = summariseTransactions(
      rows,
      { customer: 0, date: 1, amount: 2 },
      { hasHeader: false, firstRow: 1 }
    );
    expect(summary.quality.skipped).toEqual([]);
    expect(summary.refundRows).toEqual([3, 5, 7, 8]);
    expect(summary.rows.slice(1)).toEqual([
      ["a", 100, 103, 1, 2, 80],
      ["b", 101, 104, 0, 2, 0],
      ["c", 104, 104, 0, 1, -15],
    ]);
    const formula = rfmSummary(
      rows.map((row) => row[0]),
      rows.map((row) => row[1]),
      rows.map((row) => row[2])
    );
    expect(summary.modelInputs).toEqual({
      frequency: formula.frequency,
      recency: formula.recency,
      T: formula.T,
      monetary: formula.monetary,
    });
    expect(summary.modelInputs.monetary).toEqual([30, -40, 0]);
    expect(summary.rows.slice(1).map((row) => row[5])).toEqual(formula.total);
  });

  it("turns the workbench's transaction sheet into its customer sheet, which reads back as a customer table", () => {
    const transactions = sampleSheet("cdnow-transactions");
    const customers = sampleSheet("cdnow-customers");
    const summary = summariseTransactions(
      transactions,
      { customer: 0, date: 1, amount: 3 },
      { hasHeader: true, asOfDate: 35977 }
    ); // 1998-07-01
    expect(summary.rows).toHaveLength(customers.length);
    expect(summary.rows[0]).toEqual(customers[0]);
    summary.rows.slice(1).forEach((row, i) => {
      expect(row.slice(0, 5)).toEqual(customers[i + 1].slice(0, 5));
      expect(row[5]).toBeCloseTo(customers[i + 1][5] as number, 6);
    });
    expect(detectColumns(summary.rows).mapping).toMatchObject(summary.mapping);
  });
});
