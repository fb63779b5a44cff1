import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { withSegment } from "../../src/taskpane/methods/rfm/rfmGrid";
import { SelectedData } from "../../src/taskpane/flow/readSelection";
import { BAD_DATA, CUSTOMERS, TRANSACTIONS, sampleSelection, tierNames } from "./sample";

const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });

async function loaded(range = CUSTOMERS): Promise<FlowState> {
  const { data } = await sampleSelection(range);
  return reduce(initialFlowState, { type: "loaded", data });
}

describe("the pane's flow state", () => {
  it("proposes a table and settings for every method as soon as data is read", async () => {
    const state = await loaded();
    expect(state.tableProblems).toEqual([]);
    expect(state.table).toMatchObject({
      hasHeader: true,
      range: CUSTOMERS,
      labels: [
        "Customer ID",
        "First purchase",
        "Last purchase",
        "Recency (days)",
        "Frequency",
        "Monetary",
      ],
      numericColumns: [1, 2, 3, 4, 5],
      dateColumns: [1, 2],
    });
    expect(state.settings?.tiers.column).toBe(5);
    expect(state.settings?.score.factors).toEqual([
      { column: 3, included: true, weight: 1, direction: -1 },
      { column: 4, included: true, weight: 1, direction: 1 },
      { column: 5, included: true, weight: 1, direction: 1 },
    ]);
    expect(state.settings?.predictive).toMatchObject({
      firstPurchase: 1,
      lastPurchase: 2,
      months: 12,
    });
  });

  it("summarises a transaction table into customers on the summary sheet, reporting its rows", async () => {
    const state = await loaded(TRANSACTIONS);
    expect(state.setup?.kind).toBe("transactions");
    expect(state.table?.range).toEqual({
      sheet: "Customer summary",
      row: 0,
      column: 0,
      rowCount: 2358,
      columnCount: 6,
    });
    expect(state.table?.summary?.sourceRange).toEqual(TRANSACTIONS);
    expect(state.table?.summary?.quality.kept).toBe(6787);
    expect(state.table?.mapping).toMatchObject({
      customer: 0,
      recency: 3,
      frequency: 4,
      monetary: 5,
    });
  });

  it("says when the selection is only a header", async () => {
    const { data } = await sampleSelection({ ...CUSTOMERS, rowCount: 1 });
    const state = reduce(initialFlowState, { type: "loaded", data });
    expect(state.table).toBeNull();
    expect(state.tableProblems.map((p) => p.key)).toEqual(["headerOnly"]);
  });

  it("needs customer, date and amount to summarise transactions", async () => {
    const state = await loaded(TRANSACTIONS);
    const setup = state.setup as NonNullable<FlowState["setup"]>;
    const next = reduce(state, {
      type: "setup",
      setup: { ...setup, mapping: { customer: 0, date: 1 } },
    });
    expect(next.table).toBeNull();
    expect(next.tableProblems).toEqual([
      { key: "unmapped", values: { roles: "amount" }, intent: "error" },
    ]);
  });

  it("keeps what the user set when the columns change", async () => {
    const state = await loaded();
    const settings = state.settings as NonNullable<FlowState["settings"]>;
    const edited = reduce(state, {
      type: "settings",
      settings: {
        ...settings,
        rfm: { ...settings.rfm, grid: withSegment(settings.rfm.grid, 1, 1, "Hibernating") },
        tiers: { ...settings.tiers, column: 4 },
      },
    });
    const setup = edited.setup as NonNullable<FlowState["setup"]>;
    const next = reduce(edited, { type: "setup", setup: { ...setup, hasHeader: true } });
    expect(next.settings?.rfm.grid[0][0]).toBe("Hibernating");
    expect(next.settings?.tiers.column).toBe(4);
    expect(reduce(next, { type: "method", method: "score" }).method).toBe("score");
  });

  it("ignores a setup change before any data", () => {
    const setup = { kind: "customers" as const, hasHeader: true, mapping: {} };
    expect(reduce(initialFlowState, { type: "setup", setup })).toBe(initialFlowState);
  });

  it("reads a sheet of bad data without failing: the report comes with the segmentation", async () => {
    const state = await loaded(BAD_DATA);
    expect(state.tableProblems).toEqual([]);
    expect(state.table?.mapping).toMatchObject({
      customer: 0,
      recency: 1,
      frequency: 2,
      monetary: 3,
    });
  });

  it("says when a header-less selection has no customer column", () => {
    const data: SelectedData = {
      range: { sheet: "S", row: 0, column: 0, rowCount: 3, columnCount: 2 },
      values: [
        [10, 2.5],
        [20, 3.5],
        [30, 1.25],
      ],
      hiddenRows: 0,
    };
    const state = reduce(initialFlowState, { type: "loaded", data });
    expect(state.tableProblems).toEqual([
      { key: "unmapped", values: { roles: "customer" }, intent: "info" },
    ]);
    expect(state.table).not.toBeNull();
  });
});
