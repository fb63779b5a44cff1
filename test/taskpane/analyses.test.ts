/**
 * Analyses side by side (issue 11, finding 1): each Segment updates its own analysis, whose output alone it
 * replaces; a workbook holds many; one can be removed with everything it wrote.
 */
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { ANALYSES_KEY, historyPrefix, removeAnalysis } from "../../src/taskpane/flow/runStore";
import {
  BAD_DATA,
  CUSTOMERS,
  TRANSACTIONS,
  click,
  keepingOf,
  prepareClick,
  sampleSelection,
} from "./sample";

describe("analyses side by side", () => {
  it("RFM on Customers, then value tiers on Bad data: the first output and its colours stay", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    const keeping = await keepingOf(workbook);
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
    const { workbook } = await sampleSelection(TRANSACTIONS);
    const keeping = await keepingOf(workbook);
    await click(workbook, keeping, "predictive", TRANSACTIONS);
    const alive = workbook.cell("Customer summary", 1, 6);
    expect(typeof alive).toBe("number");
    await click(workbook, keeping, "rfm", CUSTOMERS);
    expect(workbook.cell("Customer summary", 1, 6)).toBe(alive);
    expect(workbook.usedSize("Customer summary")).toMatchObject({ rowCount: 2358 });
  });

  it("a run on the same data updates its analysis, and asks before writing over another analysis's cells", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    const keeping = await keepingOf(workbook);
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
    const { workbook } = await sampleSelection(TRANSACTIONS);
    const keeping = await keepingOf(workbook);
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
});
