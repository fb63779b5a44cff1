import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { Browser, Page } from "playwright-core";
import type { SqlValue } from "../../src/core/scale/sqlEngine";
import { RFM_SUMMARY_HEADERS } from "../../src/core/summary/rfmSummary";
import { CDNOW, cdnowParquet, rfmSummaryFunction } from "../core/scale/cdnowFixture";
import { expectSameSummary } from "../core/scale/sameSummary";
import { openWorkbench } from "./workbench";

describe("Summarise a large file (DuckDB-WASM in the workbench)", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  /** Picks `file`, summarises it with the proposed columns and checks the sheet against CVA.RFMSUMMARY. */
  async function expectCdnowSummary(file: string, sheet: string, dates: string): Promise<void> {
    await page.getByTestId("large-file-input").setInputFiles(file);
    const summarise = page.getByRole("button", { name: "Summarise", exact: true });
    await summarise.waitFor({ timeout: 60_000 });
    // The columns are proposed from the headers, as for a selected range.
    const largeFile = page.getByRole("region", { name: "Summarise a large file" });
    await expect(
      largeFile.getByRole("combobox", { name: "Customer ID" }).textContent()
    ).resolves.toBe("customer_id");
    await expect(largeFile.getByText(`Dates read as ${dates}.`).isVisible()).resolves.toBe(true);
    await summarise.click();
    const done = page.getByTestId("large-file-done");
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain(
      `23,570 customers from 69,659 transactions (as of 1998-06-30) written to the sheet ${sheet}`
    );
    const values = await page.evaluate(
      (name) =>
        (
          window as unknown as { workbench: { readValues(r: object): Promise<SqlValue[][]> } }
        ).workbench.readValues({ sheet: name, row: 0, column: 0, rowCount: 23571, columnCount: 9 }),
      sheet
    );
    expect(values[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    expectSameSummary(values.slice(1), rfmSummaryFunction());
  }

  it("summarises CDNOW_master picked from disk exactly as CVA.RFMSUMMARY, into a sheet every method reads", async () => {
    await expectCdnowSummary(CDNOW, "Customers (CDNOW_master)", "%Y%m%d");
    // The pane then reads the written table as its data, like a selected range.
    await page.getByTestId("selection-address").waitFor();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: 'Customers (CDNOW_master)'!A1:I23571"
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it("summarises CDNOW_master as Parquet (zstd, several row groups) exactly as CVA.RFMSUMMARY", async () => {
    const parquet = await cdnowParquet();
    try {
      await expectCdnowSummary(parquet, "Customers (cdnow)", "date");
      expect(errors).toEqual([]);
    } finally {
      rmSync(dirname(parquet), { recursive: true, force: true });
    }
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
