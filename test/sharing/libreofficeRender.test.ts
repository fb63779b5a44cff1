import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { tierPalette } from "../../src/core/segmentation/palette";
import { WARNING_FILL } from "../../src/core/sharing/changeColumn";
import { exportXlsx } from "../../src/workbench/exportXlsx";
import {
  backgroundOf,
  gap,
  renderXlsx,
  rgbOf,
  TIMEOUT_MS,
  TOLERANCE,
  WHITE,
  type Word,
} from "./libreoffice";
import { segmentedSample } from "./sampleRun";

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
    const rendered = await renderXlsx(await exportXlsx(workbook), dir, "segmented");
    words = rendered.words;
    pages = new Map();
    for (const page of new Set(
      words.filter((word) => /^C\d{5}$/.test(word.text)).map((word) => word.page)
    ))
      pages.set(page, await rendered.page(page));
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
