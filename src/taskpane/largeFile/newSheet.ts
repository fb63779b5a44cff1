import type { CellValue } from "../../core/cells";
import type { Progress, SheetRange, WorkbookPort } from "../../core/workbook/workbookPort";

/** Excel's longest sheet name, and the characters a name cannot hold. */
const MAX_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

/** "Customers (orders)", made unique among the workbook's sheets ("… 2", "… 3") and short enough for Excel. */
export async function newSheetName(
  workbook: WorkbookPort,
  prefix: string,
  file: string
): Promise<string> {
  const base =
    `${prefix} (${file.replace(/\.[^.]+(\.gz)?$/i, "").replace(FORBIDDEN, "_")}`.slice(
      0,
      MAX_NAME - 4
    ) + ")";
  const taken = new Set((await workbook.listSheets()).map((name) => name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_NAME - 3)} ${n}`;
  return name;
}

/**
 * Writes blocks of values on a new sheet: the workbook port sends them in byte-sized blocks (≤ 4 MB per sync in
 * Excel) with progress and Cancel. Returns the range of the first block, the table the pane reads next.
 */
export async function writeNewSheet(
  workbook: WorkbookPort,
  sheet: string,
  blocks: { row: number; column: number; values: CellValue[][] }[],
  progress: Progress
): Promise<SheetRange> {
  await workbook.applyWritePlan(
    {
      clear: [],
      values: blocks.map(({ row, column, values }) => ({ at: { sheet, row, column }, values })),
      fills: [],
      settings: {},
      sheets: [{ name: sheet }],
    },
    progress
  );
  const [first] = blocks;
  return {
    sheet,
    row: first.row,
    column: first.column,
    rowCount: first.values.length,
    columnCount: first.values[0].length,
  };
}
