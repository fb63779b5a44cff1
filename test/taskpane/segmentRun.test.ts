import { WARNING_MARK } from "../../src/core/sharing/changeColumn";
import { CUSTOMERS, click, keepingOf, sampleSelection, sampleSession } from "./sample";

const MONETARY = 5;

describe("a click on Segment, prepared then committed", () => {
  it("writes the output and the summary sheet, and keeps the run; a re-run compares and flags a drop", async () => {
    const { workbook, keeping } = await sampleSession(CUSTOMERS);

    const first = await click(workbook, keeping, "tiers");
    expect(first.prepared.pending.conflicts).toEqual([]);
    expect(first.committed).toEqual({
      report: null,
      saveProblem: null,
      note: null,
      newBaseline: false,
      compareAnyway: null,
    });
    expect(keeping.saves).toBe(1);
    const [analysis] = keeping.stored.analyses;
    expect(analysis.history.runs).toHaveLength(1);
    expect(analysis.output.summarySheet).toBe("segmentSummary.sheetName");
    expect(workbook.sheetNames()).toContain(analysis.output.summarySheet);
    const tierColumn = first.prepared.pending.target.column;
    expect(workbook.cell("Customers", 0, tierColumn)).toBe("output.Tier"); // the header, through the pane's t

    // The biggest spender stops spending: a High customer falls to Low.
    let top = 1;
    for (let row = 2; row < CUSTOMERS.rowCount; row++)
      if (
        (workbook.cell("Customers", row, MONETARY) as number) >
        (workbook.cell("Customers", top, MONETARY) as number)
      )
        top = row;
    expect(workbook.cell("Customers", top, tierColumn)).toBe("High");
    await workbook.applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Customers", row: top, column: MONETARY }, values: [[0]] }],
      fills: [],
      settings: {},
    });

    const second = await click(workbook, keeping, "tiers");
    expect(second.committed.saveProblem).toBeNull();
    expect(keeping.stored.analyses[0].history.runs).toHaveLength(2);
    const report = second.committed.report;
    expect(report).not.toBeNull();
    expect(report?.flagged.map((flag) => flag.id)).toContain(
      String(workbook.cell("Customers", top, 0))
    );
    const changeColumn = second.prepared.pending.target.column + 1;
    expect(workbook.cell("Customers", top, tierColumn)).toBe("Low");
    expect(String(workbook.cell("Customers", top, changeColumn))).toMatch(
      new RegExp(`^${WARNING_MARK}`)
    );
  });

  it("keeps nothing in the document's settings", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    const keeping = await keepingOf(workbook, { autoOpen: true });
    await click(workbook, keeping, "rfm");
    await click(workbook, keeping, "tiers");
    expect(workbook.settingKeys()).toEqual(["Office.AutoShowTaskpaneWithDocument"]);
  });
});
