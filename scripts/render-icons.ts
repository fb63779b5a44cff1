/**
 * Renders assets/icon.svg to the PNG sizes the manifest and Office need (16, 32, 64, 80, 128 px) with Debian's
 * Chromium. Run after editing the SVG: `npx tsx scripts/render-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../test/browser/chromium";

async function main(): Promise<void> {
  const assets = join(__dirname, "..", "assets");
  const svg = readFileSync(join(assets, "icon.svg"), "utf8");
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const size of [16, 32, 64, 80, 128]) {
      const page = await browser.newPage({
        viewport: { width: size, height: size },
        deviceScaleFactor: 1,
      });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('width="64" height="64"', `width="${size}" height="${size}"`)}</body></html>`
      );
      await page.screenshot({
        path: join(assets, `icon-${size}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
