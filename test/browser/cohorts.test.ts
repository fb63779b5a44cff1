import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Browser, Page } from "playwright-core";
import { HEATMAP_COLOURS } from "../../src/core/cohorts/cohortsSheet";
import { printedRetentionTable } from "../sharing/cohortsHeatmap";
import {
  backgroundOf,
  gap,
  renderXlsx,
  rgbOf,
  TIMEOUT_MS,
  TOLERANCE,
} from "../sharing/libreoffice";
import {
  cellFill,
  cellText,
  chooseMethod,
  openWorkbench,
  rowTexts,
  segment,
  sheetTab,
  useData,
} from "./workbench";

/** The Cohorts method in the workbench, on the bundled Transactions sheet (2,357 CDNOW customers, 1997–98). */
describe("task pane: the Cohorts method on a transaction log", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("previews the cohorts, then writes the Cohorts sheet with the retention heatmap", async () => {
    await useData(page, "Transactions", "B3");
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await chooseMethod(page, "Cohorts", "cohorts");
    await expect(page.getByTestId("report-line").allTextContents()).resolves.toEqual([
      "3 cohorts, 2357 customers; pooled retention 45.9 %.",
      "Of the customers won in 1997-01, 16.4 % are projected to remain after 12 months.",
    ]);

    await segment(page);
    await sheetTab(page, "Cohorts").click();
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
    await sheetTab(page, "Customer summary").click();
    await expect(rowTexts(page, 1, "G", "H")).resolves.toEqual(["Cohort", "Retention status"]);
    await expect(
      rowTexts(page, 2, "A", "H").then((cells) => [cells[0], ...cells.slice(6)])
    ).resolves.toEqual(["C00010", "1997-01", "First period only"]);
    expect(errors).toEqual([]);
  });

  it(
    "downloads the workbook, and LibreOffice draws the heatmap as the workbench's grid shows it",
    async () => {
      // The rates and their colours in the grid: cohorts 1997-01 to 1997-03 in rows 14–16, periods 1–17 in C:S.
      await sheetTab(page, "Cohorts").click();
      const shown: { cohort: string; text: string; fill: string }[] = [];
      for (const row of [14, 15, 16]) {
        const cohort = (await cellText(page, `A${row}`)) as string;
        const texts = await rowTexts(page, row, "C", "S");
        for (const [k, text] of texts.entries()) {
          if (text === "") continue;
          const fill = await cellFill(page, `${String.fromCharCode(67 + k)}${row}`);
          shown.push({ cohort, text, fill: fill as string });
        }
      }
      expect(shown.length).toBe(17 + 16 + 15);
      expect(shown.map((cell) => cell.fill)).toEqual(
        expect.arrayContaining([HEATMAP_COLOURS.max, HEATMAP_COLOURS.min])
      );

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download .xlsx" }).click(),
      ]);
      const dir = mkdtempSync(join(tmpdir(), "cva-cohorts-browser-"));
      try {
        const xlsx = readFileSync((await download.path()) as string);
        const rendered = await renderXlsx(xlsx, dir, "workbench");
        const table = printedRetentionTable(rendered.words);
        const png = await rendered.page(table.page);
        const drawn = shown.map(({ cohort, text, fill }) => [
          `${cohort} ${text}`,
          gap(backgroundOf(png, table.rateCell(cohort, text)), rgbOf(fill)) <= TOLERANCE,
        ]);
        expect(drawn).toEqual(shown.map(({ cohort, text }) => [`${cohort} ${text}`, true]));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(errors).toEqual([]);
    },
    2 * TIMEOUT_MS
  );
});
