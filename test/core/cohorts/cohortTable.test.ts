import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { excelSerial, parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import {
  cohortHeader,
  cohortRows,
  cohortTable,
  type CohortCount,
  retainedCohortTable,
} from "../../../src/core/cohorts/cohortTable";
import { rfmSummary } from "../../../src/core/summary/rfmSummary";
import type { CalendarPeriod } from "../../../src/core/cohorts/calendarPeriods";
import { CvaError } from "../../../src/core/errors";
import { REFERENCE_DATA } from "../models/cdnowData";

const day = (y: number, m: number, d: number) => excelSerial(y, m, d);

describe("cohort tables", () => {
  // a: Jan, Mar (twice in Mar). b: Jan only. c: Feb, Apr. d: Apr (so Mar has no new customer).
  const ids = ["a", "b", "a", "c", "a", "c", "d"];
  const dates = [
    day(2024, 1, 5),
    day(2024, 1, 31),
    day(2024, 3, 1),
    day(2024, 2, 29),
    day(2024, 3, 20),
    day(2024, 4, 2),
    day(2024, 4, 30),
  ];

  it("counts each cohort's active customers per period, once each, as a triangle to the as-of date", () => {
    const table = cohortTable(ids, dates, { period: "M" });
    expect(table.labels).toEqual(["2024-01", "2024-02", "2024-04"]);
    expect(table.sizes).toEqual([2, 1, 1]);
    expect(table.counts).toEqual([[2, 0, 1, 0], [1, 0, 1], [1]]);
    expect(table.width).toBe(4);
    expect(table.asOfDate).toBe(day(2024, 4, 30));
    expect(cohortHeader(table)).toEqual(["cohort", "customers", 1, 2, 3]);
    expect(cohortRows(table, "counts")).toEqual([
      ["2024-01", 2, 0, 1, 0],
      ["2024-02", 1, 0, 1, ""],
      ["2024-04", 1, "", "", ""],
    ]);
    expect(cohortRows(table, "rates")).toEqual([
      ["2024-01", 2, 0, 0.5, 0],
      ["2024-02", 1, 0, 1, ""],
      ["2024-04", 1, "", "", ""],
    ]);
  });

  it("counts retained customers (a purchase in the period or later), which never rise", () => {
    const table = cohortTable(ids, dates, { period: "M", count: "retained" });
    expect(table.counts).toEqual([[2, 1, 1, 0], [1, 1, 1], [1]]);
  });

  it("leaves out transactions after the as-of date, whose period counts as observed so far", () => {
    const table = cohortTable(ids, dates, { period: "M", asOfDate: day(2024, 3, 10) + 0.5 });
    expect(table.asOfDate).toBe(day(2024, 3, 10));
    expect(table.excludedTransactions).toBe(3);
    expect(table.labels).toEqual(["2024-01", "2024-02"]);
    expect(table.counts).toEqual([
      [2, 0, 1],
      [1, 0],
    ]);
  });

  it("groups by quarter and year", () => {
    expect(cohortTable(ids, dates, { period: "Q" }).counts).toEqual([[3, 1], [1]]);
    expect(cohortTable(ids, dates, { period: "Y" }).labels).toEqual(["2024"]);
  });

  it("skips blank rows, keeps 1 and '1' apart, and names a bad row", () => {
    const table = cohortTable(
      [1, "1", null, 1],
      [day(2024, 1, 1), day(2024, 2, 1), null, day(2024, 2, 1)],
      {
        period: "M",
      }
    );
    expect(table.counts).toEqual([[1, 1], [1]]);
    const bad = (run: () => unknown, message: RegExp) => {
      expect(run).toThrow(CvaError);
      expect(run).toThrow(message);
    };
    bad(
      () => cohortTable(["a", "b"], [day(2024, 1, 1), "2024-01-02"], { period: "M" }),
      /dates row 2 is text/
    );
    bad(
      () => cohortTable(["a", null], [day(2024, 1, 1), day(2024, 1, 2)], { period: "M" }),
      /customerIds row 2 is blank/
    );
    bad(() => cohortTable(["a"], [day(2024, 1, 1), 1], { period: "M" }), /same number of rows/);
    bad(() => cohortTable([null], [null], { period: "M" }), /every row is blank/);
    bad(
      () => cohortTable(["a"], [day(2024, 1, 1)], { period: "M", asOfDate: day(2023, 1, 1) }),
      /precedes every transaction/
    );
    bad(
      () => cohortTable(["a"], [day(2024, 1, 1)], { period: "M", asOfDate: day(9999, 1, 1) }),
      /more than a sheet's columns/
    );
  });
});

/**
 * CDNOW_master.txt (69,659 transactions) against a computation that shares nothing with the engine: months read
 * from the yyyymmdd text, a Set of months per customer.
 */
describe("cohorts of CDNOW_master against an independent count", () => {
  const text = readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8");
  const transactions = parseCdnowMaster(text);

  function independent(period: CalendarPeriod, count: CohortCount): number[][] {
    const perMonth = { M: 1, Q: 3, Y: 12 }[period];
    const periodsOf = new Map<string, Set<number>>();
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [id, yyyymmdd] = line.trim().split(/\s+/);
      if (!id) continue;
      const month = Number(yyyymmdd.slice(0, 4)) * 12 + Number(yyyymmdd.slice(4, 6)) - 1;
      if (!periodsOf.has(id)) periodsOf.set(id, new Set());
      periodsOf.get(id)!.add(Math.floor(month / perMonth));
    }
    const last = Math.floor((1998 * 12 + 5) / perMonth); // June 1998, the last month of the log
    const table = new Map<number, number[]>();
    for (const periods of periodsOf.values()) {
      const first = Math.min(...periods);
      const row = table.get(first) ?? new Array(last - first + 1).fill(0);
      table.set(first, row);
      for (let k = 0; k <= last - first; k++) {
        const counted =
          count === "active" ? periods.has(first + k) : Math.max(...periods) >= first + k;
        if (counted) row[k]++;
      }
    }
    return [...table.keys()].sort((a, b) => a - b).map((first) => table.get(first)!);
  }

  it.each([
    ["M", "active"],
    ["M", "retained"],
    ["Q", "active"],
    ["Y", "retained"],
  ] as const)("by %s, %s customers", (period, count) => {
    const table = cohortTable(transactions.customerId, transactions.date, { period, count });
    expect(table.counts).toEqual(independent(period, count));
  });

  it("from each customer's first and last purchase alone, the same retained counts", () => {
    const summary = rfmSummary(transactions.customerId, transactions.date, transactions.amount);
    for (const period of ["M", "Q", "Y"] as const) {
      const fromSpans = retainedCohortTable(summary.firstPurchase, summary.lastPurchase, {
        period,
      });
      const fromLog = cohortTable(transactions.customerId, transactions.date, {
        period,
        count: "retained",
      });
      expect(fromSpans).toEqual(fromLog);
    }
    expect(() =>
      retainedCohortTable([day(2024, 2, 1)], [day(2024, 1, 1)], { period: "M" })
    ).toThrow(/^Row 1: the first purchase \(45323\) and last purchase \(45292\) must be dates/);
  });

  it("by month: 23,570 customers in the three cohorts of early 1997, 18 months observed", () => {
    const table = cohortTable(transactions.customerId, transactions.date, { period: "M" });
    expect(table.labels).toEqual(["1997-01", "1997-02", "1997-03"]);
    expect(table.sizes).toEqual([7846, 8476, 7248]);
    expect(table.sizes.reduce((a, b) => a + b)).toBe(23570);
    expect(table.width).toBe(18);
    expect(table.counts[0].slice(0, 4)).toEqual([7846, 1157, 964, 810]);
  });
});
