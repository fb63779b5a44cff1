import { Browser, Page } from "playwright-core";
import {
  cellText,
  chooseMethod,
  openWorkbench,
  segment,
  sheetTab,
  typeCells,
  useData,
} from "./workbench";

// Issue #11, finding 5: dates as dates, the as-of date shown and settable, and a current region that says what it
// leaves out; finding 4's one rule for negative amounts: a refund in a transaction table is used as CVA.RFMSUMMARY
// uses it, and the report says so.

describe("data checks in the pane: dates, the as-of date, the current region", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
  });
  afterAll(async () => browser?.close());

  it("previews a date column as dates, not serial numbers", async () => {
    const preview = page.getByRole("table", { name: "First rows of the selection" });
    const firstRow = await preview
      .getByRole("row")
      .nth(1)
      .evaluate((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent));
    // C00010: first and last purchase 35451 (1997-01-21); recency, frequency and spend stay numbers.
    expect(firstRow).toEqual(["C00010", "1997-01-21", "1997-01-21", "526", "1", "39.31"]);
  });

  it("suggests the current region for a single selected cell, instead of taking it as a header", async () => {
    await page.locator('[data-cell="C5"]').click();
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByText("You selected one cell (Customers!C5).", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Use current region" }).last().click();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: Customers!A1:F2358"
    );
  });

  it("shows the as-of date, and a date set there gives the recency the Customers sheet has (526, not 525)", async () => {
    await useData(page, "Transactions", "B3");
    await expect(page.getByTestId("as-of-summary").textContent()).resolves.toBe(
      "As of 1998-06-30, the latest purchase in the data."
    );
    await chooseMethod(page, "RFM", "rfm");
    await segment(page);
    await sheetTab(page, "Customer summary").click();
    // C00010 bought on 1997-01-21 only: 525 days before the latest purchase, 1998-06-30.
    await expect(cellText(page, "D2")).resolves.toBe("525");
    // First and last purchase are written as dates (a date number format), not serials.
    await expect(cellText(page, "B2")).resolves.toBe("1997-01-21");
    await expect(cellText(page, "C2")).resolves.toBe("1997-01-21");

    await useData(page, "Transactions", "B3");
    await page.getByLabel("As of").fill("1998-07-01");
    await expect(page.getByTestId("as-of-summary").textContent()).resolves.toBe(
      "As of 1998-07-01, the date you set."
    );
    await chooseMethod(page, "RFM", "rfm");
    await segment(page);
    await sheetTab(page, "Customer summary").click();
    // Counted to the day after the last purchase, as the sample's Customers sheet was: one day more.
    await expect(cellText(page, "D2")).resolves.toBe("526");
    await sheetTab(page, "Customers").click();
    await expect(cellText(page, "D2")).resolves.toBe("526");
  });

  it("warns when data continues past the blank row ending the current region, and takes it in on request", async () => {
    await useData(page, "Bad data", "B3");
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: 'Bad data'!A1:D14"
    );
    const warning = page.getByTestId("rows-below");
    await expect(warning.textContent()).resolves.toContain(
      "7 more rows of data below the blank row 15: include them?"
    );
    await warning.getByRole("button", { name: "Include them" }).click();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: 'Bad data'!A1:D22"
    );
    await expect(page.getByTestId("rows-below").count()).resolves.toBe(0);
    await page
      .getByTestId("quality-report")
      .getByText("Bad data: 21 rows read, 14 used, 7 left out.")
      .waitFor();
    expect(errors).toEqual([]);
  });

  it("uses a negative amount in a transaction table as a refund, netted into its day, and says so", async () => {
    // Transactions!D3: C00020's first purchase becomes a refund of 100.
    await typeCells(page, "Transactions", 2, 3, [[-100]]);
    await useData(page, "Transactions", "B3");
    const report = page.getByTestId("quality-report");
    await report.getByText("Transactions: 6,787 rows read, 6,787 used, 0 left out.").waitFor();
    await expect(report.getByTestId("quality-refunds").textContent()).resolves.toBe(
      "1 negative amount is taken as a refund: it is netted into that day's spend, as CVA.RFMSUMMARY does."
    );
    const listed = await report
      .getByRole("table", { name: "Data problems on Transactions" })
      .getByRole("row")
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent))
      );
    expect(listed).toEqual([
      ["3", "Amount", "Negative amount: a refund", "Used: netted into that day's spend"],
    ]);
    expect(errors).toEqual([]);
  });
});
