import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { excelSerial, parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import { CvaError } from "../../../src/core/errors";
import {
  RFM_SUMMARY_HEADERS,
  rfmSummary,
  rfmSummarySheet,
  columnCells,
} from "../../../src/core/summary/rfmSummary";

const day = (iso: string) =>
  excelSerial(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

describe("rfmSummary", () => {
  it("merges same-day purchases, excludes the first period from monetary, ends at the latest date", () => {
    const ids = ["a", "b", "a", "a", "a", "b"];
    const dates = [
      day("2024-01-01"),
      day("2024-01-03"),
      day("2024-01-01") + 0.75,
      day("2024-01-05"),
      day("2024-01-11"),
      day("2024-01-03"),
    ];
    const amounts = [10, 7, 5, 20, 40, 3];
    const summary = rfmSummary(ids, dates, amounts);
    expect(summary.customer).toEqual(["a", "b"]);
    expect(summary.frequency).toEqual([2, 0]);
    expect(summary.recency).toEqual([10, 0]);
    expect(summary.T).toEqual([10, 8]); // as-of = 2024-01-11, the latest transaction, not the day after
    expect(summary.monetary).toEqual([30, 0]); // (20 + 40) / 2: the first day's 10 + 5 is excluded
    expect(summary.orders).toEqual([4, 2]);
    expect(summary.total).toEqual([75, 10]);
    expect(summary.firstPurchase).toEqual([day("2024-01-01"), day("2024-01-03")]);
    expect(summary.lastPurchase).toEqual([day("2024-01-11"), day("2024-01-03")]);
    expect(summary.asOfDate).toBe(day("2024-01-11"));
    const sheet = rfmSummarySheet(columnCells(ids, dates, amounts));
    expect(sheet.rows[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    expect(sheet.rows[1]).toEqual([
      "a",
      2,
      10,
      10,
      30,
      4,
      75,
      day("2024-01-01"),
      day("2024-01-11"),
    ]);
    expect(RFM_SUMMARY_HEADERS).toHaveLength(9);
  });

  it('handles unsorted tables and numeric ids (1 and "1" are different customers)', () => {
    const summary = rfmSummary(
      [1, "1", 1, 1],
      [day("2024-03-09"), day("2024-03-01"), day("2024-03-01"), day("2024-03-05")],
      [30, 1, 10, 20]
    );
    expect(summary.customer).toEqual([1, "1"]);
    expect(summary.frequency).toEqual([2, 0]);
    expect(summary.recency).toEqual([8, 0]);
    expect(summary.monetary).toEqual([25, 0]);
  });

  it("leaves out transactions after asOfDate, and customers with nothing before it", () => {
    const summary = rfmSummary(
      ["a", "b", "a"],
      [day("2024-01-01"), day("2024-02-01"), day("2024-01-20")],
      [1, 2, 3],
      day("2024-01-10")
    );
    expect(summary.customer).toEqual(["a"]);
    expect(summary.frequency).toEqual([0]);
    expect(summary.T).toEqual([9]);
    expect(summary.excludedTransactions).toBe(2);
  });

  it('counts in Monday–Sunday weeks with periodDays = 7 (pandas\' "W" periods)', () => {
    // Sun 7 Jan, Mon 8 Jan, Sun 14 Jan, Mon 15 Jan 2024
    const summary = rfmSummary(
      ["a", "a", "a", "a"],
      [day("2024-01-07"), day("2024-01-08"), day("2024-01-14"), day("2024-01-15")],
      [1, 2, 4, 8],
      undefined,
      7
    );
    expect(summary.frequency).toEqual([2]);
    expect(summary.recency).toEqual([2]);
    expect(summary.T).toEqual([2]);
    expect(summary.monetary).toEqual([7]); // weeks: {1}, {2 + 4}, {8}
  });

  it("skips rows blank in all three columns", () => {
    expect(
      rfmSummary(
        ["a", null, "a", ""],
        [day("2024-01-01"), null, day("2024-01-02"), ""],
        [1, undefined, 2, ""]
      ).frequency
    ).toEqual([1]);
  });

  it.each([
    [
      ["a"],
      ["2024-01-05"],
      [1],
      "#VALUE!",
      'dates row 1 is text ("2024-01-05"), not a date: Excel dates are serial numbers; convert the column (e.g. with DATEVALUE).',
    ],
    [
      ["Customer", "a"],
      ["Date", 45000],
      ["Amount", 1],
      "#VALUE!",
      'Row 1 looks like a header ("Date" where a date should be): select the transactions without the header row.',
    ],
    [["a", "b"], [45000, "n/a"], [1, 2], "#VALUE!", 'dates row 2 is "n/a", not a date.'],
    [["a", "b"], [45000, 45001], [1, "x"], "#VALUE!", 'amounts row 2 must be a number, got "x".'],
    [["a", ""], [45000, 45001], [1, 2], "#VALUE!", "customerIds row 2 is blank."],
    [["a", true], [45000, 45001], [1, 2], "#VALUE!", "customerIds row 2 is TRUE/FALSE"],
    [
      ["a", Number.NaN],
      [45000, 45001],
      [1, 2],
      "#VALUE!",
      "customerIds row 2 is not a finite number.",
    ],
    [["a", "b"], [45000, -3], [1, 2], "#VALUE!", "dates row 2 is -3, not a date"],
    [
      ["a", "b"],
      [45000, 2958466],
      [1, 2],
      "#VALUE!",
      "dates row 2 is 2958466, not a date: Excel dates end at 2958465 (9999-12-31).",
    ],
    [["a", "b"], [45000, 45001], [45000, 45001], "#VALUE!", "Every amount equals its row's date"],
    [
      ["a", "b"],
      [45000, new CvaError({ code: "cell.errorValue", params: { code: "#N/A" } }, "#N/A")],
      [1, 2],
      "#N/A",
      "dates row 2 holds an error: The input holds #N/A.",
    ],
    [[null], [null], [null], "#N/A", "There are no transactions: every row is blank."],
  ])("reports %j / %j / %j as %s naming the row", (ids, dates, amounts, code, message) => {
    try {
      rfmSummary(ids as never, dates as never, amounts as never);
      throw new Error("expected a CvaError");
    } catch (error) {
      expect((error as CvaError).code).toBe(code);
      expect((error as CvaError).message).toContain(message);
    }
  });

  it("refuses bad whole-call arguments", () => {
    expect(() => rfmSummary(["a"], [45000], [1, 2])).toThrow("same number of rows");
    expect(() => rfmSummary(["a"], [45000], [1], undefined, 0)).toThrow("periodDays");
    expect(() => rfmSummary(["a"], [45000], [1], undefined, 1.5)).toThrow("periodDays");
    expect(() => rfmSummary(["a"], [45000], [1], 44000)).toThrow(
      "asOfDate 2020-06-18 precedes every transaction."
    );
    expect(() => rfmSummary(["a"], [45000], [1], 2958466)).toThrow("9999-12-31");
    expect(rfmSummary(["a"], [45000], [1], 2958465.5).T).toEqual([2958465 - 45000]);
  });

  it("keeps its invariants on random tables (property)", () => {
    const row = fc.tuple(
      fc.constantFrom("a", "b", "c", 7),
      fc.integer({ min: 45000, max: 45060 }),
      fc.integer({ min: 0, max: 1000 })
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (rows, periodDays) => {
          const s = rfmSummary(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            rows.map((r) => r[2]),
            undefined,
            periodDays
          );
          expect(s.orders.reduce((a, b) => a + b, 0)).toBe(rows.length);
          s.customer.forEach((_, k) => {
            expect(s.frequency[k]).toBeLessThanOrEqual(s.orders[k] - 1);
            expect(s.recency[k]).toBeLessThanOrEqual(s.T[k]);
            expect(s.frequency[k] > 0).toBe(s.recency[k] > 0);
            expect(s.monetary[k] * s.frequency[k]).toBeLessThanOrEqual(s.total[k] + 1e-9);
          });
        }
      )
    );
  });
});

describe("rfmSummary on CDNOW_master (references from an independent Python summary)", () => {
  const transactions = parseCdnowMaster(
    readFileSync(resolve(__dirname, "../../../data/CDNOW_master.txt"), "utf8")
  );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it("summarises 69,659 transactions into 23,570 customers, as lifetimes does", () => {
    const s = rfmSummary(transactions.customerId, transactions.date, transactions.amount);
    expect(s.customer.length).toBe(23570);
    expect(s.asOfDate).toBe(day("1998-06-30"));
    expect([
      sum(s.frequency),
      sum(s.recency),
      sum(s.T),
      sum(s.orders),
      s.frequency.filter((f) => f === 0).length,
    ]).toEqual([44021, 3178932, 11834346, 69659, 12054]);
    expect(sum(s.monetary)).toBeCloseTo(414282.3844, 3);
    expect(sum(s.total)).toBeCloseTo(2500315.63, 2);
    expect(
      rfmSummarySheet(columnCells(transactions.customerId, transactions.date, transactions.amount))
        .rows[3]
    ).toEqual([
      "00003",
      5,
      511,
      544,
      expect.closeTo(27.14, 10),
      6,
      expect.closeTo(156.46, 10),
      day("1997-01-02"),
      day("1998-05-28"),
    ]);
  });

  it("in weeks, and with an earlier as-of date", () => {
    const weekly = rfmSummary(
      transactions.customerId,
      transactions.date,
      transactions.amount,
      undefined,
      7
    );
    expect([
      sum(weekly.frequency),
      sum(weekly.recency),
      sum(weekly.T),
      weekly.frequency.filter((f) => f === 0).length,
    ]).toEqual([40629, 454205, 1697280, 12220]);
    expect(sum(weekly.monetary)).toBeCloseTo(425903.4747, 3);
    const early = rfmSummary(
      transactions.customerId,
      transactions.date,
      transactions.amount,
      day("1997-09-30")
    );
    expect([sum(early.frequency), sum(early.recency), sum(early.T), sum(early.orders)]).toEqual([
      24337, 1129644, 5399736, 49086,
    ]);
    expect(early.excludedTransactions).toBe(69659 - 49086);
  });
});
