import { Browser, Locator, Page, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium";

/** Where a test starts: the page's query (e.g. "?lang=zh-CN"), and the data chosen first (see useData). */
export interface WorkbenchStart {
  query?: string;
  sheet?: string;
  range?: string;
}

/**
 * Opens the workbench in Debian's Chromium, and chooses the data on a sheet when given one (useData); collects page
 * errors so a test can assert there were none.
 */
export async function openWorkbench({ query = "", sheet, range }: WorkbenchStart = {}): Promise<{
  browser: Browser;
  page: Page;
  errors: string[];
}> {
  const url = process.env.WORKBENCH_URL;
  if (!url)
    throw new Error("WORKBENCH_URL is not set: run browser tests through jest's browser project");
  const browser = await chromium.launch(chromiumLaunchOptions());
  // A context of its own, as axe's Playwright integration requires.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${url}${query}`);
  await page.locator('[data-cell="A1"]').waitFor();
  if (sheet !== undefined && range !== undefined) await useData(page, sheet, range);
  return { browser, page, errors };
}

/** A sheet's tab in the workbench (the pane's method tabs may bear the same name, as Cohorts does). */
export function sheetTab(page: Page, sheet: string): Locator {
  return page
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab", { name: sheet, exact: true });
}

/**
 * Chooses the data as a user does: on `sheet`, one cell ("C5") and Use current region, or a range ("A1:D22")
 * dragged and Use selection. `button` names the button in another language.
 */
export async function useData(
  page: Page,
  sheet: string,
  range: string,
  button?: string
): Promise<void> {
  await sheetTab(page, sheet).click();
  const [from, to] = range.split(":");
  if (to === undefined) await page.locator(`[data-cell="${from}"]`).click();
  else await dragSelect(page, from, to);
  await page
    .getByRole("button", {
      name: button ?? (to === undefined ? "Use current region" : "Use selection"),
    })
    .click();
}

/**
 * The user types values into a sheet from a cell (0-based row and column), as window.workbench lets a test: Excel's
 * rules for typed input apply.
 */
export async function typeCells(
  page: Page,
  sheet: string,
  row: number,
  column: number,
  values: (string | number)[][]
): Promise<void> {
  await page.evaluate(
    ({ sheet, row, column, values }) =>
      (
        window as unknown as { workbench: { applyWritePlan(plan: unknown): Promise<void> } }
      ).workbench.applyWritePlan({
        clear: [],
        values: [{ at: { sheet, row, column }, values }],
        fills: [],
        settings: {},
      }),
    { sheet, row, column, values }
  );
}

/** Drags from one cell to another with the mouse, as a user selects a range. */
export async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  await page.locator(`[data-cell="${from}"]`).hover();
  await page.mouse.down();
  await page.locator(`[data-cell="${to}"]`).hover();
  await page.mouse.up();
}

/** The text of a cell of the grid, as shown. */
export function cellText(page: Page, address: string): Promise<string | null> {
  return page.locator(`[data-cell="${address}"]`).textContent();
}

/** The fill a conditional format gives a grid cell ("#RRGGBB"), or null. */
export function cellFill(page: Page, address: string): Promise<string | null> {
  return page.locator(`[data-cell="${address}"]`).getAttribute("data-fill");
}

/** Texts of the cells of one grid row from one column letter to another (inclusive, single letters). */
export async function rowTexts(
  page: Page,
  row: number,
  from: string,
  to: string
): Promise<string[]> {
  const texts: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++)
    texts.push((await cellText(page, `${String.fromCharCode(c)}${row}`)) ?? "");
  return texts;
}

/** Chooses a method tab and waits until its preview is ready (the Segment button then writes that method). */
export async function chooseMethod(page: Page, tab: string, method: string): Promise<void> {
  await page.getByRole("tab", { name: tab, exact: true }).click();
  await page.locator(`[data-testid="preview-summary"][data-method="${method}"]`).waitFor();
}

/** Clicks Segment and waits for the success message. */
export async function segment(
  page: Page,
  name: RegExp = /^Segment [\d,]+ customers?$/
): Promise<void> {
  await page.getByRole("button", { name }).click();
  await page.getByTestId("segment-done").waitFor();
}
