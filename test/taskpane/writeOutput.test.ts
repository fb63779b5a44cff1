import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { MethodName, MethodSettings } from "../../src/taskpane/methods/registry";
import { ProblemError } from "../../src/taskpane/flow/problems";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { ANALYSES_KEY } from "../../src/taskpane/flow/runStore";
import { commitRun } from "../../src/taskpane/flow/segmentRun";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { PendingOutput, prepareOutput } from "../../src/taskpane/flow/writeOutput";
import { DEFAULT_LEGEND_HEADERS } from "../../src/core/segmentation/writePlan";
import { rangeAddress } from "../../src/core/workbook/a1";
import { WorkbookError } from "../../src/core/workbook/workbookPort";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import {
  CUSTOMERS,
  TRANSACTIONS,
  click,
  keepingOf,
  keyT,
  prepareClick,
  sampleSelection,
  sampleSession,
  tierNames,
} from "./sample";

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

/** Writes a prepared output as the commit does, without the store. */
const writeOutput = (workbook: MemoryWorkbook, pending: PendingOutput) =>
  workbook.applyWritePlan(pending.plan);

/** Non-empty cells of a row, as Excel would show them. */
function rowValues(workbook: MemoryWorkbook, sheet: string, row: number, columns = 30) {
  return Array.from({ length: columns }, (_, c) => workbook.cell(sheet, row, c)).filter(
    (value) => value !== null
  );
}

describe("writing the results", () => {
  it("writes the result columns, the legend and one colour rule per tier", async () => {
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
  });

  it("replaces its own output on a re-run, leaving no stale columns", async () => {
    const { workbook, table, segment } = await ready();
    await writeOutput(workbook, await prepareOutput(workbook, table, await segment("rfm"), TEXTS));
    const again = await prepareOutput(workbook, table, await segment("tiers"), TEXTS, {
      previous: [...(await prepareOutput(workbook, table, await segment("rfm"), TEXTS)).owned],
    });
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
    const first = await prepareOutput(workbook, table, await segment("tiers"), TEXTS);
    await writeOutput(workbook, first);
    const wider = { ...table, range: { ...table.range, columnCount: 8 } };
    const error = await prepareOutput(workbook, wider, await segment("tiers"), TEXTS, {
      previous: first.owned,
    }).catch((e: unknown) => e);
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

  it("records the output as the analysis's in the store, and replaces it on a re-run without asking", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const first = await click(workbook, keeping, "rfm");
    expect(keeping.stored.analyses[0].output.owned).toEqual(first.prepared.pending.owned);
    const again = await click(workbook, keeping, "tiers");
    expect(again.prepared.pending.conflicts).toEqual([]);
    expect(rangeAddress(again.prepared.pending.target)).toBe("G1:G2358");
    expect(workbook.cell("Customers", 100, 10)).toBeNull(); // RFM's Segment column is gone
  });

  it("takes a damaged record of its output as nothing owned, so every cell in the way is checked", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    await click(workbook, await keepingOf(workbook), "rfm");
    const store = new StoreSession(workbook);
    const index = JSON.parse((await store.read()).entries.get(ANALYSES_KEY) as string);
    index.analyses[0].owned = "damaged";
    await store.update({ [ANALYSES_KEY]: JSON.stringify(index) });
    const keeping = await keepingOf(workbook);
    expect(keeping.stored.analyses[0].output.owned).toEqual([]);
    const { prepared } = await prepareClick(workbook, keeping);
    expect(prepared.pending.conflicts.length).toBeGreaterThan(0);
  });

  it("writes nothing when cancelled before the first block, not even the record", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const { prepared } = await prepareClick(workbook, keeping);
    const controller = new AbortController();
    controller.abort();
    await expect(commitRun(prepared, keeping, { signal: controller.signal })).rejects.toEqual(
      new WorkbookError("cancelled")
    );
    expect(workbook.cell("Customers", 0, 6)).toBeNull();
    expect((await new StoreSession(workbook).read()).entries.size).toBe(0);
  });

  it("explains a protected sheet", async () => {
    const { workbook, table, segment } = await ready();
    workbook.protect("Customers");
    const pending = await prepareOutput(workbook, table, await segment("rfm"), TEXTS);
    await expect(writeOutput(workbook, pending)).rejects.toMatchObject({ kind: "protectedSheet" });
  });

  it("writes a transaction table's customer summary on its own sheet and segments it there", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    const first = await click(workbook, keeping, "rfm", TRANSACTIONS);
    expect(first.prepared.pending.conflicts).toEqual([]);
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
    // The summary is the analysis's too: a second run replaces it without asking.
    const again = await click(workbook, keeping, "tiers", TRANSACTIONS);
    expect(again.prepared.pending.conflicts).toEqual([]);
  });
});
