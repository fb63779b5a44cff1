import { Browser, Page } from "playwright-core";
import { dragSelect, openWorkbench, useData } from "./workbench";

describe("workbench (real task pane beside the in-memory sample workbook)", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  it("shows the CDNOW sample grid and the task pane", async () => {
    await expect(page.locator('[data-cell="A1"]').textContent()).resolves.toBe("Customer ID");
    await expect(page.locator('[data-cell="F1"]').textContent()).resolves.toBe("Monetary");
    await expect(page.locator('[data-cell="B2"]').textContent()).resolves.toMatch(
      /^1997-\d\d-\d\d$/
    );
    await expect(page.getByRole("heading", { name: "Customer Value" }).isVisible()).resolves.toBe(
      true
    );
    await expect(page.getByRole("button", { name: "Use selection" }).isVisible()).resolves.toBe(
      true
    );
  });

  it("reads a range selected with the mouse back through the task pane", async () => {
    await dragSelect(page, "A1", "F11");
    await expect(page.getByTestId("grid-selection").textContent()).resolves.toBe(
      "Customers!A1:F11"
    );
    await page.getByRole("button", { name: "Use selection" }).click();
    await page.getByTestId("selection-address").waitFor();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: Customers!A1:F11"
    );
    await expect(page.getByTestId("selection-size").textContent()).resolves.toBe(
      "11 rows × 6 columns"
    );
    const preview = page.getByRole("table", { name: "First rows of the selection" });
    await expect(preview.getByRole("columnheader").first().textContent()).resolves.toBe(
      "Customer ID"
    );
    await expect(
      preview.getByRole("row").nth(1).getByRole("cell").first().textContent()
    ).resolves.toBe("C00010");
  });

  it("trims a whole-column selection to the data and uses the current region", async () => {
    await page.getByRole("columnheader", { name: "B", exact: true }).click();
    await page.getByRole("button", { name: "Use selection" }).click();
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: Customers!B1:B2358"
    );
    await useData(page, "Customers", "C5");
    await expect(page.getByTestId("selection-address").textContent()).resolves.toBe(
      "Range: Customers!A1:F2358"
    );
  });

  it("explains an empty selection instead of failing", async () => {
    await page.getByRole("columnheader", { name: "H", exact: true }).click();
    await page.getByRole("button", { name: "Use selection" }).click();
    await expect(
      page.getByText("The selection is empty.", { exact: false }).isVisible()
    ).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("speaks Chinese when Office's display language is Chinese", async () => {
    const zh = await openWorkbench({ query: "?lang=zh-CN" });
    try {
      await expect(zh.page.getByRole("heading", { name: "客户价值" }).isVisible()).resolves.toBe(
        true
      );
      await expect(zh.page.getByRole("button", { name: "使用所选区域" }).isVisible()).resolves.toBe(
        true
      );
    } finally {
      await zh.browser.close();
    }
  });
});
