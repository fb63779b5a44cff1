import { join } from "node:path";
import { inspectSource, proposedColumns } from "../../../src/core/scale/inspectSource";
import { duckdbFixture } from "./duckdb";

const db = duckdbFixture();

describe("a first look at a transaction file", () => {
  it("reads CDNOW_master.txt as whitespace-separated columns with yyyymmdd dates", async () => {
    const path = join(__dirname, "..", "..", "..", "data", "CDNOW_master.txt");
    const inspection = await inspectSource(db.engine(), path);
    expect(inspection.source).toMatchObject({ kind: "whitespace", header: true });
    expect(inspection.columns.map((column) => column.name)).toEqual([
      "customer_id",
      "date",
      "number_of_cds",
      "dollar_value",
    ]);
    expect(proposedColumns(inspection)).toEqual({
      customer: "customer_id",
      date: "date",
      amount: "dollar_value",
    });
    expect(inspection.dateReadings[1]).toEqual([{ kind: "text", format: "%Y%m%d" }]);
    // The sample shows dates as Excel serials, as a sheet would: 1997-01-01 is 35431.
    expect(inspection.sample[1]).toEqual([1, 35431, 1, 11.77]);
  });

  it("detects Chinese headers and day/month/year dates, and says when they would read as month/day too", async () => {
    const path = db.file(
      "orders-zh.csv",
      [
        "客户编号,订单日期,支付金额",
        "C01,13/01/2024,12.5",
        "C02,02/02/2024,8",
        "C01,03/02/2024,20",
      ].join("\n")
    );
    const inspection = await inspectSource(db.engine(), path);
    expect(inspection.detected.kind).toBe("transactions");
    expect(proposedColumns(inspection)).toEqual({
      customer: "客户编号",
      date: "订单日期",
      amount: "支付金额",
    });
    expect(inspection.dateReadings[1]).toEqual([{ kind: "text", format: "%d/%m/%Y" }]);

    const ambiguous = db.file(
      "ambiguous.csv",
      "id,date,amount\nC1,01/02/2024,1\nC1,03/04/2024,2\n"
    );
    expect((await inspectSource(db.engine(), ambiguous)).dateReadings[1]).toEqual([
      { kind: "text", format: "%d/%m/%Y" },
      { kind: "text", format: "%m/%d/%Y" },
    ]);
  });

  it("takes ISO dates with times, Excel serial numbers and Parquet DATE columns as dates", async () => {
    const iso = db.file(
      "iso.csv",
      "who,when,paid\nA,2024-01-02 10:30:00,1\nB,2024-01-03T08:00:00,2\n"
    );
    expect((await inspectSource(db.engine(), iso)).dateReadings[1]).toEqual([
      { kind: "text", format: null },
    ]);
    const serials = db.file("serials.csv", "who,when,paid\nA,45293,1.5\nB,45294.25,2\n");
    const bySerial = await inspectSource(db.engine(), serials);
    expect(bySerial.dateReadings[1]).toEqual([{ kind: "serial" }]);
    // Amounts are not taken for days of 1900: a serial must fall within 1990–2100 to count as a date.
    expect(bySerial.dateReadings[2]).toEqual([]);

    const parquet = join(db.dir(), "orders.parquet");
    await db
      .engine()
      .run(
        `COPY (SELECT 'A' AS customer, DATE '2024-01-02' AS day, 3.5 AS amount) TO '${parquet}' (FORMAT parquet)`
      );
    const inspection = await inspectSource(db.engine(), parquet);
    expect(inspection.columns.map((column) => column.type)).toEqual([
      "VARCHAR",
      "DATE",
      "DECIMAL(2,1)",
    ]);
    expect(inspection.dateReadings[1]).toEqual([{ kind: "date" }]);
    expect(proposedColumns(inspection)).toEqual({
      customer: "customer",
      date: "day",
      amount: "amount",
    });
  });

  it("refuses a file type it cannot read", async () => {
    await expect(inspectSource(db.engine(), "orders.xlsx")).rejects.toThrow(/not a file type/);
  });
});
