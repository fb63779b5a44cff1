import { Browser, Page } from "playwright-core";
import { HEATMAP_COLOURS } from "../../src/core/cohorts/cohortsSheet";
import { cellFill, cellText, chooseMethod, openWorkbench, rowTexts, segment } from "./workbench";

/** The Cohorts method in the workbench, on the bundled Transactions sheet (2,357 CDNOW customers, 1997–98). */
describe("task pane: the Cohorts method on a transaction log", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  const sheetTab = (name: string) =>
    page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });

  it("previews the cohorts, then writes the Cohorts sheet with the retention heatmap", async () => {
    await sheetTab("Transactions").click();
    await page.locator('[data-cell="B3"]').click();
    await page.getByRole("button", { name: "Use current region" }).click();
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await chooseMethod(page, "Cohorts", "cohorts");
    await expect(page.getByTestId("report-line").allTextContents()).resolves.toEqual([
      "3 cohorts, 2357 customers; pooled retention 45.9 %.",
      "Of the customers won in 1997-01, 16.4 % are projected to remain after 12 months.",
    ]);

    await segment(page);
    await sheetTab("Cohorts").click();
    await expect(cellText(page, "A1")).resolves.toBe(
      "Cohorts by month: customers won and how many still buy"
    );
    await expect(cellText(page, "A3")).resolves.toBe(
      "All cohorts together: 45.9 % of the customers won still bought in the month after."
    );
    await expect(rowTexts(page, 7, "A", "D")).resolves.toEqual(["Cohort", "Customers", "1", "2"]);
    await expect(rowTexts(page, 8, "A", "D")).resolves.toEqual(["1997-01", "790", "375", "345"]);
    // Retention: January's first month the highest rate, its seventeenth the lowest.
    await expect(rowTexts(page, 14, "A", "C")).resolves.toEqual(["1997-01", "790", "47.5"]);
    await expect(cellFill(page, "C14")).resolves.toBe(HEATMAP_COLOURS.max);
    await expect(cellText(page, "S14")).resolves.toBe("6.1");
    await expect(cellFill(page, "S14")).resolves.toBe(HEATMAP_COLOURS.min);
    await expect(cellFill(page, "B14")).resolves.toBeNull();

    // Each customer's cohort and status beside the customer summary.
    await sheetTab("Customer summary").click();
    await expect(rowTexts(page, 1, "G", "H")).resolves.toEqual(["Cohort", "Retention status"]);
    await expect(
      rowTexts(page, 2, "A", "H").then((cells) => [cells[0], ...cells.slice(6)])
    ).resolves.toEqual(["C00010", "1997-01", "First period only"]);
    expect(errors).toEqual([]);
  });
});
