import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../src/cli/duckdbEngine";
import { CDNOW, rfmSummaryFunction } from "../core/scale/cdnowFixture";
import { expectSameSummary, summaryAsSerialsSql } from "../core/scale/sameSummary";
import { ROOT, runCva, spawnCva } from "./runCva";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "cva-cli-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

async function readSummary(file: string, reader: string) {
  const engine = await openEngine({ threads: 1 });
  try {
    return await engine.rows(summaryAsSerialsSql(`${reader}('${file}')`));
  } finally {
    engine.close();
  }
}

describe("cva summarise", () => {
  it("equals CVA.RFMSUMMARY on CDNOW_master for all 23,570 customers, every column, through the command line", async () => {
    const run = spawnCva(["summarise", CDNOW, "--out", path("cdnow.parquet")]);
    expect(run.stderr).toContain("23,570 customers from 69,659 transactions, as of 1998-06-30");
    expect(run.code).toBe(0);
    const rows = await readSummary(path("cdnow.parquet"), "read_parquet");
    expect(rows).toHaveLength(23570);
    expectSameSummary(rows, rfmSummaryFunction(1));
  }, 60000);

  it("does so in weeks too, written as CSV with the grouped pattern table beside it", async () => {
    const run = await runCva([
      "summarise",
      CDNOW,
      "--unit",
      "week",
      "--out",
      path("weeks.csv"),
      "--patterns",
      path("patterns.csv"),
    ]);
    expect(run.code).toBe(0);
    const expected = rfmSummaryFunction(7);
    expectSameSummary(await readSummary(path("weeks.csv"), "read_csv"), expected);
    const patterns = readFileSync(path("patterns.csv"), "utf8").trim().split("\n");
    expect(patterns[0]).toBe("frequency,recency,T,count");
    const counted = patterns.slice(1).reduce((sum, line) => sum + Number(line.split(",")[3]), 0);
    expect(counted).toBe(23570);
  }, 30000);

  it("gives the same summary in passes over shares of the customers, with the same pattern table", async () => {
    const run = await runCva([
      "summarise",
      CDNOW,
      "--passes",
      "3",
      "--temp",
      path("new-folder"),
      "--out",
      path("passes.parquet"),
      "--patterns",
      path("passes-patterns.csv"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/summarising, pass 3 of 3: done in \d/);
    const rows = await readSummary(path("passes.parquet"), "read_parquet");
    expect(rows).toHaveLength(23570);
    expectSameSummary(rows, rfmSummaryFunction(1));
    await runCva([
      "summarise",
      CDNOW,
      "--out",
      path("one-pass.csv"),
      "--patterns",
      path("one-pass-patterns.csv"),
    ]);
    expect(readFileSync(path("passes-patterns.csv"), "utf8")).toBe(
      readFileSync(path("one-pass-patterns.csv"), "utf8")
    );
    expect((await runCva(["summarise", CDNOW, "--passes", "0", "--out", path("x.csv")])).code).toBe(
      2
    );
  }, 60000);

  it("says which columns it used and writes progress to stderr only", async () => {
    const run = await runCva(["summarise", CDNOW, "--out", path("quiet.parquet")]);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      'columns: customer id "customer_id", date "date", amount "dollar_value"'
    );
    expect(run.stderr).toMatch(/summarising: done in \d/);
  }, 30000);
});

describe("cva summarise on bad input", () => {
  const csv = (name: string, lines: string[]) => {
    writeFileSync(path(name), lines.join("\n"));
    return path(name);
  };

  it("exits 3 naming the file it cannot read", async () => {
    const run = await runCva(["summarise", path("missing.csv"), "--out", path("x.parquet")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Cannot read .*missing\.csv/);
  });

  it("exits 3 naming a missing column and listing those the file has", async () => {
    const file = csv("orders.csv", ["client,day,paid", "A,2024-01-01,5"]);
    const run = await runCva(["summarise", file, "--id", "customer", "--out", path("x.parquet")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'No column "customer" (--id); the file has "client", "day", "paid".'
    );
  });

  it("exits 3 when the date column holds no dates, suggesting --date-format", async () => {
    const file = csv("nodates.csv", ["customer,date,amount", "A,soon,5", "B,later,6"]);
    const run = await runCva(["summarise", file, "--out", path("x.parquet")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      'Column "date" does not hold dates this can read (e.g. "soon", "later")'
    );
    expect(run.stderr).toContain("--date-format");
  });

  it("stops at bad rows with a report, or leaves them out with --skip-bad-rows", async () => {
    const good = [
      "A,2024-01-01,5",
      "A,2024-01-05,7",
      ...[1, 2, 3, 4, 5, 6].map((d) => `D,2024-02-0${d},1`),
    ];
    const file = csv("badrows.csv", [
      "customer,date,amount",
      ...good,
      "B,2024-02-30,6",
      "C,2024-01-02,n/a",
    ]);
    const strict = await runCva(["summarise", file, "--out", path("x.parquet")]);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain("2 of 10 rows cannot be used:");
    expect(strict.stderr).toContain('1 rows with a "date" that is not a date read as iso');
    expect(strict.stderr).toContain('customer "B", date "2024-02-30", amount "6"');
    expect(strict.stderr).toContain("--skip-bad-rows");

    const lenient = await runCva(["summarise", file, "--skip-bad-rows", "--out", path("ok.csv")]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain("2 of 10 rows cannot be used: left out");
    const written = readFileSync(path("ok.csv"), "utf8").trim().split("\n");
    expect(written[0]).toBe(
      "customer,frequency,recency,T,monetary,orders,total,first_purchase,last_purchase"
    );
    expect(written.slice(1).sort()).toEqual([
      "A,1,4,36,7.0,2,12.0,2024-01-01,2024-01-05",
      "D,5,5,5,1.0,6,6.0,2024-02-01,2024-02-06",
    ]);
  });

  it("reads dates in the format it is told, and leaves out what follows --as-of", async () => {
    const file = csv("us.csv", [
      "customer,date,amount",
      "A,01/02/2024,5",
      "A,01/05/2024,7",
      "B,03/01/2024,1",
    ]);
    const run = await runCva([
      "summarise",
      file,
      "--date-format",
      "%m/%d/%Y",
      "--as-of",
      "2024-02-01",
      "--out",
      path("us.csv.gz"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 transactions after 2024-02-01 left out");
    expect(run.stderr).toContain("1 customers from 2 transactions, as of 2024-02-01");
  });

  it("exits 2 for a bad command line", async () => {
    expect((await runCva(["summarise", CDNOW])).code).toBe(3);
    const unknown = await runCva(["summarise", CDNOW, "--out", path("x.parquet"), "--colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect((await runCva(["summarise", CDNOW, "--out", path("x.xlsx")])).code).toBe(2);
    expect(
      (await runCva(["summarise", CDNOW, "--out", path("x.csv"), "--unit", "month"])).code
    ).toBe(2);
    expect(
      (await runCva(["summarise", CDNOW, "--out", path("x.csv"), "--as-of", "2024-02-30"])).code
    ).toBe(2);
    expect((await runCva(["summarize-all"])).code).toBe(2);
  });
});

describe("cva --help", () => {
  it("works from the repository root through the package's bin entry", () => {
    const run = spawnCva(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("cva summarise <transactions> --out customers.parquet");
    expect(spawnCva(["summarise", "--help"]).stdout).toContain("--skip-bad-rows");
  }, 30000);
});
