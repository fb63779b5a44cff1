/**
 * Analyses side by side (issue 11, finding 1): each Segment updates its own analysis, whose output alone it
 * replaces; a workbook holds many; one can be removed with everything it wrote.
 */
import type { MethodSettings } from "../../src/taskpane/methods/registry";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { addresses } from "../../src/taskpane/flow/writeOutput";
import { readSelection } from "../../src/taskpane/flow/readSelection";
import { ANALYSES_KEY, historyPrefix, removeAnalysis } from "../../src/taskpane/flow/runStore";
import {
  BAD_DATA,
  CUSTOMERS,
  TRANSACTIONS,
  click,
  keepingOf,
  prepareClick,
  sampleSelection,
  sampleSession,
  typeValue,
} from "./sample";

describe("analyses side by side", () => {
  it("RFM on Customers, then value tiers on Bad data: the first output and its colours stay", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const rfm = await click(workbook, keeping, "rfm");
    const before = [6, 10, 12, 17].map((column) => workbook.cell("Customers", 1, column));
    const fill = workbook.fillAt("Customers", 1, 10);
    expect(fill).not.toBeNull();

    const tiers = await click(workbook, keeping, "tiers", BAD_DATA);
    expect(tiers.prepared.analysis.id).not.toBe(rfm.prepared.analysis.id);
    expect([6, 10, 12, 17].map((column) => workbook.cell("Customers", 1, column))).toEqual(before);
    expect(workbook.fillAt("Customers", 1, 10)).toEqual(fill);
    expect(keeping.stored.analyses.map((analysis) => analysis.id)).toEqual(["a1", "a2"]);
    // Each has its own summary sheet.
    expect(keeping.stored.analyses.map((analysis) => analysis.output.summarySheet)).toEqual([
      "segmentSummary.sheetName",
      "segmentSummary.sheetName (2)",
    ]);
  });

  it("Predictive on Transactions, then RFM on Customers: the customer summary and its predictions stay", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    await click(workbook, keeping, "predictive", TRANSACTIONS);
    const alive = workbook.cell("Customer summary", 1, 6);
    expect(typeof alive).toBe("number");
    await click(workbook, keeping, "rfm", CUSTOMERS);
    expect(workbook.cell("Customer summary", 1, 6)).toBe(alive);
    expect(workbook.usedSize("Customer summary")).toMatchObject({ rowCount: 2358 });
  });

  it("a run on the same data updates its analysis, and asks before writing over another analysis's cells", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "rfm");
    const again = await click(workbook, keeping, "tiers");
    expect(again.prepared.pending.conflicts).toEqual([]);
    expect(keeping.stored.analyses).toHaveLength(1);

    // Another table whose results would land on the first analysis's legend.
    const { prepared } = await prepareClick(workbook, keeping, "tiers", {
      sheet: "Customers",
      row: 0,
      column: 4,
      rowCount: 2358,
      columnCount: 2,
    });
    expect(prepared.analysis.id).toBe("a2");
    expect(prepared.pending.conflicts.length).toBeGreaterThan(0);
  });

  it("removes an analysis with everything it wrote, leaving the others", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    await click(workbook, keeping, "rfm", CUSTOMERS);
    await click(workbook, keeping, "tiers", TRANSACTIONS);
    const [first, second] = keeping.stored.analyses;
    const store = new StoreSession(workbook);
    const after = await removeAnalysis(store, keeping.stored, second.id);
    expect(after.analyses.map((analysis) => analysis.id)).toEqual([first.id]);
    expect(workbook.sheetNames()).not.toContain("Customer summary");
    expect(workbook.sheetNames()).not.toContain(second.output.summarySheet);
    expect(workbook.cell("Customers", 0, 6)).toBe("output.R");
    const { entries } = await new StoreSession(workbook).read();
    expect([...entries.keys()].some((key) => key.startsWith(`${historyPrefix(second.id)}.`))).toBe(
      false
    );
    expect(JSON.parse(entries.get(ANALYSES_KEY) as string).analyses).toHaveLength(1);
  });

  it("lists a cell the user changed inside the output, and one beside it, before running again", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "rfm");
    await typeValue(workbook, "Customers", 4, 6, "call back in May");
    await typeValue(workbook, "Customers", 4, 11, "note");
    const { prepared } = await prepareClick(workbook, keeping, "rfm");
    expect(addresses(prepared.pending.conflicts)).toBe("Customers!G5, Customers!L5");
  });

  it("asks about nothing when the output is as the last run wrote it, a number rewritten the same included", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "score");
    await typeValue(workbook, "Customers", 9, 6, workbook.cell("Customers", 9, 6));
    const { prepared } = await prepareClick(workbook, keeping, "score");
    expect(prepared.pending.conflicts).toEqual([]);
  });

  it("lists an emptied output cell and a changed legend cell; after consent the run writes them again", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const first = await click(workbook, keeping, "tiers");
    const legend = first.prepared.pending.legend;
    await typeValue(workbook, "Customers", 100, 6, null);
    await typeValue(workbook, "Customers", legend.row + 1, legend.column + 1, 999);
    const again = await click(workbook, keeping, "tiers");
    expect(again.prepared.pending.conflicts).toEqual([
      { sheet: "Customers", row: 100, column: 6, rowCount: 1, columnCount: 1 },
      {
        sheet: "Customers",
        row: legend.row + 1,
        column: legend.column + 1,
        rowCount: 1,
        columnCount: 1,
      },
    ]);
    const { prepared } = await prepareClick(workbook, keeping, "tiers");
    expect(prepared.pending.conflicts).toEqual([]);
  });

  it("lists an edit in a transaction table's customer summary", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    await click(workbook, keeping, "rfm", TRANSACTIONS);
    await typeValue(workbook, "Customer summary", 3, 0, "C99999");
    const { prepared } = await prepareClick(workbook, keeping, "rfm", TRANSACTIONS);
    expect(addresses(prepared.pending.conflicts)).toBe("'Customer summary'!A4");
  });

  it("value tiers with new cutoffs start a new baseline: nobody flagged, and the pane says why", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "tiers");
    const cutoffs = (settings: MethodSettings, at: number[]) => ({
      ...settings,
      tiers: { ...settings.tiers, tiers: { ...settings.tiers.tiers, cutoffs: at } },
    });
    const changed = await click(workbook, keeping, "tiers", CUSTOMERS, (s) => cutoffs(s, [10, 40]));
    expect(changed.prepared.monitored.comparison).toBeNull();
    expect(changed.committed).toMatchObject({ report: null, newBaseline: true });
    // The next run with the same settings is compared with that baseline, and nothing changed.
    const same = await click(workbook, keeping, "tiers", CUSTOMERS, (s) => cutoffs(s, [10, 40]));
    expect(same.committed.newBaseline).toBe(false);
    expect(same.committed.report?.flagged).toEqual([]);
  });

  it("predictive over 3 months after 12 starts a new baseline instead of flagging every customer", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    await click(workbook, keeping, "predictive", TRANSACTIONS);
    const three = await click(workbook, keeping, "predictive", TRANSACTIONS, (settings) => ({
      ...settings,
      predictive: { ...settings.predictive, months: 3 },
    }));
    expect(three.committed).toMatchObject({ report: null, newBaseline: true });
    const again = await click(workbook, keeping, "predictive", TRANSACTIONS, (settings) => ({
      ...settings,
      predictive: { ...settings.predictive, months: 3 },
    }));
    expect(again.committed.report?.flagged).toEqual([]);
  });

  it("Use current region after a run reads the data, not the pane's results and legend beside it", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "rfm");
    workbook.select({ sheet: "Customers", row: 4, column: 1, rowCount: 1, columnCount: 1 });
    const outputs = keeping.stored.analyses.flatMap((analysis) => analysis.output.owned);
    expect((await workbook.getCurrentRegion()).columnCount).toBeGreaterThan(6);
    const data = await readSelection(workbook, "currentRegion", {}, outputs);
    expect(data.range).toEqual(CUSTOMERS);
    // Segmenting it again is a re-run of the same analysis, not a refusal.
    const { prepared } = await prepareClick(workbook, keeping, "rfm", data.range);
    expect(prepared.analysis.id).toBe("a1");
  });

  it("a run replaces a stored analysis whose configuration cannot be read, rather than keeping it beside", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    await workbook.applyWritePlan({
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
    });
    const keeping = await keepingOf(workbook);
    expect(keeping.stored.analyses.map((analysis) => analysis.config.ok)).toEqual([false]);
    await click(workbook, keeping, "tiers");
    expect(keeping.stored.analyses.map((analysis) => analysis.config.ok)).toEqual([true]);
  });
});
