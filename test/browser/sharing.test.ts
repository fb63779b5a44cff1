import type { CellValue } from "../../src/core/cells";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { Browser, Page } from "playwright-core";
import { ANALYSES_KEY } from "../../src/taskpane/flow/runStore";
import { checkConfig } from "../../src/taskpane/flow/storedConfig";
import { parseStoreRows, STORE_SHEET } from "../../src/core/sharing/workbookStore";
import {
  cellFill,
  cellText,
  chooseMethod,
  openWorkbench,
  rowTexts,
  segment,
  useData,
} from "./workbench";

// Several segmentations of the 2,357-customer sample in a real browser on two shared cores.

/** The page's MemoryWorkbook (src/workbench/index.tsx puts it on window). */
type Workbench = {
  applyWritePlan(plan: unknown): Promise<void>;
  cell(sheet: string, row: number, column: number): CellValue;
  setFormula(
    at: { sheet: string; row: number; column: number },
    formula: string,
    spill?: { rowCount: number; columnCount: number }
  ): void;
  formulaAt(sheet: string, row: number, column: number): string | null;
  sheetNames(): string[];
};

/** axe on the pane (and any dialog it opened), as the task pane tests run it. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(".workbench-pane")
    .include("[role=alertdialog]")
    .exclude("[data-tabster-dummy]")
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`
  );
}

async function reopenPane(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Reopen pane" }).click();
  await page.getByRole("button", { name: "Use selection" }).waitFor();
}

describe("sharing: runs kept in the workbook, compared, restored and exported", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  /** Sheet row (1-based) of a customer in the top tier of the first run. */
  let topRow: number;

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("a first run keeps its configuration and snapshot, and writes the Segment summary sheet", async () => {
    await useData(page, "Customers", "C5");
    await chooseMethod(page, "Value tiers", "tiers");
    // Keep 5 runs: a setting that must come back when the pane is opened again.
    const keepRuns = page.getByRole("spinbutton", { name: "Runs to keep in the workbook" });
    await keepRuns.fill("5");
    await keepRuns.press("Tab");
    await segment(page);
    await page.getByTestId("changes-first-run").waitFor();
    // H is kept for the Change column, so the legend in J stays put when it appears.
    await expect(rowTexts(page, 1, "G", "J")).resolves.toEqual(["Tier", "", "", "Tier"]);
    await expect(page.getByTestId("analysis-range").textContent()).resolves.toBe(
      "Customers!A1:F2358"
    );
    const tabs = await page.getByRole("tab").allTextContents();
    expect(tabs).toContain("Segment summary");
    // The store is a very hidden sheet: never a tab.
    expect(tabs).not.toContain("_cva");
    topRow = await page.evaluate(() => {
      const workbench = (window as unknown as { workbench: Workbench }).workbench;
      for (let r = 1; ; r++) if (workbench.cell("Customers", r, 6) === "High") return r + 1;
    });
  });

  it("Run again after a customer's spend fell: Change column, flagged customers and the movement matrix", async () => {
    await page.evaluate(
      (row) =>
        (window as unknown as { workbench: Workbench }).workbench.applyWritePlan({
          clear: [],
          values: [{ at: { sheet: "Customers", row: row - 1, column: 5 }, values: [[0]] }],
          fills: [],
          settings: {},
        }),
      topRow
    );
    const customer = await cellText(page, `A${topRow}`);
    await page.getByRole("button", { name: "Run again" }).click();
    await page.getByTestId("segment-done").waitFor();

    await expect(rowTexts(page, 1, "G", "H")).resolves.toEqual(["Tier", "Change"]);
    await expect(cellText(page, `H${topRow}`)).resolves.toBe("▼ High→Low");
    await expect(cellFill(page, `H${topRow}`)).resolves.toBe("#FFC7CE");
    await expect(cellText(page, "J1")).resolves.toBe("Tier");

    const matrix = page.getByRole("table", { name: /^Customers by previous tier/ });
    await expect(matrix.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "Previous run ↓ / this run →",
      "High",
      "Medium",
      "Low",
      "Gone",
    ]);
    const counts = await matrix
      .getByRole("cell")
      .allTextContents()
      .then((texts) => texts.map((text) => Number(text.replace(/,/g, ""))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2357);
    await expect(page.getByTestId("flagged-count").textContent()).resolves.toMatch(
      /^[\d,]+ customers? flagged/
    );
    const flagged = page.getByRole("table", { name: "Flagged customers" });
    await expect(flagged.textContent()).resolves.toContain(`${customer}Down from High to Low`);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it("reopening the pane over the same workbook lists the analysis, and Run again restores its settings", async () => {
    await reopenPane(page);
    const card = page.getByRole("region", { name: "Analysis in this workbook" });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain("Customers!A1:F2358");
    await expect(card.textContent()).resolves.toContain("Value tiers");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.getByRole("button", { name: "Run again" }).click();
    await page.getByTestId("segment-done").waitFor();
    await expect(
      page.getByRole("tab", { name: "Value tiers", selected: true }).isVisible()
    ).resolves.toBe(true);
    await expect(
      page.getByRole("spinbutton", { name: "Runs to keep in the workbook" }).inputValue()
    ).resolves.toBe("5");
    // Compared with the run before, where nothing changed since: nobody is flagged.
    await expect(page.getByTestId("flagged-count").textContent()).resolves.toMatch(
      /^0 customers flagged/
    );
    await expect(cellText(page, `H${topRow}`)).resolves.toBe("");
  });

  it("downloads the workbook as .xlsx with the store very hidden and the configuration inside", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("customer-value-workbench.xlsx");
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBeGreaterThan(10_000);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Customers", "Segment summary", STORE_SHEET])
    );
    const store = book.getWorksheet(STORE_SHEET) as ExcelJS.Worksheet;
    expect(store.state).toBe("veryHidden");
    const rows: CellValue[][] = [];
    store.eachRow((row) =>
      rows.push((row.values as CellValue[]).slice(1).map((value) => value ?? null))
    );
    const index = parseStoreRows(rows).entries.get(ANALYSES_KEY) as string;
    const config = checkConfig(JSON.parse(index).analyses[0].config);
    expect(config).toMatchObject({
      ok: true,
      config: { range: { sheet: "Customers", address: "A1:F2358" }, method: { method: "tiers" } },
    });
    expect(errors).toEqual([]);
  });
});

describe("sharing: a damaged configuration, and formulas converted to values and back", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("a configuration that is not valid (here a first version's) is ignored with a warning, and the pane still works", async () => {
    await page.evaluate(() =>
      (window as unknown as { workbench: Workbench }).workbench.applyWritePlan({
        sheets: [{ name: "_cva", replace: true, visibility: "veryHidden" }],
        clear: [],
        values: [
          {
            at: { sheet: "_cva", row: 0, column: 0 },
            values: [
              ["key", "part", "data"],
              ["cva.segmentation.config", 0, '~{"format":"cva.segmentation.config","vers'],
            ],
          },
        ],
        fills: [],
        settings: {},
      })
    );
    await reopenPane(page);
    const warning = page.getByTestId("config-ignored");
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain("not valid JSON");
    await expect(page.getByRole("button", { name: "Run again" }).count()).resolves.toBe(0);
    await useData(page, "Customers", "C5");
    await chooseMethod(page, "Value tiers", "tiers");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await segment(page);
    // The run replaced the damaged configuration.
    await page.getByTestId("analysis-range").waitFor();
    await expect(page.getByTestId("config-ignored").count()).resolves.toBe(0);
  });

  it("converts a sheet's CVA formulas to values after asking, then restores them cell for cell", async () => {
    const formulas = {
      "1,2": "=CVA.CLV(B2,0.3,0.1)",
      "2,2": "=CVA.CLV(B3,0.3,0.1)",
      "1,3": "=CVA.TIER(B2:B4)",
      "1,4": "=B2*2",
    };
    await page.evaluate(async (cells) => {
      const workbench = (window as unknown as { workbench: Workbench }).workbench;
      await workbench.applyWritePlan({
        sheets: [{ name: "Model" }],
        clear: [],
        values: [
          {
            at: { sheet: "Model", row: 0, column: 0 },
            values: [
              ["Customer", "Spend", "CLV", "Tier", "Double"],
              ["C1", 100, "#BUSY!", "High", 200],
              ["C2", 50, 135, "Medium", null],
              ["C3", 10, null, "Low", null],
            ],
          },
        ],
        fills: [],
        settings: {},
      });
      for (const [at, formula] of Object.entries(cells)) {
        const [row, column] = at.split(",").map(Number);
        const spill = formula.startsWith("=CVA.TIER") ? { rowCount: 3, columnCount: 1 } : undefined;
        workbench.setFormula({ sheet: "Model", row, column }, formula, spill);
      }
    }, formulas);
    await page.getByRole("tab", { name: "Model", exact: true }).click();
    const share = page.getByRole("region", { name: "Share" });
    await expect(share.getByRole("radio", { name: "This sheet" }).isChecked()).resolves.toBe(true);
    const convert = share.getByRole("button", { name: "Convert CVA formulas to values" });
    const dialog = page.getByRole("alertdialog", {
      name: "Replace CVA formulas with their values?",
    });

    // A formula still calculating is not frozen.
    await convert.click();
    // Once it has faded in: mid-animation, axe measures half-transparent colours.
    await dialog.evaluate((element) =>
      Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished))
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    await dialog.getByRole("button", { name: "Convert", exact: true }).click();
    await expect(page.getByTestId("share-result").textContent()).resolves.toContain("C2");
    const formulaOf = (row: number, column: number) =>
      page.evaluate(
        ([r, c]) =>
          (window as unknown as { workbench: Workbench }).workbench.formulaAt("Model", r, c),
        [row, column]
      );
    await expect(formulaOf(1, 2)).resolves.toBe("=CVA.CLV(B2,0.3,0.1)");

    // The value arrives, as Excel's recalculation would deliver it (a value write drops the formula, so put it back).
    await page.evaluate(async (formula) => {
      const workbench = (window as unknown as { workbench: Workbench }).workbench;
      await workbench.applyWritePlan({
        clear: [],
        values: [{ at: { sheet: "Model", row: 1, column: 2 }, values: [[270]] }],
        fills: [],
        settings: {},
      });
      workbench.setFormula({ sheet: "Model", row: 1, column: 2 }, formula);
    }, formulas["1,2"]);

    await convert.click();
    await dialog.getByRole("button", { name: "Convert", exact: true }).click();
    await expect(page.getByTestId("share-result").textContent()).resolves.toMatch(
      /^3 CVA formulas replaced by their values/
    );
    await expect(formulaOf(1, 2)).resolves.toBeNull();
    await expect(formulaOf(1, 3)).resolves.toBeNull();
    await expect(formulaOf(1, 4)).resolves.toBe("=B2*2");
    await expect(cellText(page, "C2")).resolves.toBe("270");
    await expect(cellText(page, "D3")).resolves.toBe("Medium");

    await share.getByRole("button", { name: "Restore formulas" }).click();
    await expect(page.getByTestId("share-result").textContent()).resolves.toBe(
      "3 formulas restored."
    );
    for (const [at, formula] of Object.entries(formulas)) {
      const [row, column] = at.split(",").map(Number);
      await expect(formulaOf(row, column)).resolves.toBe(formula);
    }
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });

  it("tags the workbook to open the pane for its readers", async () => {
    const toggle = page.getByRole("switch", {
      name: /^Open this pane automatically for people who open this workbook/,
    });
    await toggle.click();
    await expect(
      page.evaluate(() =>
        (
          window as unknown as { workbench: { readSetting(key: string): Promise<string | null> } }
        ).workbench.readSetting("Office.AutoShowTaskpaneWithDocument")
      )
    ).resolves.toBe("true");
  });
});
