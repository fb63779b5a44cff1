import type { CellValue } from "../../core/cells";
import { rangeAddress } from "../../core/workbook/a1";
import { overlaps } from "../../core/workbook/rectangles";
import { Progress, SheetRange, WorkbookPort } from "../../core/workbook/workbookPort";
import { ProblemError, problem } from "./problems";

export interface SelectedData {
  range: SheetRange;
  values: CellValue[][];
  /**
   * Rows of the range hidden by a filter or by hand. They are read and segmented like the others and get their
   * results on their own rows: the output must line up row for row with the data, and a customer does not stop
   * being one because a filter hides them. The pane says so.
   */
  hiddenRows: number;
}

/** "Sheet1!A1:F2358", quoting sheet names as Excel does when they need it. */
export function sheetAddress(range: SheetRange): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(range.sheet)
    ? range.sheet
    : `'${range.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${rangeAddress(range)}`;
}

/**
 * The current region without the pane's own output beside the data (results and legends of the workbook's analyses,
 * `outputs`): Excel's region runs on into them, and segmenting them would be segmenting results. The region ends
 * before the first output that starts right of its first column.
 */
export function regionWithoutOutputs(
  region: SheetRange,
  outputs: readonly SheetRange[]
): SheetRange {
  const end = outputs
    .filter((output) => overlaps(output, region) && output.column > region.column)
    .reduce((first, output) => Math.min(first, output.column), region.column + region.columnCount);
  return { ...region, columnCount: end - region.column };
}

/**
 * Reads the selection (or the current region, less the pane's output in it, or a stored range for "Run again") the
 * pane will segment. Merged cells are refused: only a merged
 * area's top-left cell holds a value, so a customer's row would silently lose cells, and results could not be
 * written beside them.
 */
export async function readSelection(
  workbook: WorkbookPort,
  which: "selection" | "currentRegion" | SheetRange,
  progress: Progress = {},
  /** The ranges the workbook's analyses wrote, left out of the current region. */
  outputs: readonly SheetRange[] = []
): Promise<SelectedData> {
  const range =
    which === "selection"
      ? await workbook.getSelection()
      : which === "currentRegion"
        ? regionWithoutOutputs(await workbook.getCurrentRegion(), outputs)
        : which;
  const layout = await workbook.inspectRange(range);
  if (layout.merged.length > 0)
    throw new ProblemError(
      problem("mergedCells", {
        address: layout.merged
          .slice(0, 3)
          .map((area) => rangeAddress(area))
          .join(", "),
      })
    );
  const values = await workbook.readValues(range, progress);
  return { range, values, hiddenRows: layout.hiddenRows };
}
