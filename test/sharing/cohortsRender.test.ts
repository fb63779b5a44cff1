/**
 * The Cohorts sheet as a colleague without the add-in sees it: planned by the Cohorts method on the workbench's
 * bundled Transactions sheet, exported as .xlsx by the workbench, printed by LibreOffice and read back from the
 * pixels. The retention heatmap is an Excel colour scale in the file, so LibreOffice draws it itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PNG } from "pngjs";
import { HEATMAP_COLOURS } from "../../src/core/cohorts/cohortsSheet";
import type { WritePlan } from "../../src/core/workbook/workbookPort";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { readSelection } from "../../src/taskpane/flow/readSelection";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { createI18n } from "../../src/taskpane/i18n";
import type { MethodSettings } from "../../src/taskpane/methods/registry";
import { exportXlsx } from "../../src/workbench/exportXlsx";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { TRANSACTIONS, sampleSelection, tierNames } from "../taskpane/sample";
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

/** The Cohorts sheet's plan, as the pane makes it on the Transactions sheet (months, first run). */
async function cohortsSheetPlan(): Promise<WritePlan> {
  const i18n = createI18n("en-US");
  const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
  const { workbook } = await sampleSelection(TRANSACTIONS);
  const data = await readSelection(workbook, "selection");
  const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
    type: "loaded",
    data,
  });
  const segmented = await runSegmentation(
    state.table as CustomerTable,
    "cohorts",
    state.settings as MethodSettings,
    t
  );
  return (segmented.report as NonNullable<typeof segmented.report>).plan(null, "en-US").plan;
}

describe("the Cohorts sheet rendered by LibreOffice (no add-in)", () => {
  let dir: string;
  let words: Word[];
  let png: PNG;
  let rates: number[][];
  /** The workbench's colour of each rate cell (MemoryWorkbook.fillAt, Excel's rule). */
  let fills: string[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cva-cohorts-"));
    const plan = await cohortsSheetPlan();
    const workbook = new MemoryWorkbook({ Cohorts: [] });
    await workbook.applyWritePlan(plan);
    const [scale] = plan.colorScales ?? [];
    rates = Array.from({ length: scale.area.rowCount }, (_, r) =>
      Array.from(
        { length: scale.area.columnCount },
        (_, c) => workbook.cell("Cohorts", scale.area.row + r, scale.area.column + c) as number
      )
    );
    fills = rates.map((cells, r) =>
      cells.map(
        (_, c) =>
          workbook.fillAt("Cohorts", scale.area.row + r, scale.area.column + c)?.fill ?? "#FFFFFF"
      )
    );
    const rendered = await renderXlsx(await exportXlsx(workbook), dir, "cohorts");
    words = rendered.words;
    png = await rendered.page(1);
  }, TIMEOUT_MS);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The cell's background left of a number: numbers stand at the right of their cells, and at this resolution a
   * number's own box is mostly glyph.
   */
  function besideText(word: Word): Word {
    return {
      ...word,
      xMin: word.xMin - 8,
      xMax: word.xMin - 1,
      yMin: word.yMin + 1,
      yMax: word.yMax - 1,
    };
  }

  /** The words of the retention table: below its title, above the fits table's. */
  function rateWords(): Word[] {
    const top = words.find((word) => word.text === "Retention:") as Word;
    const bottom = words.find((word) => word.text === "Shifted-beta-geometric") as Word;
    expect(top && bottom).toBeTruthy();
    return words.filter(
      (word) => word.page === 1 && word.yMin > top.yMax && word.yMax < bottom.yMin
    );
  }

  it("draws the highest retention in the scale's blue, the lowest in its orange, every rate as the workbench does", () => {
    const numbers = rates.flat().filter((value) => typeof value === "number");
    const sorted = [...numbers].sort((a, b) => a - b);
    const [lowest, highest] = [sorted[0], sorted[sorted.length - 1]];
    const inTable = rateWords();
    const cellOf = (value: number) =>
      besideText(inTable.find((word) => word.text === String(value)) as Word);
    expect(gap(backgroundOf(png, cellOf(highest)), rgbOf(HEATMAP_COLOURS.max))).toBeLessThanOrEqual(
      TOLERANCE
    );
    expect(gap(backgroundOf(png, cellOf(lowest)), rgbOf(HEATMAP_COLOURS.min))).toBeLessThanOrEqual(
      TOLERANCE
    );
    // Every rate as the workbench draws it (Excel's rule: linear blends either side of the 50th percentile).
    const cohorts = ["1997-01", "1997-02", "1997-03"].map(
      (label) => inTable.find((word) => word.text === label) as Word
    );
    let compared = 0;
    rates.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (typeof value !== "number") return;
        const word = inTable.find(
          (w) => w.text === String(value) && Math.abs(w.yMin - cohorts[r].yMin) < 2
        ) as Word;
        const drawn = gap(backgroundOf(png, besideText(word)), rgbOf(fills[r][c]));
        expect([value, drawn <= TOLERANCE]).toEqual([value, true]);
        compared++;
      })
    );
    expect(compared).toBe(17 + 16 + 15);
  });

  it("leaves the cohort names and sizes beside the heatmap uncoloured", () => {
    const inTable = rateWords();
    for (const label of ["1997-01", "790"])
      expect(
        gap(backgroundOf(png, inTable.find((word) => word.text === label) as Word), WHITE)
      ).toBeLessThanOrEqual(TOLERANCE);
  });
});
