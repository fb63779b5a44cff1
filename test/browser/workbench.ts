import { Browser, Page, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium";

/** Opens the workbench in Debian's Chromium; collects page errors so a test can assert there were none. */
export async function openWorkbench(
  query = ""
): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const url = process.env.WORKBENCH_URL;
  if (!url)
    throw new Error("WORKBENCH_URL is not set: run browser tests through jest's browser project");
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${url}${query}`);
  await page.locator('[data-cell="A1"]').waitFor();
  return { browser, page, errors };
}

/** Drags from one cell to another with the mouse, as a user selects a range. */
export async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  await page.locator(`[data-cell="${from}"]`).hover();
  await page.mouse.down();
  await page.locator(`[data-cell="${to}"]`).hover();
  await page.mouse.up();
}
