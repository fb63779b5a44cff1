/**
 * A click on Segment, end to end, through the in-memory workbook on a full sheet (1,048,576 rows): read the
 * selection (inspecting merged cells and hidden rows), detect and set up the table, run the method with its headers
 * and segment names put through the pane's translation, then the pane's own prepareRun / commitRun: snapshot and
 * comparison with the previous run (Change column), the output plan and the cells in the way, the write, the Segment
 * summary sheet, and the run kept in the workbook's store. Each timed run after the first is a re-run that replaces
 * the previous output and compares with the previous run. The store is read once, as the pane does when it opens.
 * Target from the task-pane issue, for the segmentation itself (read → segment → plan → check → write): ≤ 2 s; the
 * monitoring on top (snapshot of a million customers, comparison, the kept history) is printed beside it.
 */
import { CustomerTable } from "../src/taskpane/flow/customerTable";
import { FlowState, flowReducer, initialFlowState } from "../src/taskpane/flow/flowState";
import { MethodName, MethodSettings } from "../src/taskpane/methods/registry";
import { openStoredRuns } from "../src/taskpane/flow/monitoring";
import { readSelection } from "../src/taskpane/flow/readSelection";
import { runSegmentation } from "../src/taskpane/flow/segment";
import { RunKeeping, commitRun, prepareRun } from "../src/taskpane/flow/segmentRun";
import { prepareOutput, writeOutput } from "../src/taskpane/flow/writeOutput";
import { DEFAULT_LEGEND_HEADERS } from "../src/core/segmentation/writePlan";
import { MemoryWorkbook } from "../src/workbench/memoryWorkbook";
import { measureAsync, report } from "./harness";
import { EXCEL_ROWS, syntheticCustomers } from "./syntheticCustomers";

const reduce = flowReducer({
  summarySheet: "Customer summary",
  tierNames: () => ["High", "Medium", "Low"],
});
const translate = (key: string, options?: Record<string, unknown>) =>
  String(options?.defaultValue ?? key);

async function segment(workbook: MemoryWorkbook, method: MethodName) {
  const data = await readSelection(workbook, "selection");
  const state: FlowState = reduce(initialFlowState, { type: "loaded", data });
  const segmented = await runSegmentation(
    state.table as CustomerTable,
    method,
    state.settings as MethodSettings,
    translate
  );
  return { state, segmented };
}

/** The segmentation alone, as the task-pane issue defines it: no snapshot, no summary sheet, no kept run. */
async function segmentOnly(workbook: MemoryWorkbook, method: MethodName): Promise<void> {
  const { state, segmented } = await segment(workbook, method);
  const texts = { legendHeaders: DEFAULT_LEGEND_HEADERS, action: (key: string) => key };
  const pending = await prepareOutput(
    workbook,
    state.table as CustomerTable,
    segmented.result,
    texts
  );
  if (pending.conflicts.length > 0) throw new Error("target not empty: the pane would ask first");
  await writeOutput(workbook, pending);
}

/** The pane's whole click, monitoring included; true when the run was compared with a previous one. */
async function clickSegment(
  workbook: MemoryWorkbook,
  method: MethodName,
  keeping: RunKeeping
): Promise<boolean> {
  const { state, segmented } = await segment(workbook, method);
  const prepared = await prepareRun(workbook, state, segmented, keeping, translate, "en-US");
  if (!prepared) throw new Error("the flow was not ready to segment");
  if (prepared.pending.conflicts.length > 0)
    throw new Error("target not empty: the pane would ask first");
  const committed = await commitRun(workbook, prepared, keeping);
  if (committed.saveProblem) throw new Error(JSON.stringify(committed.saveProblem));
  return committed.report !== null;
}

/** A sheet of `rows` rows (a header and rows − 1 customers), all selected. */
function customerSheet(rows: number): MemoryWorkbook {
  const workbook = new MemoryWorkbook({ Customers: syntheticCustomers(rows - 1) });
  workbook.select({ sheet: "Customers", row: 0, column: 0, rowCount: rows, columnCount: 4 });
  return workbook;
}

/** Repeated clicks with the store kept between them as the pane keeps it (read once, updated on each save). */
async function measureClicks(rows: number, method: MethodName, name: string): Promise<void> {
  const workbook = customerSheet(rows);
  const opened = await openStoredRuns(workbook);
  const keeping: RunKeeping = {
    ...opened,
    onSaved: (config, runs) => {
      keeping.stored = { config: { ok: true, config }, runs, problems: [] };
    },
  };
  let compared = false;
  await measureAsync(
    `  whole click with monitoring, ${(rows - 1).toLocaleString("en-US")} customers, ${name}`,
    null,
    async () => {
      compared = await clickSegment(workbook, method, keeping);
    },
    3
  );
  report(
    `  ${name}: compared with the previous run, runs kept`,
    `${compared ? "yes" : "no"}, ${keeping.stored.runs.length}`
  );
}

export async function run(): Promise<void> {
  for (const [method, name] of [
    ["rfm", "RFM"],
    ["tiers", "value tiers"],
  ] as const) {
    const plain = customerSheet(EXCEL_ROWS);
    await measureAsync(`Segment 1,048,576 rows through the pane, ${name}`, 2000, () =>
      segmentOnly(plain, method)
    );
    // Monitoring on top: a snapshot of every customer, the comparison, the summary sheet and the kept history.
    await measureClicks(EXCEL_ROWS, method, name);
    await measureClicks(100_001, method, name);
  }
}
