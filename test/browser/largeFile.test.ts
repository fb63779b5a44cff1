import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Browser, Page } from "playwright-core";
import { parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import type { SqlValue } from "../../src/core/scale/sqlEngine";
import { RFM_SUMMARY_HEADERS } from "../../src/core/summary/rfmSummary";
import { rfmSummary as RFMSUMMARY } from "../../src/functions/summaryFunctions";
import { expectSameSummary } from "../core/scale/sameSummary";
import { openWorkbench } from "./workbench";

const CDNOW = join(__dirname, "..", "..", "data", "CDNOW_master.txt");

/** CVA.RFMSUMMARY on CDNOW_master, as the custom function spills it, in the shape expectSameSummary reads. */
function rfmSummaryFunction() {
  const cdnow = parseCdnowMaster(readFileSync(CDNOW, "utf8"));
  const column = <T>(values: T[]) => values.map((value) => [value]);
  const [, ...rows] = RFMSUMMARY(
    column(cdnow.customerId),
    column(cdnow.date),
    column(cdnow.amount)
  );
  const at = (k: number) => rows.map((row) => row[k] as number);
  return {
    customer: rows.map((row) => row[0] as string),
    frequency: at(1),
    recency: at(2),
    T: at(3),
    monetary: at(4),
    orders: at(5),
    total: at(6),
    firstPurchase: at(7),
    lastPurchase: at(8),
    asOfDate: 0,
    periodDays: 1,
    excludedTransactions: 0,
  };
}

describe("Summarise a large file (DuckDB-WASM in the workbench)", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("summarises CDNOW_master picked from disk exactly as CVA.RFMSUMMARY, into a sheet every method reads", async () => {
    await page.getByTestId("large-file-input").setInputFiles(CDNOW);
    const summarise = page.getByRole("button", { name: "Summarise", exact: true });
    await summarise.waitFor({ timeout: 60_000 });
    // The columns are proposed from the headers, as for a selected range.
    await expect(page.getByRole("combobox", { name: "Customer ID" }).textContent()).resolves.toBe(
      "customer_id"
    );
    await expect(page.getByText("Dates read as %Y%m%d.").isVisible()).resolves.toBe(true);
    await summarise.click();
    const done = page.getByTestId("large-file-done");
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain(
      "23,570 customers from 69,659 transactions (as of 1998-06-30) written to the sheet Customers (CDNOW_master)"
    );

    const sheet = await page.evaluate(() =>
      (
        window as unknown as { workbench: { readValues(r: object): Promise<SqlValue[][]> } }
      ).workbench.readValues({
        sheet: "Customers (CDNOW_master)",
        row: 0,
        column: 0,
        rowCount: 23571,
        columnCount: 9,
      })
    );
    expect(sheet[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    expectSameSummary(sheet.slice(1), rfmSummaryFunction());

    // The pane then reads the written table as its data, like a selected range.
    await page.getByTestId("selection-address").waitFor();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: 'Customers (CDNOW_master)'!A1:I23571"
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it("reports the rows it leaves out, and lets the columns be chosen again", async () => {
    const csv = [
      "客户编号,订单日期,支付金额",
      ...Array.from(
        { length: 12 },
        (_, i) => `C${i % 4},2024-01-${String(i + 1).padStart(2, "0")},${i + 1}`
      ),
      "C9,2024-02-30,5",
      ",2024-01-05,5",
    ].join("\n");
    await page.getByTestId("large-file-input").setInputFiles({
      name: "orders-zh.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    const summarise = page.getByRole("button", { name: "Summarise", exact: true });
    await summarise.waitFor({ timeout: 60_000 });
    await expect(page.getByRole("combobox", { name: "Date" }).textContent()).resolves.toBe(
      "订单日期"
    );
    await summarise.click();
    await page.getByTestId("large-file-done").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("large-file-done").textContent()).resolves.toContain(
      "4 customers from 12 transactions"
    );
    const quality = await page.getByTestId("large-file-quality").textContent();
    expect(quality).toContain("2 of 14 rows left out:");
    expect(quality).toContain("1 × no customer ID");
    expect(quality).toContain("1 × a date that cannot be read, or before 1900");
    expect(quality).toContain("customer C9, date 2024-02-30, amount 5");
  }, 120_000);
});
