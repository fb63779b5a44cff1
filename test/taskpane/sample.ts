import { SheetRange } from "../../src/core/workbook/workbookPort";
import { SelectedData, readSelection } from "../../src/taskpane/flow/readSelection";
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
