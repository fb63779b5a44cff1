import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { tierPalette } from "../../src/core/segmentation/palette";
import { WARNING_FILL } from "../../src/core/sharing/changeColumn";
import { exportXlsx } from "../../src/workbench/exportXlsx";
import { segmentedSample } from "./sampleRun";

/**
 * What a colleague without the add-in sees: the workbench's export opened by LibreOffice (headless), printed to PDF
 * and rendered to PNG by poppler, then read back from the pixels. Positions come from the PDF's own text boxes
 * (pdftotext -bbox), colours from the rendered page. scripts/ensure-system-packages.sh installs soffice and
 * pdftoppm (npm test's pretest).
 */
const run = promisify(execFile);
const DPI = 60;
const PT_TO_PX = DPI / 72;
/** LibreOffice's first start builds its profile; a slow machine can take a minute. */
const TIMEOUT_MS = 150_000;

interface Word {
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
function backgroundOf(png: PNG, word: Word): [number, number, number] {
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

function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** The largest channel difference between two colours; rendering keeps fills within a few levels. */
function gap(actual: [number, number, number], expected: [number, number, number]): number {
  return Math.max(...actual.map((channel, i) => Math.abs(channel - expected[i])));
}
const TOLERANCE = 16;
const WHITE: [number, number, number] = [255, 255, 255];

describe("the exported workbook rendered by LibreOffice (no add-in)", () => {
  let dir: string;
  let words: Word[];
  let pages: Map<number, PNG>;
  let tierOf: Map<string, string>;
  let changeOf: Map<string, string | null>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cva-render-"));
    const { workbook, rows, result } = await segmentedSample();
    const ids = rows.slice(1).map((row) => String(row[0]));
    tierOf = new Map(ids.map((id, i) => [id, result.columns[0].values[i] as string]));
    changeOf = new Map(ids.map((id, i) => [id, result.columns[1].values[i] as string | null]));
    for (const [tool, version] of [
      ["soffice", "--version"],
      ["pdftoppm", "-v"],
    ])
      await run(tool, [version], { timeout: TIMEOUT_MS }).catch(() => {
        throw new Error(
          `${tool} is missing: run bash scripts/ensure-system-packages.sh (npm test does).`
        );
      });
    const xlsx = join(dir, "segmented.xlsx");
    writeFileSync(xlsx, await exportXlsx(workbook));
    // Its own HOME and profile: no clash with another soffice, nothing left behind.
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
        xlsx,
      ],
      { env, timeout: TIMEOUT_MS }
    );
    const pdf = join(dir, "segmented.pdf");
    await run("pdftotext", ["-bbox", pdf, join(dir, "words.html")], { timeout: TIMEOUT_MS });
    words = parseWords(readFileSync(join(dir, "words.html"), "utf8"));
    pages = new Map();
    for (const page of new Set(
      words.filter((word) => /^C\d{5}$/.test(word.text)).map((word) => word.page)
    )) {
      await run(
        "pdftoppm",
        ["-png", "-r", String(DPI), "-f", String(page), "-l", String(page), pdf, join(dir, "page")],
        {
          timeout: TIMEOUT_MS,
        }
      );
      const file = join(dir, `page-${page}.png`);
      pages.set(page, PNG.sync.read(readFileSync(file)));
    }
  }, TIMEOUT_MS);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The words on a customer's row, and the header words of its page, by column. */
  function rowOf(id: string) {
    const idWord = words.find((word) => word.text === id);
    if (!idWord) throw new Error(`${id} is not in the PDF`);
    const onPage = words.filter((word) => word.page === idWord.page);
    const line = onPage.filter((word) => Math.abs(word.yMin - idWord.yMin) < 2);
    // The first "Tier" header from the left is the output's column (the legend's comes after it).
    const header = (text: string) =>
      onPage.filter((word) => word.text === text).sort((a, b) => a.xMin - b.xMin)[0];
    const inColumn = (text: string) => {
      const column = header(text);
      return line.find((word) => Math.abs(word.xMin - column.xMin) < 6);
    };
    return { idWord, png: pages.get(idWord.page) as PNG, inColumn };
  }

  it("shows each tier's colour on the rows of that tier's customers", () => {
    const palette = tierPalette(3);
    ["High", "Medium", "Low"].forEach((tier, j) => {
      const customers = [...tierOf].filter(([, t]) => t === tier).map(([id]) => id);
      expect(customers.length).toBeGreaterThan(10);
      for (const id of [customers[0], customers[customers.length - 1]]) {
        const { idWord, png, inColumn } = rowOf(id);
        const tierWord = inColumn("Tier");
        expect(tierWord?.text).toBe(tier);
        expect(
          gap(backgroundOf(png, tierWord as Word), rgbOf(palette[j].fill))
        ).toBeLessThanOrEqual(TOLERANCE);
        // The id's own cell stays uncoloured: the colour follows the tier cell, row by row.
        expect(gap(backgroundOf(png, idWord), WHITE)).toBeLessThanOrEqual(TOLERANCE);
      }
    });
  });

  it("colours the legend's tiers with the same rules, each cell testing itself", () => {
    const palette = tierPalette(3);
    const page = Math.min(...words.map((word) => word.page));
    const onPage = words.filter((word) => word.page === page);
    const legendHeader = onPage
      .filter((word) => word.text === "Tier")
      .sort((a, b) => a.xMin - b.xMin)[1];
    expect(legendHeader).toBeDefined();
    const png = pages.get(page) as PNG;
    ["High", "Medium", "Low"].forEach((tier, j) => {
      const word = onPage.find(
        (w) =>
          w.text === tier && Math.abs(w.xMin - legendHeader.xMin) < 6 && w.yMin > legendHeader.yMin
      );
      expect(word).toBeDefined();
      expect(gap(backgroundOf(png, word as Word), rgbOf(palette[j].fill))).toBeLessThanOrEqual(
        TOLERANCE
      );
    });
  });

  it("shows flagged changes in the warning colour and other changes plain", () => {
    const flagged = [...changeOf].find(([, change]) => change?.startsWith("▼"));
    const risen = [...changeOf].find(([, change]) => change?.startsWith("▲"));
    expect(flagged && risen).toBeTruthy();
    const warningRow = rowOf((flagged as [string, string])[0]);
    const warning = warningRow.inColumn("Change") as Word;
    expect(warning.text).toBe("▼");
    expect(
      gap(backgroundOf(warningRow.png, warning), rgbOf(WARNING_FILL.fill))
    ).toBeLessThanOrEqual(TOLERANCE);
    const rise = rowOf((risen as [string, string])[0]);
    expect(gap(backgroundOf(rise.png, rise.inColumn("Change") as Word), WHITE)).toBeLessThanOrEqual(
      TOLERANCE
    );
  });
});
