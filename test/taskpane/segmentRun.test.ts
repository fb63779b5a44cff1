import { WARNING_MARK } from "../../src/core/sharing/changeColumn";
import type { SegmentationConfig } from "../../src/taskpane/flow/storedConfig";
import type { RunSnapshot } from "../../src/core/sharing/snapshot";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { MethodSettings } from "../../src/taskpane/methods/registry";
import { openStoredRuns } from "../../src/taskpane/flow/monitoring";
import { readSelection } from "../../src/taskpane/flow/readSelection";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { RunKeeping, commitRun, prepareRun } from "../../src/taskpane/flow/segmentRun";
import { SUMMARY_SHEET_SETTING } from "../../src/taskpane/flow/writeOutput";
import type { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { CUSTOMERS, keyT, sampleSelection, tierNames } from "./sample";

const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });
const MONETARY = 5;

/** One click on Segment with value tiers on Monetary, as the pane's hook makes it. */
async function click(workbook: MemoryWorkbook, keeping: RunKeeping) {
  workbook.select(CUSTOMERS);
  const data = await readSelection(workbook, "selection");
  const state = reduce(initialFlowState, { type: "loaded", data });
  const segmented = await runSegmentation(
    state.table as CustomerTable,
    "tiers",
    state.settings as MethodSettings,
    keyT
  );
  const prepared = await prepareRun(workbook, state, segmented, keeping, keyT, "en-US");
  if (!prepared) throw new Error("not ready");
  return { prepared, committed: await commitRun(workbook, prepared, keeping) };
}

async function keepingOf(workbook: MemoryWorkbook): Promise<RunKeeping & { saves: number }> {
  const opened = await openStoredRuns(workbook);
  const keeping = {
    ...opened,
    saves: 0,
    onSaved: (config: SegmentationConfig, runs: RunSnapshot[]) => {
      keeping.saves++;
      keeping.stored = { config: { ok: true, config }, runs, problems: [] };
    },
  };
  return keeping;
}

describe("a click on Segment, prepared then committed", () => {
  it("writes the output and the summary sheet, and keeps the run; a re-run compares and flags a drop", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    const keeping = await keepingOf(workbook);

    const first = await click(workbook, keeping);
    expect(first.prepared.pending.conflicts).toEqual([]);
    expect(first.committed).toEqual({ report: null, saveProblem: null, note: null });
    expect(keeping.saves).toBe(1);
    expect(keeping.stored.runs).toHaveLength(1);
    const summarySheet = await workbook.readSetting(SUMMARY_SHEET_SETTING);
    expect(summarySheet).not.toBeNull();
    expect(workbook.sheetNames()).toContain(summarySheet);
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

    const second = await click(workbook, keeping);
    expect(second.committed.saveProblem).toBeNull();
    expect(keeping.stored.runs).toHaveLength(2);
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
});
