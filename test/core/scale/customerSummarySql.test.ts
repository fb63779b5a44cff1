import fc from "fast-check";
import { excelSerial } from "../../../src/core/cdnow/cdnowMaster";
import {
  checkedTransactionsSql,
  countedSummarySql,
  countedTotalsSql,
  customerSummarySql,
  dataQualitySql,
  patternTableSql,
  problemRowsSql,
  type TransactionPlan,
} from "../../../src/core/scale/customerSummarySql";
import { rfmSummary } from "../../../src/core/summary/rfmSummary";
import { duckdbFixture } from "./duckdb";
import { expectSameSummary, summaryAsSerialsSql } from "./sameSummary";

const db = duckdbFixture();

type Transaction = [customer: string, isoDate: string, amount: number];

function csvPlan(path: string, typedRead = false): TransactionPlan {
  return {
    source: { kind: "csv", path },
    columns: { customer: "customer", date: "date", amount: "amount" },
    dateReading: { kind: "text", format: null },
    typedRead,
  };
}

function writeCsv(name: string, rows: readonly Transaction[]): string {
  return db.file(name, ["customer,date,amount", ...rows.map((row) => row.join(","))].join("\n"));
}

const serial = (iso: string) => excelSerial(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

/** The DuckDB summary and CVA.RFMSUMMARY's engine on the same transactions, compared column by column. */
async function expectAsRfmSummary(
  name: string,
  rows: readonly Transaction[],
  periodDays: number,
  asOf?: string,
  typedRead = false
): Promise<void> {
  const plan = csvPlan(writeCsv(name, rows), typedRead);
  const latest = rows.map((row) => row[1]).sort()[rows.length - 1];
  const sql = customerSummarySql(plan, { periodDays, asOf: asOf ?? latest });
  const got = await db.engine().rows(summaryAsSerialsSql(`(${sql})`));
  const expected = rfmSummary(
    rows.map((row) => row[0]),
    rows.map((row) => serial(row[1])),
    rows.map((row) => row[2]),
    asOf === undefined ? undefined : serial(asOf),
    periodDays
  );
  expectSameSummary(got, expected);
  // The counted statement: the same customers (those with a row used), and the rows it left out.
  const counted = `(${countedSummarySql(plan, { periodDays, asOf })}) AS counted`;
  const used = await db.engine().rows(summaryAsSerialsSql(`${counted} WHERE frequency >= 0`));
  expectSameSummary(used, expected);
  const [[transactions, leftOut]] = await db.engine().rows(countedTotalsSql(counted));
  expect([transactions, leftOut]).toEqual([
    expected.orders.reduce((sum, n) => sum + n, 0),
    rows.length - expected.orders.reduce((sum, n) => sum + n, 0),
  ]);
}

describe("the customer summary statement", () => {
  const example: Transaction[] = [
    ["a", "2024-01-01", 10],
    ["b", "2024-01-03", 7],
    ["a", "2024-01-01", 5],
    ["a", "2024-01-05", 20],
    ["a", "2024-01-11", 40],
    ["b", "2024-01-03", 3],
  ];

  it("merges same-day purchases and leaves the first day out of monetary, as CVA.RFMSUMMARY", async () => {
    const plan = csvPlan(writeCsv("example.csv", example));
    const rows = await db
      .engine()
      .rows(
        `${summaryAsSerialsSql(`(${customerSummarySql(plan, { periodDays: 1, asOf: "2024-01-11" })})`)} ORDER BY 1`
      );
    expect(rows).toEqual([
      ["a", 2, 10, 10, 30, 4, 75, serial("2024-01-01"), serial("2024-01-11")],
      ["b", 0, 0, 8, 0, 2, 10, serial("2024-01-03"), serial("2024-01-03")],
    ]);
    await expectAsRfmSummary("example-days.csv", example, 1);
  });

  it("counts Monday–Sunday weeks with periodDays 7, and leaves out what follows the as-of date", async () => {
    await expectAsRfmSummary("example-weeks.csv", example, 7);
    // As of 2024-01-02, customer b has nothing left and drops out; a keeps the first day only.
    await expectAsRfmSummary("example-as-of.csv", example, 1, "2024-01-02");
  });

  it("nets refunds (negative amounts) into their day's spend, as CVA.RFMSUMMARY and the pane's summary do", async () => {
    const refunds: Transaction[] = [
      ["a", "2024-01-01", 80],
      ["a", "2024-01-01", -30],
      ["b", "2024-01-02", 40],
      ["a", "2024-01-04", -20],
      ["a", "2024-01-04", 50],
      ["b", "2024-01-05", -40],
      ["c", "2024-01-05", -15],
    ];
    await expectAsRfmSummary("refunds.csv", refunds, 1);
    const plan = csvPlan(writeCsv("refunds-values.csv", refunds));
    const sql = customerSummarySql(plan, { periodDays: 1, asOf: "2024-01-05" });
    expect(
      await db.engine().rows(`SELECT customer, monetary, total FROM (${sql}) ORDER BY 1`)
    ).toEqual([
      ["a", 30, 80],
      ["b", -40, 0],
      ["c", 0, -15],
    ]);
  });

  it("equals CVA.RFMSUMMARY on random transaction tables, in days and in weeks, read as text or typed", async () => {
    const transaction = fc.tuple(
      fc.constantFrom("c1", "c2", "c3", "007", "x y"),
      fc
        .integer({ min: 0, max: 120 })
        .map((d) => new Date(Date.UTC(2023, 11, 20 + d)).toISOString().slice(0, 10)),
      fc.integer({ min: -500, max: 100000 }).map((cents) => cents / 100)
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(transaction, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1, 7),
        fc.boolean(),
        async (rows, periodDays, typedRead) => {
          await expectAsRfmSummary(`random-${run++}.csv`, rows, periodDays, undefined, typedRead);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("groups customers into (frequency, recency, T) patterns with their counts", async () => {
    const rows: Transaction[] = [
      ["a", "2024-01-01", 1],
      ["b", "2024-01-01", 1],
      ["c", "2024-01-01", 1],
      ["c", "2024-01-04", 1],
      ["d", "2024-01-08", 1],
    ];
    const plan = csvPlan(writeCsv("patterns.csv", rows));
    const summary = customerSummarySql(plan, { periodDays: 1, asOf: "2024-01-08" });
    expect(await db.engine().rows(patternTableSql(`(${summary}) AS customers`))).toEqual([
      [0, 0, 0, 1],
      [0, 0, 7, 2],
      [1, 3, 7, 1],
    ]);
  });
});

describe("the data-quality pass", () => {
  it("counts each problem as CVA.RFMSUMMARY would name it, blank rows apart, and finds the date range", async () => {
    const path = db.file(
      "problems.csv",
      [
        "customer,date,amount",
        "a,2024-01-01,10",
        ",,",
        ",2024-01-02,5",
        "b,,5",
        "b,2024-02-30,5",
        "c,1899-12-01,5",
        "c,2024-01-03,",
        "c,2024-01-04,ten",
        "d,2024-01-09,1e400",
        "d,2024-01-05,7",
      ].join("\n")
    );
    const plan = csvPlan(path);
    const [row] = await db
      .engine()
      .rows(dataQualitySql(`(${checkedTransactionsSql(plan)})`, "2024-01-04"));
    expect(row).toEqual([10, 1, 1, 1, 2, 1, 2, "2024-01-01", "2024-01-05", 1]);
    const examples = await db.engine().rows(problemRowsSql(plan, 10));
    expect(examples.map((example) => example[0]).sort()).toEqual(
      [
        "badAmount",
        "badAmount",
        "badDate",
        "badDate",
        "missingAmount",
        "missingCustomer",
        "missingDate",
      ].sort()
    );
    expect(examples).toContainEqual(["badDate", "b", "2024-02-30", "5"]);
    // The counted summary leaves the same rows out (the blank one and the one after the as-of date too).
    const counted = `(${countedSummarySql(plan, { periodDays: 1, asOf: "2024-01-04" })}) AS counted`;
    expect(
      await db.engine().rows(`SELECT customer, frequency, left_out FROM ${counted} ORDER BY 1`)
    ).toEqual([
      ["a", 0, 0],
      ["b", -1, 2],
      ["c", -1, 3],
      ["d", -1, 2],
      [null, -1, 2],
    ]);
  });
});
