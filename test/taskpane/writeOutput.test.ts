import { OWNED_RANGES_SETTING, parseOwnedRanges } from "../../src/core/segmentation/ownership";
import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { MethodName, MethodSettings } from "../../src/taskpane/methods/registry";
import { ProblemError } from "../../src/taskpane/flow/problems";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { prepareOutput, writeOutput } from "../../src/taskpane/flow/writeOutput";
import { DEFAULT_LEGEND_HEADERS } from "../../src/core/segmentation/writePlan";
import { rangeAddress } from "../../src/core/workbook/a1";
import { WorkbookError } from "../../src/core/workbook/workbookPort";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { CUSTOMERS, TRANSACTIONS, keyT, sampleSelection, tierNames } from "./sample";

const TEXTS = { legendHeaders: DEFAULT_LEGEND_HEADERS, action: (key: string) => key };

async function ready(range = CUSTOMERS) {
  const { workbook, data } = await sampleSelection(range);
  const state: FlowState = flowReducer({ summarySheet: "Customer summary", tierNames })(
    initialFlowState,
    { type: "loaded", data }
  );
  const table = state.table as CustomerTable;
  const settings = state.settings as MethodSettings;
  const segment = async (method: MethodName) =>
    (await runSegmentation(table, method, settings, keyT)).result;
  return { workbook, table, segment };
}

/** Non-empty cells of a row, as Excel would show them. */
function rowValues(workbook: MemoryWorkbook, sheet: string, row: number, columns = 30) {
  return Array.from({ length: columns }, (_, c) => workbook.cell(sheet, row, c)).filter(
    (value) => value !== null
  );
}

describe("writing the results", () => {
  it("writes the result columns, the legend and one colour rule per tier, and records them as ours", async () => {
    const { workbook, table, segment } = await ready();
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    expect(pending.conflicts).toEqual([]);
    expect(rangeAddress(pending.target)).toBe("G1:K2358");
    expect(rangeAddress(pending.legend)).toBe("M1:R12");
    await writeOutput(workbook, pending);
    expect(rowValues(workbook, "Customers", 0).slice(6)).toEqual([
      "output.R",
      "output.F",
      "output.M",
      "output.RFM",
      "output.Segment",
      "output.Segment",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Recommended action",
    ]);
    expect(workbook.conditionalFills("Customers").map((f) => f.rules.length)).toEqual([11]);
    expect(workbook.fillAt("Customers", 1, 10)).not.toBeNull();
    expect(parseOwnedRanges(await workbook.readSetting(OWNED_RANGES_SETTING))).toEqual(
      pending.owned
    );
  });

  it("replaces its own output on a re-run, leaving no stale columns", async () => {
    const { workbook, table, segment } = await ready();
    await writeOutput(workbook, await prepareOutput(workbook, table, await segment("rfm"), TEXTS));
    const again = await prepareOutput(workbook, table, await segment("tiers"), TEXTS);
    expect(again.conflicts).toEqual([]);
    await writeOutput(workbook, again);
    expect(rowValues(workbook, "Customers", 0).slice(6)).toEqual([
      "output.Tier",
      "output.Tier",
      "Customers",
      "% of customers",
      "Value",
      "% of value",
      "Recommended action",
    ]);
    expect(workbook.usedSize("Customers")).toEqual({ rowCount: 2358, columnCount: 14 });
    expect(workbook.conditionalFills("Customers").map((f) => f.rules.length)).toEqual([3]);
  });

  it("finds cells in the way that are not ours, before writing anything", async () => {
    const { workbook, table, segment } = await ready();
    await workbook.applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Customers", row: 4, column: 8 }, values: [["my note"]] }],
      fills: [],
      settings: {},
    });
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    expect(pending.conflicts).toEqual([
      { sheet: "Customers", row: 4, column: 8, rowCount: 1, columnCount: 1 },
    ]);
    expect(workbook.cell("Customers", 4, 8)).toBe("my note");
  });

  it("refuses a selection that holds its earlier results", async () => {
    const { workbook, table, segment } = await ready();
    await writeOutput(
      workbook,
      await prepareOutput(workbook, table, await segment("tiers"), TEXTS)
    );
    const wider = { ...table, range: { ...table.range, columnCount: 8 } };
    const error = await prepareOutput(workbook, wider, await segment("tiers"), TEXTS).catch(
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({
      key: "selectionHoldsResults",
      values: { address: "Customers!G1:G2358" },
    });
  });

  it("refuses merged cells where the results go", async () => {
    const { workbook, table, segment } = await ready();
    workbook.merge({ sheet: "Customers", row: 0, column: 6, rowCount: 1, columnCount: 2 });
    await expect(prepareOutput(workbook, table, await segment("rfm"), TEXTS)).rejects.toMatchObject(
      {
        problem: { key: "mergedTarget", values: { address: "Customers!G1:H1" } },
      }
    );
  });

  it("takes a damaged record of its output as nothing owned, so every cell in the way is checked", async () => {
    const { workbook, table, segment } = await ready();
    await writeOutput(workbook, await prepareOutput(workbook, table, await segment("rfm"), TEXTS));
    await workbook.writeSetting(OWNED_RANGES_SETTING, "{not json");
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    expect(pending.previous).toEqual([]);
    expect(pending.conflicts.length).toBeGreaterThan(0);
  });

  it("marks a cancelled run's cells as ours first, so the next run clears them", async () => {
    const { workbook, table, segment } = await ready();
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    const controller = new AbortController();
    controller.abort();
    await expect(writeOutput(workbook, pending, { signal: controller.signal })).rejects.toEqual(
      new WorkbookError("cancelled")
    );
    expect(parseOwnedRanges(await workbook.readSetting(OWNED_RANGES_SETTING))).toEqual(
      pending.owned
    );
  });

  it("explains a protected sheet", async () => {
    const { workbook, table, segment } = await ready();
    workbook.protect("Customers");
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    await expect(writeOutput(workbook, pending)).rejects.toMatchObject({ kind: "protectedSheet" });
  });

  it("writes a transaction table's customer summary on its own sheet and segments it there", async () => {
    const { workbook, table, segment } = await ready(TRANSACTIONS);
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    expect(pending.conflicts).toEqual([]);
    await writeOutput(workbook, pending);
    expect(workbook.sheetNames()).toContain("Customer summary");
    expect(rowValues(workbook, "Customer summary", 0).slice(0, 7)).toEqual([
      "Customer ID",
      "First purchase",
      "Last purchase",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "output.R",
    ]);
    expect(workbook.usedSize("Transactions")).toEqual({ rowCount: 6788, columnCount: 4 });
    // The summary is ours too: a second run replaces it without asking.
    const again = await prepareOutput(workbook, table, await segment("tiers"), TEXTS);
    expect(again.conflicts).toEqual([]);
  });
});
