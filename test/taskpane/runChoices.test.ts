/**
 * What the pane offers when a run meets the user's work or changed settings (issue 11): a legend that stays put when
 * the Change column appears, "Put results in the next empty columns" beside Keep / Overwrite, "Compare anyway"
 * after a new baseline, and edits on the sheets an analysis replaces whole (its Segment summary) protected.
 */
import { rangeAddress } from "../../src/core/workbook/a1";
import { commitRun } from "../../src/taskpane/flow/segmentRun";
import { addresses } from "../../src/taskpane/flow/writeOutput";
import type { MethodSettings } from "../../src/taskpane/methods/registry";
import { CUSTOMERS, TRANSACTIONS, click, prepareClick, sampleSession, typeValue } from "./sample";

const cutoffs = (settings: MethodSettings, at: number[]) => ({
  ...settings,
  tiers: { ...settings.tiers, tiers: { ...settings.tiers.tiers, cutoffs: at } },
});

describe("the legend stays put", () => {
  it("keeps its columns when a re-run adds the Change column", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const first = await click(workbook, keeping, "rfm");
    expect(rangeAddress(first.prepared.pending.target)).toBe("G1:K2358");
    // L is kept for the Change column, M stays empty.
    expect(rangeAddress(first.prepared.pending.legend)).toBe("N1:S12");
    const second = await click(workbook, keeping, "rfm");
    expect(second.prepared.monitored.comparison).not.toBeNull();
    expect(rangeAddress(second.prepared.pending.target)).toBe("G1:L2358");
    expect(rangeAddress(second.prepared.pending.legend)).toBe("N1:S12");
    expect(workbook.cell("Customers", 0, 13)).toBe("output.Segment");
    expect(workbook.cell("Customers", 0, 12)).toBeNull();
  });
});

describe("Put results in the next empty columns", () => {
  it("keeps the edited cell, moves the output right of everything, and ownership and fingerprints follow", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "rfm");
    await typeValue(workbook, "Customers", 4, 6, "call back in May");
    const asked = await prepareClick(workbook, keeping, "rfm");
    expect(addresses(asked.prepared.pending.conflicts)).toBe("Customers!G5");
    expect(asked.prepared.movable).toBe(true);

    const { prepared } = await prepareClick(workbook, keeping, "rfm", CUSTOMERS, undefined, {
      moveAside: asked.prepared.pending.conflicts,
    });
    expect(prepared.pending.conflicts).toEqual([]);
    expect(prepared.movable).toBe(false);
    // The old legend ends in S: the first empty columns are T on (this run compared, so with its Change column in
    // Y), the legend in its usual place after them.
    expect(rangeAddress(prepared.pending.target)).toBe("T1:Y2358");
    expect(rangeAddress(prepared.pending.legend)).toBe("AA1:AF12");
    await commitRun(prepared, keeping);

    expect(workbook.cell("Customers", 4, 6)).toBe("call back in May");
    // The rest of the old output is cleared: it was ours.
    expect(workbook.cell("Customers", 4, 7)).toBeNull();
    expect(workbook.cell("Customers", 0, 13)).toBeNull();
    expect(workbook.cell("Customers", 0, 19)).toBe("output.R");
    const owned = keeping.stored.analyses[0].output.owned;
    expect(owned.map(rangeAddress)).toEqual(["T1:Y2358", "AA1:AF12"]);

    // The next run meets its output as it wrote it: nothing to ask; an edit there is found by its new fingerprint.
    const again = await prepareClick(workbook, keeping, "rfm");
    expect(again.prepared.pending.conflicts).toEqual([]);
    await typeValue(workbook, "Customers", 9, 20, 42);
    const edited = await prepareClick(workbook, keeping, "rfm");
    expect(addresses(edited.prepared.pending.conflicts)).toBe("Customers!U10");
  });

  it("moves past someone else's data, to columns empty in every row the sheet uses", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await typeValue(workbook, "Customers", 2000, 6, "someone's note");
    await typeValue(workbook, "Customers", 0, 10, "another column");
    const asked = await prepareClick(workbook, keeping, "tiers");
    expect(addresses(asked.prepared.pending.conflicts)).toBe("Customers!G2001, Customers!K1");
    const { prepared } = await prepareClick(workbook, keeping, "tiers", CUSTOMERS, undefined, {
      moveAside: asked.prepared.pending.conflicts,
    });
    // Tiers: one column and room for the Change column, a gap and the legend, all empty from L on.
    expect(rangeAddress(prepared.pending.target)).toBe("L1:L2358");
    expect(rangeAddress(prepared.pending.legend)).toBe("O1:T4");
    await commitRun(prepared, keeping);
    expect(workbook.cell("Customers", 2000, 6)).toBe("someone's note");
    expect(workbook.cell("Customers", 0, 10)).toBe("another column");
  });
});

describe("Compare anyway", () => {
  it("after a new baseline, compares with the previous run on request, and writes nothing of it", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const first = await click(workbook, keeping, "tiers");
    expect(first.committed.compareAnyway).toBeNull();
    const changed = await click(workbook, keeping, "tiers", CUSTOMERS, (s) => cutoffs(s, [10, 40]));
    expect(changed.committed.newBaseline).toBe(true);
    expect(changed.committed.report).toBeNull();
    const tierColumn = changed.prepared.pending.target.column;
    expect(workbook.cell("Customers", 0, tierColumn + 1)).toBeNull();

    const anyway = changed.committed.compareAnyway?.();
    // Lower cutoffs move customers from Medium to Low without any change in the data: what the settings did.
    const mediumToLow = anyway?.movement[anyway.from.indexOf("Medium")][anyway.to.indexOf("Low")];
    expect(mediumToLow).toBeGreaterThan(0);
    expect(anyway?.flaggedCount).toBeGreaterThanOrEqual(mediumToLow as number);
    expect(anyway?.previousSavedAt).toBe(first.prepared.monitored.current.run.savedAt);
    // Still nothing in the sheet's Change column.
    expect(workbook.cell("Customers", 0, tierColumn + 1)).toBeNull();
  });
});

describe("edits on the sheets an analysis replaces whole", () => {
  it("lists a changed Segment summary cell and a note typed beside it before running again", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    const first = await click(workbook, keeping, "tiers");
    const sheet = keeping.stored.analyses[0].output.summarySheet as string;
    expect(first.prepared.summary).not.toBeNull();
    await typeValue(workbook, sheet, 1, 0, "my own heading");
    await typeValue(workbook, sheet, 40, 25, "a note");
    const { prepared } = await prepareClick(workbook, keeping, "tiers");
    expect(prepared.pending.conflicts.map((range) => [range.sheet, rangeAddress(range)])).toEqual([
      [sheet, "A2"],
      [sheet, "Z41"],
    ]);
    expect(prepared.movable).toBe(false);
  });

  it("asks about nothing on a Cohorts report sheet and customer summary left as written, and lists an edit there", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    await click(workbook, keeping, "cohorts", TRANSACTIONS);
    const again = await prepareClick(workbook, keeping, "cohorts", TRANSACTIONS);
    expect(again.prepared.pending.conflicts).toEqual([]);
    const sheet = keeping.stored.analyses[0].output.reportSheet as string;
    await typeValue(workbook, sheet, 0, 0, "my title");
    const { prepared } = await prepareClick(workbook, keeping, "cohorts", TRANSACTIONS);
    expect(prepared.pending.conflicts.map((range) => [range.sheet, rangeAddress(range)])).toEqual([
      [sheet, "A1"],
    ]);
  });

  it("asks about nothing on a summary sheet left as written", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);
    await click(workbook, keeping, "tiers");
    const { prepared } = await prepareClick(workbook, keeping, "tiers");
    expect(prepared.pending.conflicts).toEqual([]);
  });
});
