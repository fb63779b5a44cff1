import AxeBuilder from "@axe-core/playwright";
import { Browser, Page } from "playwright-core";
import {
  cellFill,
  cellText,
  chooseMethod,
  openWorkbench,
  rowTexts,
  segment,
  sheetTab,
  typeCells,
  useData,
} from "./workbench";

// Each test drives several segmentations in a real browser on two shared cores.

/**
 * Accessibility of the task pane (the workbench's grid is a development stand-in for Excel's). Fluent's focus
 * manager (tabster) puts aria-hidden focus guards around arrow-key groups; they hand focus on at once and are
 * never read, so axe's aria-hidden-focus rule is not asked about them.
 */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(".workbench-pane")
    .exclude("[data-tabster-dummy]")
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`
  );
}

describe("task pane: segment the selected customers and write coloured results", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("maps the sample's columns on its own and previews RFM segments", async () => {
    await useData(page, "Customers", "C5");
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: Customers!A1:F2358"
    );
    const mapping = page.getByRole("region", { name: "Columns" });
    await expect(
      mapping.getByRole("combobox", { name: "Customer ID" }).textContent()
    ).resolves.toBe("Customer ID (A)");
    await expect(
      mapping.getByRole("combobox", { name: "Recency (days)" }).textContent()
    ).resolves.toBe("Recency (days) (D)");
    await expect(
      mapping.getByRole("combobox", { name: "Frequency (purchases)" }).textContent()
    ).resolves.toBe("Frequency (E)");
    await expect(
      mapping.getByRole("combobox", { name: "Monetary (spend)" }).textContent()
    ).resolves.toBe("Monetary (F)");
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await expect(page.getByTestId("preview-summary").textContent()).resolves.toBe(
      "2,357 customers in 11 tiers"
    );
    await expect(page.getByTestId("tier-chart").isVisible()).resolves.toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it("RFM: writes R, F, M, code and segment beside the data, a legend, and colours by segment", async () => {
    await segment(page);
    await expect(rowTexts(page, 1, "G", "K")).resolves.toEqual(["R", "F", "M", "RFM", "Segment"]);
    const segmentOfC00010 = await cellText(page, "K2");
    expect(segmentOfC00010).toBe("Lost");
    await expect(cellFill(page, "K2")).resolves.toBe("#A50026");
    await expect(cellFill(page, "J2")).resolves.toBeNull();
    // L is kept for monitoring's Change column, so the legend stays put when it appears.
    await expect(rowTexts(page, 1, "N", "S")).resolves.toEqual([
      "Segment",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Recommended action",
    ]);
    await expect(rowTexts(page, 2, "N", "O")).resolves.toEqual(["Champions", "466"]);
    await expect(cellFill(page, "N2")).resolves.toBe("#364B9A");
    await expect(cellText(page, "S2")).resolves.toBe("Reward them; early access and reviews");
    await expect(page.getByTestId("segment-done").textContent()).resolves.toContain(
      "Customers!G1:K2358"
    );
  });

  it("value tiers: re-running replaces the RFM output, leaving no stale columns", async () => {
    await chooseMethod(page, "Value tiers", "tiers");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await segment(page);
    await expect(rowTexts(page, 1, "G", "P")).resolves.toEqual([
      "Tier",
      "",
      "",
      "Tier",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Recommended action",
      "",
    ]);
    await expect(rowTexts(page, 1, "Q", "S")).resolves.toEqual(["", "", ""]);
    await expect(rowTexts(page, 2, "G", "H")).resolves.toEqual(["Low", ""]);
    await expect(cellFill(page, "G2")).resolves.toBe("#A50026");
    await expect(rowTexts(page, 2, "J", "K")).resolves.toEqual(["High", "472"]);
    await expect(cellFill(page, "J2")).resolves.toBe("#364B9A");
    await expect(cellText(page, "O2")).resolves.toBe("VIP service");
  });

  it("weighted score: a 0–100 score and tiers on it", async () => {
    await chooseMethod(page, "Score", "score");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await segment(page);
    await expect(rowTexts(page, 1, "G", "H")).resolves.toEqual(["Score", "Tier"]);
    expect(Number(await cellText(page, "G2"))).toBeGreaterThanOrEqual(0);
    expect(["High", "Medium", "Low"]).toContain(await cellText(page, "H2"));
    await expect(cellFill(page, "H2")).resolves.not.toBeNull();
    await expect(cellText(page, "K1")).resolves.toBe("Tier");
  });

  it("predictive: P(alive), expected purchases, predicted CLV, a CLV tier and the likely-lost flag", async () => {
    await chooseMethod(page, "Predictive", "predictive");
    await expect(page.getByTestId("likely-lost").textContent()).resolves.toMatch(
      /^Likely lost: [\d,]+ customers\.$/
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Any registered purchase model can be chosen; the preview says which was fitted.
    await page.getByRole("combobox", { name: "Purchase model" }).click();
    await expect(page.getByRole("option").allTextContents()).resolves.toEqual([
      "BG/NBD",
      "Pareto/NBD",
      "MBG/NBD",
    ]);
    await page.getByRole("option", { name: "MBG/NBD" }).click();
    await page.getByTestId("fitted-models").filter({ hasText: "Fitted MBG/NBD: r = " }).waitFor();
    await segment(page);
    await expect(rowTexts(page, 1, "G", "L")).resolves.toEqual([
      "P(alive)",
      "Expected purchases (12 mo)",
      "Predicted CLV (12 mo)",
      "Tier",
      "Likely lost",
      "Recommended action",
    ]);
    // Written unrounded, shown with three decimals by the cells' number format.
    await expect(cellText(page, "G2")).resolves.toMatch(/^[01]\.\d{3}$/);
    const alive = Number(await cellText(page, "G2"));
    expect(alive).toBeGreaterThanOrEqual(0);
    expect(alive).toBeLessThanOrEqual(1);
    await expect(cellFill(page, "J2")).resolves.not.toBeNull();
    // M is kept for the Change column, N left empty, so the legend starts in O.
    await expect(cellText(page, "O1")).resolves.toBe("Tier");
    expect(errors).toEqual([]);
  });

  it("edits the RFM segment grid from the keyboard, and the map stays a partition", async () => {
    await chooseMethod(page, "RFM", "rfm");
    const cell = page.getByRole("button", { name: /^Recency 1, frequency–monetary 1: Lost/ });
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitemradio", { name: "Hibernating" }).click();
    await expect(
      page
        .getByRole("button", { name: /^Recency 1, frequency–monetary 1: Hibernating/ })
        .isVisible()
    ).resolves.toBe(true);
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await expect(page.getByTestId("preview-summary").textContent()).resolves.toBe(
      "2,357 customers in 11 tiers"
    );
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});

describe("task pane: consent before overwriting, and data problems", () => {
  let browser: Browser;
  let page: Page;

  beforeEach(async () => {
    ({ browser, page } = await openWorkbench());
  });
  afterEach(async () => browser?.close());

  it("asks before writing over cells that hold someone else's data; keeping them changes nothing", async () => {
    await typeCells(page, "Customers", 2, 9, [["my note"]]);
    await expect(cellText(page, "J3")).resolves.toBe("my note");
    await useData(page, "Customers", "B3");
    await chooseMethod(page, "Value tiers", "tiers");
    const segmentButton = page.getByRole("button", { name: /^Segment [\d,]+ customers$/ });
    await segmentButton.click();
    const dialog = page.getByRole("alertdialog", { name: "Overwrite cells that hold data?" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("Customers!J3");
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Keeping the data is the default: the focused first button, and Escape.
    await expect(
      dialog
        .getByRole("button", { name: "Keep my data" })
        .evaluate((b) => b === document.activeElement)
    ).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await page.getByText("Nothing was written: your data is as it was.").waitFor();
    await expect(cellText(page, "J3")).resolves.toBe("my note");
    await expect(cellText(page, "G1")).resolves.toBe("");

    await segmentButton.click();
    await dialog.getByRole("button", { name: "Overwrite" }).click();
    await page.getByTestId("segment-done").waitFor();
    await expect(cellText(page, "G1")).resolves.toBe("Tier");
    await expect(cellText(page, "G5")).resolves.toBe("High");
    // Medium: above the median (44.24) and not above the 80th percentile; the customer at exactly 44.24 stays Low.
    await expect(rowTexts(page, 3, "J", "K")).resolves.toEqual(["Medium", "706"]);
  });

  it("lists the rows of a bad-data sheet it leaves out, with their row numbers and reasons", async () => {
    await useData(page, "Bad data", "A1:D22");
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    const report = page.getByTestId("quality-report");
    await report.getByText("Bad data: 21 rows read, 14 used, 7 left out.").waitFor();
    const rows = report.getByRole("table", { name: "Data problems on Bad data" }).getByRole("row");
    const listed = () =>
      rows.evaluateAll((elements) =>
        elements
          .slice(1)
          .map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent))
      );
    await expect(listed()).resolves.toEqual([
      ["5", "Recency (days)", "Blank cell", "Left out"],
      ["7", "Monetary", "Text in a number column", "Left out"],
      ["9", "Monetary", "Negative number", "Left out"],
      ["11", "Customer ID", "Duplicate customer ID: repeats row 4, which is kept", "Left out"],
      ["13", "Frequency", "Excel error value", "Left out"],
      ["15", "", "Empty row", "Left blank"],
      ["17", "Recency (days)", "Text in a number column", "Left out"],
    ]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    // Finding 4: value tiers on Monetary check that column as RFM does (row 9's negative spend is left out and
    // listed), and list the problems in the columns they do not read as kept.
    await chooseMethod(page, "Value tiers", "tiers");
    await report.getByText("Bad data: 21 rows read, 17 used, 4 left out.").waitFor();
    const kept = "Kept: this method does not read the column";
    await expect(listed()).resolves.toEqual([
      ["5", "Recency (days)", "Blank cell", kept],
      ["7", "Monetary", "Text in a number column", "Left out"],
      ["9", "Monetary", "Negative number", "Left out"],
      ["11", "Customer ID", "Duplicate customer ID: repeats row 4, which is kept", "Left out"],
      ["13", "Frequency", "Excel error value", kept],
      ["15", "", "Empty row", "Left blank"],
      ["17", "Recency (days)", "Text in a number column", kept],
    ]);
    await expect(report.getByTestId("quality-kept").textContent()).resolves.toBe(
      "3 rows have a problem in a column this method does not read: they are used as they are."
    );
    // The weighted score reads recency, frequency and monetary: it leaves out what RFM leaves out.
    await chooseMethod(page, "Score", "score");
    await report.getByText("Bad data: 21 rows read, 14 used, 7 left out.").waitFor();
    await expect(
      rows.evaluateAll((elements) =>
        elements.slice(1).map((row) => row.querySelectorAll("td")[3]?.textContent)
      )
    ).resolves.toEqual([
      "Left out",
      "Left out",
      "Left out",
      "Left out",
      "Left out",
      "Left blank",
      "Left out",
    ]);
    await page.getByRole("tab", { name: "RFM" }).click();
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await segment(page, /^Segment 14 customers$/);
    await expect(cellText(page, "I5")).resolves.toBe("");
    await expect(cellText(page, "I2")).resolves.not.toBe("");
  });

  it("summarises a transaction table into a customer sheet, then segments it", async () => {
    await useData(page, "Transactions", "B3");
    await expect(page.getByRole("combobox", { name: "Each row is" }).textContent()).resolves.toBe(
      "A purchase (customer, date, amount)"
    );
    await expect(page.getByRole("combobox", { name: "Amount" }).textContent()).resolves.toBe(
      "Amount (D)"
    );
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await page.getByText("Transactions: 6,787 rows read, 6,787 used, 0 left out.").waitFor();
    await segment(page);
    await sheetTab(page, "Customer summary").click();
    await expect(rowTexts(page, 1, "A", "K")).resolves.toEqual([
      "Customer ID",
      "First purchase",
      "Last purchase",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "R",
      "F",
      "M",
      "RFM",
      "Segment",
    ]);
    await expect(cellText(page, "A2")).resolves.toBe("C00010");
    await expect(cellFill(page, "K2")).resolves.not.toBeNull();
  });

  it("explains merged cells, hidden rows and a header-only selection", async () => {
    await useData(page, "Customers", "A1:F1");
    await page.getByText("The selection holds only a header row.", { exact: false }).waitFor();

    await page.evaluate(() => {
      const workbench = (
        window as unknown as {
          workbench: {
            hideRows(sheet: string, row: number, count: number): void;
            merge(range: object): void;
          };
        }
      ).workbench;
      workbench.hideRows("Customers", 20, 3);
    });
    await useData(page, "Customers", "C5");
    await page.getByText("3 rows of the selection are hidden", { exact: false }).waitFor();

    await page.evaluate(() =>
      (window as unknown as { workbench: { merge(range: object): void } }).workbench.merge({
        sheet: "Customers",
        row: 9,
        column: 1,
        rowCount: 1,
        columnCount: 2,
      })
    );
    await useData(page, "Customers", "C5");
    await page.getByText("The selection has merged cells (B10:C10).", { exact: false }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});

describe("task pane in Chinese", () => {
  it("segments with Chinese text, segment names, headers and legend", async () => {
    const { browser, page, errors } = await openWorkbench({ query: "?lang=zh-CN" });
    try {
      await useData(page, "Customers", "C5", "使用当前区域");
      await expect(page.getByRole("combobox", { name: "客户编号" }).textContent()).resolves.toBe(
        "Customer ID (A)"
      );
      await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
      await expect(page.getByTestId("preview-summary").textContent()).resolves.toBe(
        "2,357 位客户，分为 11 层"
      );
      await expect(axeViolations(page)).resolves.toEqual([]);
      await segment(page, /^细分 [\d,]+ 位客户$/);
      await expect(cellText(page, "K1")).resolves.toBe("细分");
      await expect(cellText(page, "K2")).resolves.toBe("已流失");
      await expect(rowTexts(page, 1, "N", "O")).resolves.toEqual(["细分", "客户数"]);
      await expect(cellText(page, "N2")).resolves.toBe("冠军客户");
      await expect(cellFill(page, "N2")).resolves.toBe("#364B9A");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("task pane in a dark Office theme", () => {
  it("stays readable: no accessibility violations, colour contrast included", async () => {
    const { browser, page } = await openWorkbench({ query: "?theme=dark" });
    try {
      await useData(page, "Customers", "C5");
      await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
      await expect(axeViolations(page)).resolves.toEqual([]);
      await chooseMethod(page, "Value tiers", "tiers");
      await expect(axeViolations(page)).resolves.toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
