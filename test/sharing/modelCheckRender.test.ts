/**
 * The Model check sheet as a colleague without the add-in sees it: the backtest on CDNOW_master (calibration to
 * 1997-09-30, holdout to 1998-06-30) planned as the pane plans it, exported as .xlsx by the workbench, printed by
 * LibreOffice and read back from the pixels. The winner's row is a conditional format naming the model, so
 * LibreOffice applies it itself.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PNG } from "pngjs";
import { excelSerial, parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { errorText, isCvaError } from "../../src/core/errors";
import { checkModels, type ModelCheck } from "../../src/core/holdout/modelCheck";
import { BEST_MODEL_FILL, planModelCheckSheet } from "../../src/core/holdout/modelCheckSheet";
import { renderMessage } from "../../src/core/messages/render";
import { createI18n } from "../../src/taskpane/i18n";
import { exportXlsx } from "../../src/workbench/exportXlsx";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
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

describe("the Model check sheet rendered by LibreOffice (no add-in)", () => {
  let dir: string;
  let words: Word[];
  let page: (number: number) => Promise<PNG>;
  let check: ModelCheck;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cva-model-check-"));
    const master = parseCdnowMaster(
      readFileSync(resolve(__dirname, "../../data/CDNOW_master.txt"), "utf8")
    );
    check = checkModels(master.customerId, master.date, master.amount, {
      calibrationEnd: excelSerial(1997, 9, 30),
      observationEnd: excelSerial(1998, 6, 30),
    });
    const i18n = createI18n("en-US");
    const plan = planModelCheckSheet({
      check,
      translate: (key, options) => i18n.t(key, options),
      describe: (message) =>
        isCvaError(message) ? errorText(message, "en-US") : renderMessage(message, "en-US"),
    });
    const workbook = new MemoryWorkbook({});
    await workbook.applyWritePlan(plan);
    const rendered = await renderXlsx(await exportXlsx(workbook), dir, "model-check");
    words = rendered.words;
    page = rendered.page;
    // The backtest itself (three fits on 23,570 customers) comes before LibreOffice's own conversion time.
  }, 2 * TIMEOUT_MS);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Each model's name in the scores table, and the MAE printed on its row (on page 1, or wherever it fell). */
  function scoreRow(displayName: string): { name: Word; mae: Word } {
    const score = check.models.find((model) => model.displayName === displayName)!;
    const printed = String(Math.round(score.mae * 1e4) / 1e4);
    // The name in column A (not in the verdict above), with the MAE on its row.
    for (const name of words.filter((word) => word.page === 1 && word.text === displayName)) {
      const mae = words.find(
        (word) => word.text === printed && Math.abs(word.yMin - name.yMin) < 2
      );
      if (mae) return { name, mae };
    }
    throw new Error(`${displayName}'s MAE ${printed} is not printed on its row`);
  }

  it("prints every model's holdout MAE on its row, and the verdict", () => {
    for (const model of check.models) expect(scoreRow(model.displayName).mae.page).toBe(1);
    const verdict = renderMessage(check.verdict, "en-US").split(" ").slice(0, 5).join(" ");
    const line = words
      .filter((word) => word.page === 1)
      .map((word) => word.text)
      .join(" ");
    expect(line).toContain(verdict);
  });

  it(
    "fills the winning model's row in the winner's green and leaves the others white",
    async () => {
      for (const model of check.models) {
        const { mae } = scoreRow(model.displayName);
        const png = await page(mae.page);
        const beside = {
          ...mae,
          xMin: mae.xMin - 8,
          xMax: mae.xMin - 1,
          yMin: mae.yMin + 1,
          yMax: mae.yMax - 1,
        };
        const expected = model.id === check.best ? rgbOf(BEST_MODEL_FILL) : WHITE;
        expect([model.id, gap(backgroundOf(png, beside), expected) <= TOLERANCE]).toEqual([
          model.id,
          true,
        ]);
      }
    },
    TIMEOUT_MS
  );
});
