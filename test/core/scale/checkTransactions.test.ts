import { checkTransactions, problemRows } from "../../../src/core/scale/checkTransactions";
import {
  checkedTransactionsSql,
  type TransactionPlan,
} from "../../../src/core/scale/customerSummarySql";
import type { DateReading } from "../../../src/core/scale/dateReading";
import { duckdbFixture } from "./duckdb";

const db = duckdbFixture();

function plan(
  path: string,
  dateReading: DateReading = { kind: "text", format: null }
): TransactionPlan {
  return {
    source: { kind: "csv", path },
    columns: { customer: "customer", date: "date", amount: "amount" },
    dateReading,
  };
}

const csv = (lines: string[]) => ["customer,date,amount", ...lines].join("\n");

describe("checkTransactions", () => {
  it("reads a CSV file typed when every amount and date reads, and counts its problems as the text read does", async () => {
    const path = db.file(
      "clean.csv",
      csv([
        "a,2024-01-01,10",
        ",,",
        ",2024-01-02,5",
        "b,,5",
        "c,1899-12-01,5",
        "c,2024-01-03,",
        "d,2024-01-09,inf",
        "d,2024-01-05 10:30,7",
      ])
    );
    const typed = await checkTransactions(db.engine(), plan(path));
    expect(typed.plan.typedRead).toBe(true);
    const text = await db
      .engine()
      .rows(`SELECT count(*) FROM (${checkedTransactionsSql(plan(path))})`);
    expect(typed.quality.rows).toBe(text[0][0]);
    expect(typed.quality.problems).toEqual({
      blank: 1,
      missingCustomer: 1,
      missingDate: 1,
      badDate: 1,
      missingAmount: 1,
      badAmount: 1,
    });
    expect([typed.quality.earliest, typed.quality.latest]).toEqual(["2024-01-01", "2024-01-05"]);
    // The examples show the values as written, not as the typed read parsed them.
    expect(await problemRows(db.engine(), typed.plan, 10)).toContainEqual({
      problem: "badDate",
      customer: "c",
      date: "1899-12-01",
      amount: "5",
    });
  });

  it("falls back to the text read when a value does not read, and reports it as a row", async () => {
    for (const [name, line, problem] of [
      ["bad-amount.csv", "b,2024-01-02,ten", "badAmount"],
      ["bad-date.csv", "b,2024-02-30,5", "badDate"],
    ] as const) {
      const path = db.file(name, csv(["a,2024-01-01,10", line]));
      const { quality, plan: used } = await checkTransactions(db.engine(), plan(path));
      expect(used.typedRead).toBeFalsy();
      expect(quality.rows).toBe(2);
      expect(quality.problems[problem]).toBe(1);
    }
  });

  it("reads each value typed as the text read does, or not at all", async () => {
    const dates = [
      "1997-01-01",
      "1997-1-1",
      " 1997-01-01",
      "1997-01-01 ",
      "1997-01-01T10:11:12",
      "1997-01-01 10:00:00+02",
      "1997/01/01",
      "19970101",
      "2024-02-30",
      "infinity",
      "1899-12-31",
    ];
    const amounts = [
      "12.5",
      " 12.5",
      "12.5 ",
      "1e3",
      "+3",
      "-0",
      ".5",
      "5.",
      "1e400",
      "nan",
      "inf",
      "0x10",
      "1_000",
      "$3",
      "12,5",
    ];
    const values = [
      ...dates.map((date) => ({ date, amount: "1" })),
      ...amounts.map((amount) => ({ date: "2024-01-01", amount: `"${amount}"` })),
    ];
    let readTyped = 0;
    for (const [i, { date, amount }] of values.entries()) {
      const path = db.file(`value-${i}.csv`, csv([`a,${date},${amount}`]));
      const read = (typedRead: boolean) =>
        db
          .engine()
          .rows(
            `SELECT CAST(purchase_date AS VARCHAR), amount, problem FROM (${checkedTransactionsSql({ ...plan(path), typedRead })})`
          );
      const text = await read(false);
      await read(true).then(
        (typed) =>
          expect({ value: [date, amount], typed }).toEqual({ value: [date, amount], typed: text }),
        () => readTyped--
      );
      readTyped++;
    }
    // Most values read typed; the others (e.g. 2024-02-30, 12,5) fail the typed scan and are read as text.
    expect(readTyped).toBeGreaterThanOrEqual(20);
  });

  it("reads Excel serial dates typed too", async () => {
    const path = db.file("serials.csv", csv(["a,35431,10", "a,35431.75,5", "b,0,1"]));
    const checked = await checkTransactions(db.engine(), plan(path, { kind: "serial" }));
    expect(checked.plan.typedRead).toBe(true);
    expect(checked.quality.problems.badDate).toBe(1);
    expect(checked.quality.latest).toBe("1997-01-01");
  });
});
