import type { CellValue } from "../../src/core/cells";
import { SheetRange, WorkbookPort } from "../../src/core/workbook/workbookPort";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { SharingOptions, openStoredRuns } from "../../src/taskpane/flow/monitoring";
import { SelectedData, readSelection } from "../../src/taskpane/flow/readSelection";
import type { StoredRuns } from "../../src/taskpane/flow/runStore";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { RunChoice, RunKeeping, commitRun, prepareRun } from "../../src/taskpane/flow/segmentRun";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import type { MethodName, MethodSettings } from "../../src/taskpane/methods/registry";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { createSampleWorkbook } from "../../src/workbench/sampleWorkbook";

/** The workbench's sample workbook with a range selected and read, as the pane reads it. */
export async function sampleSelection(
  range: SheetRange
): Promise<{ workbook: ReturnType<typeof createSampleWorkbook>; data: SelectedData }> {
  const workbook = createSampleWorkbook();
  workbook.select(range);
  const data = await readSelection(workbook, "selection");
  return { workbook, data };
}

export const CUSTOMERS: SheetRange = {
  sheet: "Customers",
  row: 0,
  column: 0,
  rowCount: 2358,
  columnCount: 6,
};
export const TRANSACTIONS: SheetRange = {
  sheet: "Transactions",
  row: 0,
  column: 0,
  rowCount: 6788,
  columnCount: 4,
};
export const BAD_DATA: SheetRange = {
  sheet: "Bad data",
  row: 0,
  column: 0,
  rowCount: 22,
  columnCount: 4,
};

/** A stand-in for i18next's t: the key, with the values it was given. */
export const keyT = (key: string, options?: Record<string, unknown>) => {
  const values = Object.entries(options ?? {}).filter(([name]) => name !== "defaultValue");
  return values.length === 0
    ? key
    : `${key}(${values.map(([name, value]) => `${name}=${String(value)}`).join(",")})`;
};

export const tierNames = (count: number) =>
  count === 3 ? ["High", "Medium", "Low"] : Array.from({ length: count }, (_, j) => `T${j + 1}`);

/** What the pane keeps of the workbook's store, opened as the pane opens it; counts the saves. */
export async function keepingOf(
  workbook: WorkbookPort,
  options: Partial<SharingOptions> = {}
): Promise<RunKeeping & { saves: number }> {
  const store = new StoreSession(workbook);
  const opened = await openStoredRuns(store);
  const keeping = {
    store,
    stored: opened.stored,
    options: { ...opened.options, ...options },
    saves: 0,
    onSaved: (stored: StoredRuns) => {
      keeping.saves++;
      keeping.stored = stored;
    },
  };
  return keeping;
}

/** The sample workbook with a range selected and the pane's store opened: where a series of clicks starts. */
export async function sampleSession(range: SheetRange = CUSTOMERS) {
  const { workbook } = await sampleSelection(range);
  return { workbook, keeping: await keepingOf(workbook) };
}

/** The user types a value into one cell. */
export async function typeValue(
  workbook: WorkbookPort,
  sheet: string,
  row: number,
  column: number,
  value: CellValue
): Promise<void> {
  await workbook.applyWritePlan({
    clear: [],
    values: [{ at: { sheet, row, column }, values: [[value]] }],
    fills: [],
    settings: {},
  });
}

/** One click on Segment over a range with a method and its default settings, as the pane's hook makes it. */
export async function click(
  workbook: WorkbookPort,
  keeping: RunKeeping,
  method: MethodName,
  range: SheetRange = CUSTOMERS,
  adjust?: (settings: MethodSettings) => MethodSettings
) {
  const { prepared } = await prepareClick(workbook, keeping, method, range, adjust);
  return { prepared, committed: await commitRun(prepared, keeping) };
}

/**
 * The first half of a click: read, segment and prepare, writing nothing. The range is selected first (an in-memory
 * workbook), or read as it is (any other port: a stored range, as Run again reads it).
 */
export async function prepareClick(
  workbook: WorkbookPort,
  keeping: RunKeeping,
  method: MethodName = "rfm",
  range: SheetRange = CUSTOMERS,
  /** Changes the default settings, as the user would in the method's panel. */
  adjust: (settings: MethodSettings) => MethodSettings = (settings) => settings,
  /** How the user answered the cells in the way (the consent dialog's "next empty columns"). */
  choice: RunChoice = {}
) {
  if (workbook instanceof MemoryWorkbook) workbook.select(range);
  const data = await readSelection(
    workbook,
    workbook instanceof MemoryWorkbook ? "selection" : range
  );
  const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
    type: "loaded",
    data,
  });
  const segmented = await runSegmentation(
    state.table as CustomerTable,
    method,
    adjust(state.settings as MethodSettings),
    keyT
  );
  const flow = { ...state, settings: adjust(state.settings as MethodSettings) };
  const prepared = await prepareRun(
    workbook,
    flow,
    segmented,
    keeping,
    keyT,
    "en-US",
    undefined,
    choice
  );
  if (!prepared) throw new Error("not ready");
  return { prepared };
}
