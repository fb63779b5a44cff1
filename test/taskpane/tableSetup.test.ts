import {
  assignRole,
  columnLabels,
  dateColumns,
  detectSetup,
  latestPurchase,
  unmappedRoles,
} from "../../src/taskpane/flow/tableSetup";
import { SelectedData } from "../../src/taskpane/flow/readSelection";
import { CUSTOMERS, TRANSACTIONS, sampleSelection } from "./sample";

function data(values: SelectedData["values"], column = 0): SelectedData {
  return {
    range: { sheet: "S", row: 0, column, rowCount: values.length, columnCount: values[0].length },
    values,
    hiddenRows: 0,
  };
}

describe("the default as-of date: the latest purchase in the data", () => {
  it("is the transaction log's latest date, and a customer sheet's latest last purchase", async () => {
    const { data: transactions } = await sampleSelection(TRANSACTIONS);
    const { data: customers } = await sampleSelection(CUSTOMERS);
    expect(latestPurchase(transactions, detectSetup(transactions))).toBe(35976); // 1998-06-30
    expect(latestPurchase(customers, detectSetup(customers))).toBe(35976);
  });

  it("keeps whole days, ignores what is no Excel date, and is null without dates", () => {
    const setup = { kind: "transactions" as const, hasHeader: true, mapping: { date: 1 } };
    const table = data([
      ["Id", "Date"],
      ["a", 45000.75],
      ["b", 3_000_000],
      ["c", "2024-01-01"],
    ]);
    expect(latestPurchase(table, setup)).toBe(45000);
    expect(latestPurchase(table, { ...setup, mapping: {} })).toBeNull();
  });
});

describe("reading the table: detection and the mapping the user fixes", () => {
  it("maps the CDNOW customer sheet by its headers", async () => {
    const { data: customers } = await sampleSelection(CUSTOMERS);
    expect(detectSetup(customers)).toEqual({
      kind: "customers",
      hasHeader: true,
      mapping: { customer: 0, date: 1, recency: 3, frequency: 4, monetary: 5, amount: 5 },
    });
  });

  it("recognises the transaction sheet (repeated ids, a date, an amount)", async () => {
    const { data: transactions } = await sampleSelection(TRANSACTIONS);
    expect(detectSetup(transactions)).toMatchObject({
      kind: "transactions",
      hasHeader: true,
      mapping: { customer: 0, date: 1, amount: 3 },
    });
  });

  it("maps Chinese headers", () => {
    const setup = detectSetup(
      data([
        ["客户编号", "最近购买", "购买次数", "消费金额"],
        ["A01", 12, 3, 250.5],
        ["A02", 40, 1, 99],
      ])
    );
    expect(setup.mapping).toMatchObject({ customer: 0, recency: 1, frequency: 2, monetary: 3 });
  });

  it("moves a column from the role that had it, and keeps monetary and amount together", () => {
    const mapping = { customer: 0, recency: 3, frequency: 4, monetary: 5, amount: 5 };
    expect(assignRole(mapping, "frequency", 3)).toEqual({
      customer: 0,
      frequency: 3,
      monetary: 5,
      amount: 5,
    });
    expect(assignRole(mapping, "monetary", 2)).toEqual({
      customer: 0,
      recency: 3,
      frequency: 4,
      monetary: 2,
      amount: 2,
    });
    expect(assignRole(mapping, "customer", undefined)).toEqual({
      recency: 3,
      frequency: 4,
      monetary: 5,
      amount: 5,
    });
    expect(unmappedRoles({ kind: "customers", hasHeader: true, mapping: { customer: 0 } })).toEqual(
      ["recency", "frequency", "monetary"]
    );
  });

  it("labels columns by header, or by their sheet letters without one", () => {
    const values = [
      ["Id", "", 3],
      ["a", 1, 2],
    ];
    expect(columnLabels(data(values, 2), true)).toEqual(["Id", "D", "3"]);
    expect(columnLabels(data(values, 2), false)).toEqual(["C", "D", "E"]);
  });

  it("finds the date columns (1990–2100 serials)", async () => {
    const { data: customers } = await sampleSelection(CUSTOMERS);
    expect(dateColumns(customers.values, true)).toEqual([1, 2]);
  });
});
