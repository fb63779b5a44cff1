import { CvaError } from "../../src/core/errors";
import { WorkbookError } from "../../src/core/workbook/workbookPort";
import { ProblemError, problem, problemOf } from "../../src/taskpane/flow/problems";
import { readSelection, sheetAddress } from "../../src/taskpane/flow/readSelection";
import { createSampleWorkbook } from "../../src/workbench/sampleWorkbook";
import { CUSTOMERS } from "./sample";

describe("reading the selection", () => {
  it("reads the values and counts hidden rows, which are segmented like the rest", async () => {
    const workbook = createSampleWorkbook();
    workbook.hideRows("Customers", 10, 5);
    workbook.select(CUSTOMERS);
    const data = await readSelection(workbook, "selection");
    expect(data.values).toHaveLength(2358);
    expect(data.hiddenRows).toBe(5);
  });

  it("refuses merged cells, naming them", async () => {
    const workbook = createSampleWorkbook();
    workbook.merge({ sheet: "Customers", row: 0, column: 1, rowCount: 1, columnCount: 2 });
    workbook.select(CUSTOMERS);
    await expect(readSelection(workbook, "selection")).rejects.toEqual(
      new ProblemError(problem("mergedCells", { address: "B1:C1" }))
    );
  });

  it("suggests the current region for a single selected cell instead of reading it as a header", async () => {
    const workbook = createSampleWorkbook();
    workbook.select({ sheet: "Customers", row: 4, column: 2, rowCount: 1, columnCount: 1 });
    await expect(readSelection(workbook, "selection")).rejects.toEqual(
      new ProblemError(problem("singleCell", { address: "Customers!C5" }, "info"))
    );
  });

  it("says when data continues past the blank row ending the current region, and the range taking it in", async () => {
    const workbook = createSampleWorkbook();
    workbook.select({ sheet: "Bad data", row: 2, column: 1, rowCount: 1, columnCount: 1 });
    const data = await readSelection(workbook, "currentRegion");
    expect(sheetAddress(data.range)).toBe("'Bad data'!A1:D14");
    expect(data.continuesBelow).toEqual({
      blankRow: 15,
      rows: 7,
      range: { sheet: "Bad data", row: 0, column: 0, rowCount: 22, columnCount: 4 },
    });
    const whole = await readSelection(workbook, data.continuesBelow!.range);
    expect(whole.values).toHaveLength(22);
    expect(whole.continuesBelow).toBeUndefined();
    workbook.select(CUSTOMERS);
    expect((await readSelection(workbook, "currentRegion")).continuesBelow).toBeUndefined();
  });

  it("cancels between blocks", async () => {
    const workbook = createSampleWorkbook();
    workbook.select(CUSTOMERS);
    const controller = new AbortController();
    controller.abort();
    await expect(
      readSelection(workbook, "selection", { signal: controller.signal })
    ).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("quotes sheet names as Excel does", () => {
    const range = { row: 0, column: 0, rowCount: 2, columnCount: 2 };
    expect(sheetAddress({ ...range, sheet: "Customers" })).toBe("Customers!A1:B2");
    expect(sheetAddress({ ...range, sheet: "Bad data" })).toBe("'Bad data'!A1:B2");
    expect(sheetAddress({ ...range, sheet: "Tom's" })).toBe("'Tom''s'!A1:B2");
  });
});

describe("problems as the pane shows them", () => {
  it("maps each WorkbookError kind to its message, cancelled as information", () => {
    for (const kind of [
      "invalidSelection",
      "emptySelection",
      "protectedSheet",
      "tooLarge",
    ] as const)
      expect(problemOf(new WorkbookError(kind))).toMatchObject({
        key: `workbook.${kind}`,
        intent: "error",
      });
    expect(problemOf(new WorkbookError("cancelled"))).toMatchObject({ intent: "info" });
  });

  it("passes the engine's message on, and anything else as unexpected", () => {
    expect(problemOf(new CvaError("#NUM!", "did not converge"))).toEqual({
      key: "engine",
      values: { detail: "did not converge" },
      intent: "error",
    });
    expect(problemOf(new TypeError("x is undefined"))).toEqual({
      key: "workbook.unknown",
      values: { detail: "x is undefined" },
      intent: "error",
    });
  });
});
