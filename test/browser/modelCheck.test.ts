import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Browser, Page } from "playwright-core";
import { excelSerial, parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { checkModels } from "../../src/core/holdout/modelCheck";
import { BEST_MODEL_FILL } from "../../src/core/holdout/modelCheckSheet";
import { renderMessage } from "../../src/core/messages/render";
import type { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
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

/**
 * "Check the model" in the workbench on CDNOW_master (69,659 transactions of 23,570 customers), pasted into a sheet
 * of its own: calibration to 1997-09-30, holdout to 1998-06-30, as lifetimes' documentation splits it.
 */
const master = parseCdnowMaster(
  readFileSync(resolve(__dirname, "../../data/CDNOW_master.txt"), "utf8")
);
const [calibrationEnd, observationEnd] = [excelSerial(1997, 9, 30), excelSerial(1998, 6, 30)];

describe("task pane: Check the model on CDNOW_master", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
    // Each step on 69,659 transactions (summary, preview, run) takes seconds, more on a shared machine.
    page.setDefaultTimeout(240_000);
    const rows = [
      ["customer_id", "date", "dollar_value"],
      ...master.customerId.map((id, i) => [id, master.date[i], master.amount[i]]),
    ];
    await page.evaluate(async (values) => {
      const workbench = (window as unknown as { workbench: MemoryWorkbook }).workbench;
      await workbench.applyWritePlan({
        sheets: [{ name: "CDNOW_master" }],
        clear: [],
        values: [{ at: { sheet: "CDNOW_master", row: 0, column: 0 }, values }],
        fills: [],
        settings: {},
      });
      workbench.formatAsDate("CDNOW_master", 1);
    }, rows);
  });
  afterAll(async () => browser?.close());

  it("fits the three models on the calibration period and writes the Model check sheet with its verdict", async () => {
    const expected = checkModels(master.customerId, master.date, master.amount, {
      calibrationEnd,
      observationEnd,
    });
    await useData(page, "CDNOW_master", "B3");
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await chooseMethod(page, "Check the model", "modelCheck");
    // The default holdout is the last third of 1997-01-01 … 1998-06-30; set lifetimes' split instead.
    await page.getByTestId("calibration-end").fill("1997-09-30");
    await page.getByTestId("observation-end").fill("1998-06-30");
    const best = expected.models.find((model) => model.id === expected.best)!;
    // The preview reruns the check for the new dates: wait for its line rather than read the previous one.
    const line = `23570 customers in the calibration period, 19684 repeat purchases in the holdout; predicts best: ${best.displayName} (MAE ${Number(best.mae.toPrecision(3))}).`;
    await page.getByTestId("report-line").filter({ hasText: line }).waitFor();

    await segment(page);
    await sheetTab(page, "Model check").click();
    await expect(cellText(page, "A2")).resolves.toBe(renderMessage(expected.verdict, "en-US"));
    await expect(rowTexts(page, 8, "A", "C")).resolves.toEqual(["Model", "LL", "AIC"]);
    for (const [m, model] of expected.models.entries()) {
      const row = 9 + m;
      await expect(cellText(page, `A${row}`)).resolves.toBe(model.displayName);
      await expect(cellText(page, `E${row}`)).resolves.toBe(
        String(Math.round(model.mae * 1e4) / 1e4)
      );
      await expect(cellText(page, `H${row}`)).resolves.toBe("19684");
      await expect(cellFill(page, `A${row}`)).resolves.toBe(
        model.id === expected.best ? BEST_MODEL_FILL : null
      );
    }

    // Beside each customer of the summary: holdout purchases made and predicted, and the holdout status.
    await sheetTab(page, "Customer summary").click();
    await expect(rowTexts(page, 1, "G", "I")).resolves.toEqual([
      "Holdout purchases",
      `Predicted holdout purchases (${best.displayName})`,
      "Holdout",
    ]);
    const first = await cellText(page, "A2");
    const k = expected.perCustomer.customer.findIndex((id) => String(id) === first);
    expect(k).toBeGreaterThanOrEqual(0);
    await expect(cellText(page, "G2")).resolves.toBe(String(expected.perCustomer.actual[k]));
    await expect(cellText(page, "I2")).resolves.toBe(
      expected.perCustomer.actual[k] > 0 ? "Bought in holdout" : "No holdout purchase"
    );
    expect(errors).toEqual([]);
    // 69,659 transactions summarised, three models fitted twice (preview and run) on a shared 2-core machine.
  }, 600_000);
});
