import type { CellValue } from "../../../src/core/cells";
import {
  DATE_SERIAL_MAX,
  DATE_SERIAL_MIN,
  detectColumns,
} from "../../../src/core/table/detectColumns";
import { sampleSheet } from "./sampleSheets";

/** Customer rows: id, recency days, purchase count, spend. */
const customers = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [
    `C${100 + i}`,
    (i * 37) % 365,
    1 + (i % 6),
    Math.round((20 + i * 13.7) * 100) / 100,
  ]);

describe("detectColumns", () => {
  it("reads English headers and says which columns hold numbers", () => {
    const rows = [["Customer ID", "Recency (days)", "Frequency", "Monetary"], ...customers(20)];
    const detected = detectColumns(rows);
    expect(detected.hasHeader).toBe(true);
    expect(detected.kind).toBe("customers");
    expect(detected.mapping).toEqual({
      customer: 0,
      recency: 1,
      frequency: 2,
      monetary: 3,
      amount: 3,
    });
    expect(detected.numericColumns).toEqual([
      { column: 1, label: "Recency (days)" },
      { column: 2, label: "Frequency" },
      { column: 3, label: "Monetary" },
    ]);
  });

  it("reads Chinese headers in any column order", () => {
    const rows: CellValue[][] = [
      ["消费金额", "客户编号", "购买次数", "最近一次购买"],
      ...customers(20).map(([id, r, f, m]) => [m, id, f, r]),
    ];
    const detected = detectColumns(rows);
    expect(detected.hasHeader).toBe(true);
    expect(detected.mapping).toEqual({
      monetary: 0,
      customer: 1,
      frequency: 2,
      recency: 3,
      amount: 0,
    });
    expect(detected.labels).toEqual(["消费金额", "客户编号", "购买次数", "最近一次购买"]);
  });

  it("reads the workbench's customer sheet, its dates included", () => {
    const detected = detectColumns(sampleSheet("cdnow-customers"));
    expect(detected).toMatchObject({ hasHeader: true, kind: "customers" });
    expect(detected.mapping).toEqual({
      customer: 0,
      date: 1,
      recency: 3,
      frequency: 4,
      monetary: 5,
      amount: 5,
    });
  });

  it("guesses columns from content when there is no header", () => {
    const detected = detectColumns(customers(30), { firstColumn: 2 });
    expect(detected.hasHeader).toBe(false);
    expect(detected.kind).toBe("customers");
    // Spend has cents; of the whole-number columns the smaller mean is the purchase count.
    expect(detected.mapping).toEqual({
      customer: 0,
      recency: 1,
      frequency: 2,
      monetary: 3,
      amount: 3,
    });
    expect(detected.labels).toEqual(["C", "D", "E", "F"]);
    expect(detected.numericColumns.map((c) => c.label)).toEqual(["D", "E", "F"]);
  });

  it("takes a header-less column of distinct whole numbers on the left as the customer id", () => {
    const rows = customers(30).map(([, r, f, m], i) => [100001 + i, r, f, m]);
    expect(detectColumns(rows).mapping).toMatchObject({
      customer: 0,
      recency: 1,
      frequency: 2,
      monetary: 3,
    });
  });

  it("tells a transaction table by repeating customers, a date and an amount", () => {
    const transactions: CellValue[][] = [];
    for (let i = 0; i < 40; i++)
      transactions.push([`C${i % 7}`, 45000 + i * 3, Math.round((5 + i * 1.37) * 100) / 100]);
    const headerless = detectColumns(transactions);
    expect(headerless).toMatchObject({
      hasHeader: false,
      kind: "transactions",
      mapping: { customer: 0, date: 1, amount: 2, monetary: 2 },
    });

    const named = detectColumns([["客户", "日期", "金额"], ...transactions]);
    expect(named).toMatchObject({
      hasHeader: true,
      kind: "transactions",
      mapping: { customer: 0, date: 1, amount: 2, monetary: 2 },
    });
  });

  it("reads the workbench's transaction sheet", () => {
    const detected = detectColumns(sampleSheet("cdnow-transactions"));
    expect(detected).toMatchObject({ hasHeader: true, kind: "transactions" });
    expect(detected.mapping).toEqual({ customer: 0, date: 1, amount: 3, monetary: 3 });
    expect(detected.labels).toEqual(["Customer ID", "Date", "CDs", "Amount"]);
  });

  it("treats a 'recency' column of 1990–2100 date serials as dates", () => {
    const rows = [
      ["客户", "最近购买日期", "金额"],
      ...Array.from({ length: 10 }, (_, i) => [`C${i}`, 45000 + i, 10.5 + i]),
    ];
    expect(detectColumns(rows).mapping).toEqual({ customer: 0, date: 1, monetary: 2, amount: 2 });
    expect(DATE_SERIAL_MIN).toBe(32874); // 1990-01-01
    expect(DATE_SERIAL_MAX).toBe(73051); // 2100-01-01
  });

  it("keeps a named column whose cells are text, for the quality report to point out", () => {
    const rows = [
      ["Customer", "Monetary"],
      ["a", "12"],
      ["b", "30"],
    ];
    expect(detectColumns(rows).mapping).toEqual({ customer: 0, monetary: 1, amount: 1 });
  });

  it("sees no header over all-number rows, and copes with an empty selection", () => {
    expect(
      detectColumns([
        [1, 2.5],
        [2, 3.5],
      ]).hasHeader
    ).toBe(false);
    expect(detectColumns([])).toEqual({
      hasHeader: false,
      kind: "customers",
      mapping: {},
      labels: [],
      numericColumns: [],
    });
  });

  it("judges a long column by its first rows and a spread of the rest", () => {
    // Text deep down a numeric column does not stop it reading as numbers (the quality report will list those rows).
    const rows: CellValue[][] = [
      ["Customer ID", "Monetary"],
      ...Array.from({ length: 100_000 }, (_, i) => [
        `C${i}`,
        i % 997 === 0 && i > 5000 ? "n/a" : i + 0.5,
      ]),
    ];
    expect(detectColumns(rows)).toMatchObject({
      hasHeader: true,
      mapping: { customer: 0, monetary: 1, amount: 1 },
      numericColumns: [{ column: 1, label: "Monetary" }],
    });
  });
});
