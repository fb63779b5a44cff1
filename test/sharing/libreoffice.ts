import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";

/**
 * What a colleague without the add-in sees: the workbench's export opened by LibreOffice (headless), printed to PDF
 * and rendered to PNG by poppler, then read back from the pixels. Positions come from the PDF's own text boxes
 * (pdftotext -bbox), colours from the rendered page. scripts/ensure-system-packages.sh installs soffice and
 * pdftoppm (npm test's pretest).
 */
export const run = promisify(execFile);
const DPI = 60;
const PT_TO_PX = DPI / 72;
/** LibreOffice's first start builds its profile; a slow machine can take a minute. */
export const TIMEOUT_MS = 150_000;

export interface Word {
  text: string;
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of `pdftotext -bbox` output, with their page (1-based) and box in points from the top left. */
function parseWords(html: string): Word[] {
  const words: Word[] = [];
  html
    .split("<page ")
    .slice(1)
    .forEach((page, i) => {
      for (const match of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
      ))
        words.push({
          page: i + 1,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
          text: match[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
        });
    });
  return words;
}

/** The commonest colour inside a box: the cell's background, since a word's thin glyphs cover less of it. */
export function backgroundOf(png: PNG, word: Word): [number, number, number] {
  const counts = new Map<number, number>();
  const x0 = Math.ceil(word.xMin * PT_TO_PX);
  const x1 = Math.floor(word.xMax * PT_TO_PX);
  const y0 = Math.ceil(word.yMin * PT_TO_PX);
  const y1 = Math.floor(word.yMax * PT_TO_PX);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = (y * png.width + x) * 4;
      const rgb = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
      counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
    }
  const [rgb] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return [rgb >> 16, (rgb >> 8) & 255, rgb & 255];
}

export function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** The largest channel difference between two colours; rendering keeps fills within a few levels. */
export function gap(actual: [number, number, number], expected: [number, number, number]): number {
  return Math.max(...actual.map((channel, i) => Math.abs(channel - expected[i])));
}
export const TOLERANCE = 16;
export const WHITE: [number, number, number] = [255, 255, 255];

/**
 * An .xlsx file as LibreOffice prints it: converted to PDF headless (its own HOME and profile in `dir`: no clash
 * with another soffice, nothing left behind), its words with their boxes, and a page rendered to PNG on demand.
 */
export async function renderXlsx(
  xlsx: Uint8Array,
  dir: string,
  name: string
): Promise<{ words: Word[]; page: (page: number) => Promise<PNG> }> {
  for (const [tool, version] of [
    ["soffice", "--version"],
    ["pdftoppm", "-v"],
  ])
    await run(tool, [version], { timeout: TIMEOUT_MS }).catch(() => {
      throw new Error(
        `${tool} is missing: run bash scripts/ensure-system-packages.sh (npm test does).`
      );
    });
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, xlsx);
  const env = { ...process.env, HOME: join(dir, "home") };
  await run(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ],
    { env, timeout: TIMEOUT_MS }
  );
  const pdf = join(dir, `${name}.pdf`);
  await run("pdftotext", ["-bbox", pdf, join(dir, `${name}.html`)], { timeout: TIMEOUT_MS });
  const words = parseWords(readFileSync(join(dir, `${name}.html`), "utf8"));
  const page = async (number: number) => {
    const prefix = join(dir, `${name}-page-${number}`);
    await run(
      "pdftoppm",
      ["-png", "-singlefile", "-r", String(DPI), "-f", String(number), pdf, prefix],
      { timeout: TIMEOUT_MS }
    );
    return PNG.sync.read(readFileSync(`${prefix}.png`));
  };
  return { words, page };
}
