/**
 * `npx tsx scripts/screenshots.ts`: builds the workbench, segments the CDNOW sample in the real task pane (Debian's
 * Chromium through playwright-core, as the browser tests do) and saves the README's screenshots:
 * docs/screenshots/taskpane-en.png (light theme) and docs/screenshots/taskpane-zh-CN.png.
 * `--no-build` reuses dist-workbench/. Chinese text needs a CJK font: on Debian, apt-get install fonts-noto-cjk.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Page, chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../test/browser/chromium";
import { buildWorkbench, serveWorkbench } from "./workbenchHost";

const root = join(__dirname, "..");
const out = join(root, "docs", "screenshots");
const VIEWPORT = { width: 1760, height: 1000 };
/** The workbench grid's column width: the grid is scrolled to show the data's last columns beside the results. */
const GRID_COLUMN_WIDTH = 112;

const shots = [
  { file: "taskpane-en.png", query: "", currentRegion: "Use current region", segment: /^Segment / },
  {
    file: "taskpane-zh-CN.png",
    query: "?lang=zh-CN",
    currentRegion: "使用当前区域",
    segment: /^细分 /,
  },
];

function hasChineseFont(): boolean {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
}

async function segmentSample(page: Page, shot: (typeof shots)[number]): Promise<void> {
  await page.locator('[data-cell="C5"]').click();
  await page.getByRole("button", { name: shot.currentRegion }).click();
  await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
  await page.getByRole("button", { name: shot.segment }).click();
  await page.getByTestId("segment-done").waitFor();
  // The data's last columns, the results and the legend side by side; the pane at its method and preview.
  await page
    .locator(".grid-viewport")
    .evaluate((grid, left) => (grid.scrollLeft = left), 4 * GRID_COLUMN_WIDTH);
  await page.locator("#method-heading").evaluate((heading) => {
    heading.scrollIntoView();
    const pane = heading.closest(".workbench-pane");
    if (pane) pane.scrollTop -= 12;
  });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) buildWorkbench("inherit");
  if (!hasChineseFont())
    console.warn("No Chinese font found: install one (Debian: apt-get install fonts-noto-cjk).");
  mkdirSync(out, { recursive: true });
  const { url, server } = await serveWorkbench();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "light" });
      const page = await context.newPage();
      await page.goto(`${url}${shot.query}`);
      await page.locator('[data-cell="A1"]').waitFor();
      await segmentSample(page, shot);
      await page.screenshot({ path: join(out, shot.file) });
      console.log(`Saved docs/screenshots/${shot.file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
