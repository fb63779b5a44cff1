/**
 * The task pane's own path for a click on Segment, through the in-memory workbook on a full sheet (1,048,576 rows):
 * read the selection (inspecting merged cells and hidden rows), detect and set up the table, run the method with
 * its English headers and segment names put through the pane's translation, plan the output, check the cells in
 * the way and write. Each timed run after the first replaces the previous one's output. Target from the task-pane
 * issue: ≤ 2 s.
 */
import { CustomerTable } from "../src/taskpane/flow/customerTable";
import { FlowState, flowReducer, initialFlowState } from "../src/taskpane/flow/flowState";
import { MethodName, MethodSettings } from "../src/taskpane/flow/methodSettings";
import { readSelection } from "../src/taskpane/flow/readSelection";
import { runSegmentation } from "../src/taskpane/flow/segment";
import { prepareOutput, writeOutput } from "../src/taskpane/flow/writeOutput";
import { DEFAULT_LEGEND_HEADERS } from "../src/core/segmentation/writePlan";
import { MemoryWorkbook } from "../src/workbench/memoryWorkbook";
import { measureAsync } from "./harness";
import { EXCEL_ROWS, syntheticCustomers } from "./syntheticCustomers";

const reduce = flowReducer({
  summarySheet: "Customer summary",
  tierNames: () => ["High", "Medium", "Low"],
});
const translate = (key: string, options?: Record<string, unknown>) =>
  String(options?.defaultValue ?? key);
const texts = { legendHeaders: DEFAULT_LEGEND_HEADERS, action: (key: string) => key };

async function segmentThroughPane(workbook: MemoryWorkbook, method: MethodName): Promise<void> {
  const data = await readSelection(workbook, "selection");
  const state: FlowState = reduce(initialFlowState, { type: "loaded", data });
  const table = state.table as CustomerTable;
  const segmented = await runSegmentation(
    table,
    method,
    state.settings as MethodSettings,
    translate
  );
  const pending = await prepareOutput(workbook, table, segmented.result, texts);
  if (pending.conflicts.length > 0) throw new Error("target not empty: the pane would ask first");
  await writeOutput(workbook, pending);
}

export async function run(): Promise<void> {
  for (const [method, name] of [
    ["rfm", "RFM"],
    ["tiers", "value tiers"],
  ] as const) {
    const workbook = new MemoryWorkbook({ Customers: syntheticCustomers(EXCEL_ROWS - 1) });
    workbook.select({
      sheet: "Customers",
      row: 0,
      column: 0,
      rowCount: EXCEL_ROWS,
      columnCount: 4,
    });
    await measureAsync(`Task pane flow, 1,048,576 rows, ${name}`, 2000, () =>
      segmentThroughPane(workbook, method)
    );
  }
}
