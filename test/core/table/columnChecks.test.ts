import { checkTable } from "../../../src/core/table/checkTable";
import {
  LAST_EXCEL_DATE,
  ROLE_KINDS,
  TRANSACTION_KINDS,
  columnKinds,
  valueRange,
} from "../../../src/core/table/columnChecks";
import { prepareCustomers } from "../../../src/core/table/prepareCustomers";
import { BAD_DATA_ROWS } from "../../../src/workbench/badDataSheet";

describe("the data checks per column role", () => {
  it("gives each role one kind: days, a count, an amount or a date", () => {
    expect(ROLE_KINDS).toEqual({
      recency: "days",
      frequency: "count",
      monetary: "amount",
      amount: "amount",
      date: "date",
    });
    expect([...columnKinds({ customer: 0, recency: 1, frequency: 2, monetary: 3 }, [4])]).toEqual([
      [4, "date"],
      [1, "days"],
      [2, "count"],
      [3, "amount"],
    ]);
  });

  it("reads a transaction table's amount as any finite number: a negative one is a refund", () => {
    expect(TRANSACTION_KINDS).toEqual({ date: "date", amount: "transactionAmount" });
    const prepared = prepareCustomers(
      [
        ["a", -12.5], // a refund
        ["b", 0],
        ["c", -Infinity],
        ["d", "-3"], //  text, as everywhere
      ],
      { hasHeader: false, customer: 0, measures: [{ column: 1, kind: TRANSACTION_KINDS.amount }] }
    );
    expect(Array.from(prepared.values[0])).toEqual([-12.5, 0]);
    expect(prepared.quality.skipped.map((row) => [row.sheetRow, row.reason])).toEqual([
      [3, "error"],
      [4, "text"],
    ]);
  });

  it("bounds a customer's amount, counts and days at 0, dates to Excel's calendar and the as-of day", () => {
    expect(valueRange("amount")).toEqual({ lowest: 0, end: Infinity });
    expect(valueRange("measure").lowest).toBe(-Number.MAX_VALUE);
    expect(valueRange("date")).toEqual({ lowest: 1, end: LAST_EXCEL_DATE + 1 });
    // A time of day on the as-of day is still that day.
    expect(valueRange("date", 35976.5)).toEqual({ lowest: 1, end: 35977 });
  });

  it("leaves out dates before 1900, after 9999-12-31 and after the as-of date, each with its reason", () => {
    const prepared = prepareCustomers(
      [
        ["a", 35000],
        ["b", 0], //           1900-01-00: before Excel's first date
        ["c", -3],
        ["d", 2_958_466], //   the day after 9999-12-31
        ["e", 35977], //       after the as-of date
        ["f", 35976.75], //    the as-of day, in the evening
        ["g", "1998-07-01"], // a date typed as text
      ],
      { hasHeader: false, customer: 0, measures: [{ column: 1, kind: "date" }], asOfDate: 35976 }
    );
    expect(prepared.quality.skipped.map((row) => [row.sheetRow, row.reason])).toEqual([
      [2, "notDate"],
      [3, "notDate"],
      [4, "notDate"],
      [5, "afterAsOf"],
      [7, "text"],
    ]);
    expect(Array.from(prepared.values[0])).toEqual([35000, 35976.75]);
    expect(prepared.quality.counts).toMatchObject({ notDate: 3, afterAsOf: 1, text: 1 });
  });

  it("finds every problem of the Bad data sheet in the mapped columns, whichever method reads them", () => {
    const kinds = columnKinds({ customer: 0, recency: 1, frequency: 2, monetary: 3 });
    const report = checkTable(BAD_DATA_ROWS, { hasHeader: true, customer: 0, kinds });
    expect(
      report?.skipped.map(({ sheetRow, reason, column, repeats }) => [
        sheetRow,
        reason,
        column,
        repeats,
      ])
    ).toEqual([
      [5, "blank", 1, undefined],
      [7, "text", 3, undefined],
      [9, "negative", 3, undefined],
      [11, "duplicateId", 0, 4],
      [13, "error", 2, undefined],
      [15, "blank", null, undefined],
      [17, "text", 1, undefined],
    ]);
    expect(
      checkTable(BAD_DATA_ROWS, { hasHeader: true, customer: 0, kinds: new Map() })
    ).toBeNull();
  });
});
