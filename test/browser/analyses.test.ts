/**
 * Analyses side by side in the workbench (issue 11, finding 1): RFM on Customers, Predictive on Transactions and
 * Value tiers on Bad data each keep their output and colours, in the grid and in the .xlsx export read back, and
 * the pane lists three analyses.
 */
import ExcelJS from "exceljs";
import { Browser, Page } from "playwright-core";
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

/** The fills of the cells of one grid row from one column letter to another (inclusive, single letters). */
async function rowFills(page: Page, row: number, from: string, to: string) {
  const fills: (string | null)[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++)
    fills.push(await cellFill(page, `${String.fromCharCode(c)}${row}`));
  return fills;
}

describe("analyses side by side", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const before: Record<string, { texts: string[]; fills: (string | null)[] }> = {};

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
  });
  afterAll(async () => browser?.close());

  it("RFM on Customers, Predictive on Transactions, Value tiers on Bad data: all three outputs stay", async () => {
    await chooseMethod(page, "RFM", "rfm");
    await segment(page);
    before.Customers = {
      texts: await rowTexts(page, 2, "G", "K"),
      fills: await rowFills(page, 2, "G", "K"),
    };
    expect(before.Customers.fills[4]).not.toBeNull();

    await useData(page, "Transactions", "B3");
    await chooseMethod(page, "Predictive", "predictive");
    await segment(page);
    await sheetTab(page, "Customer summary").click();
    before["Customer summary"] = {
      texts: await rowTexts(page, 2, "A", "P"),
      fills: await rowFills(page, 2, "A", "P"),
    };
    expect(before["Customer summary"].fills.some((fill) => fill !== null)).toBe(true);

    await useData(page, "Bad data", "A1:D22");
    await chooseMethod(page, "Value tiers", "tiers");
    await segment(page);
    before["Bad data"] = {
      texts: await rowTexts(page, 2, "E", "E"),
      fills: await rowFills(page, 2, "E", "E"),
    };
    expect(before["Bad data"].fills[0]).not.toBeNull();

    for (const sheet of ["Customers", "Customer summary"]) {
      await sheetTab(page, sheet).click();
      const [from, to] = sheet === "Customers" ? ["G", "K"] : ["A", "P"];
      await expect(rowTexts(page, 2, from, to)).resolves.toEqual(before[sheet].texts);
      await expect(rowFills(page, 2, from, to)).resolves.toEqual(before[sheet].fills);
    }
    await expect(cellText(page, "A2")).resolves.not.toBe("");
    const listed = page.getByRole("region", { name: "Analyses in this workbook" });
    await expect(listed.getByTestId("analysis-range").allTextContents()).resolves.toEqual([
      "'Bad data'!A1:D22",
      "Transactions!A1:D6788",
      "Customers!A1:F2358",
    ]);
  });

  it("keeps the three outputs and their colour rules in the .xlsx export", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const formats = (sheet: string) =>
      (
        book.getWorksheet(sheet) as unknown as {
          conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
        }
      ).conditionalFormattings.map((format) => format.ref);
    const text = (sheet: string, address: string) =>
      String((book.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(address).value ?? "");

    expect(text("Customers", "K2")).toBe(before.Customers.texts[4]);
    expect(formats("Customers").some((ref) => ref.startsWith("K2:K2358"))).toBe(true);
    expect(text("Customer summary", "A2")).toBe(before["Customer summary"].texts[0]);
    expect(formats("Customer summary").length).toBeGreaterThan(0);
    expect(text("Bad data", "E2")).toBe(before["Bad data"].texts[0]);
    expect(formats("Bad data").some((ref) => ref.startsWith("E2:E22"))).toBe(true);
    expect(errors).toEqual([]);
  });
});
