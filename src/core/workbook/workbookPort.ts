import type { CellValue } from "../cells";

/**
 * The one interface the task pane uses to talk to a workbook. The core owns it; Excel implements it with Office.js
 * (src/excel/officeWorkbook.ts) and the workbench in memory (src/workbench/memoryWorkbook.ts). Everything crossing
 * it is plain data. Cells are CellValue: reads give text, numbers, booleans and null (empty); writes also take a
 * CvaError (written as Excel's error value) and undefined (as empty).
 */

/** A rectangular block on one sheet, 0-based like Excel's getRangeByIndexes. */
export interface SheetRange {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface Progress {
  /** Rows done so far and in all, for a progress bar. */
  onProgress?: (doneRows: number, totalRows: number) => void;
  /** Cancels between blocks; a cancelled call rejects with WorkbookError("cancelled"). */
  signal?: AbortSignal;
}

/** A fill applied where a formula (written for the first area's top-left cell, relative refs) is TRUE. */
export interface ConditionalFill {
  formula: string;
  fill: string;
  fontColor: string;
}

/** Conditional fills over one or more areas of a sheet, replacing whatever rules those areas had. */
export interface FillRules {
  sheet: string;
  /** The first area's top-left cell anchors the formulas' relative references. */
  areas: Omit<SheetRange, "sheet">[];
  rules: ConditionalFill[];
}

/**
 * A colour scale over one area (Excel's three-colour scale): the lowest number gets `min`, the median `mid`, the
 * highest `max`, and the numbers between a blend; blank cells stay uncoloured. Readers without the add-in draw it.
 */
export interface ColorScale {
  sheet: string;
  area: Omit<SheetRange, "sheet">;
  colors: { min: string; mid: string; max: string };
}

/**
 * Everything one run writes, as plain data: the Excel layer turns it into as few syncs as the 4 MB budget
 * allows, and formats with one call per rule, never per cell.
 */
export interface WritePlan {
  /** The add-in's own previous output, emptied (values and formats) first. */
  clear: SheetRange[];
  /** Value blocks, each written from its top-left cell; null empties a cell. */
  values: { at: CellPosition; values: CellValue[][] }[];
  /**
   * Value blocks given column by column, written after `values` like them: a result a million rows long is written
   * from the engine's own columns, without a million row arrays.
   */
  columns?: ColumnBlock[];
  fills: FillRules[];
  /** Colour scales (heatmaps), each replacing the rules its area had. */
  colorScales?: ColorScale[];
  /** Workbook settings stored with the output (null deletes). */
  settings: Record<string, string | null>;
  /** Sheets to add, or to empty by replacing them, before anything else is written. */
  sheets?: SheetSetup[];
  /**
   * Formula blocks, written after the values: each entry a formula ("=…"), a constant, "" to empty the cell, or
   * null to leave the cell as it is (Office.js's own meaning of null in Range.formulas).
   */
  formulas?: { at: CellPosition; formulas: (string | null)[][] }[];
  /** Native charts, added last so their data is in place. */
  charts?: ChartSpec[];
  /** Number formats (Excel's format codes, e.g. "0.000", "yyyy-mm-dd"), one per set of areas, after the values. */
  numberFormats?: NumberFormats[];
  /**
   * Tags the document so the task pane opens with it for anyone who has the add-in (true), or removes the tag
   * (false); Office reads the tag from the document setting Office.AutoShowTaskpaneWithDocument.
   */
  autoOpen?: boolean;
}

/** One number format over one or more areas of a sheet. */
export interface NumberFormats {
  sheet: string;
  areas: Omit<SheetRange, "sheet">[];
  /** An Excel format code as Excel's own en-US settings write it ("0.000", "#,##0.00", "yyyy-mm-dd"). */
  format: string;
}

/** The format the add-in writes dates in: ISO, which every locale reads the same way. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** A cell, 0-based. */
export type CellPosition = Pick<SheetRange, "sheet" | "row" | "column">;

/** A block of values from its top-left cell, column by column: each column's cells top to bottom, all as long. */
export interface ColumnBlock {
  at: CellPosition;
  columns: readonly (readonly CellValue[])[];
}

/**
 * visible, hidden (Home › Format › Unhide brings it back) or veryHidden (only code can show it: where the add-in
 * keeps its own data so nobody edits it by accident).
 */
export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSetup {
  name: string;
  /** Deletes a sheet of that name first (its cells, rules and charts), so the plan writes on an empty sheet. */
  replace?: boolean;
  /** Deletes a sheet of that name, if there is one, and adds none. */
  remove?: boolean;
  visibility?: SheetVisibility;
}

/** The document setting Office reads to open the task pane with the workbook (the manifest's TaskpaneId). */
export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

/** A native chart over a block the plan writes: first row the series names, first column the categories. */
export interface ChartSpec {
  sheet: string;
  /** Lets a later run find and replace it. */
  name: string;
  type: "columnClustered" | "line";
  title: string;
  /** Shows the series' names (default: hidden, for a single series). */
  legend?: boolean;
  data: Omit<SheetRange, "sheet">;
  /** The cells the chart covers. */
  position: Omit<SheetRange, "sheet">;
}

/** What inside a range changes how it can be read or written. */
export interface RangeLayout {
  /** Merged areas within the range. */
  merged: SheetRange[];
  /** Rows of the range hidden by a filter or by hand. */
  hiddenRows: number;
}

export interface WorkbookPort {
  /** The selected block, whole rows/columns trimmed to the sheet's used range. */
  getSelection(): Promise<SheetRange>;
  /** The contiguous data block around the active cell (Ctrl+A / Ctrl+Shift+* in Excel). */
  getCurrentRegion(): Promise<SheetRange>;
  readValues(range: SheetRange, progress?: Progress): Promise<CellValue[][]>;
  /**
   * readValues column by column (each column's cells top to bottom), in the same blocks: for reading back a large
   * output, where a million short row arrays would cost more than the reading.
   */
  readColumns(range: SheetRange, progress?: Progress): Promise<CellValue[][]>;
  /** The smallest block holding every non-empty cell of the range, or null when it is all empty. */
  findValues(range: SheetRange): Promise<SheetRange | null>;
  applyWritePlan(plan: WritePlan, progress?: Progress): Promise<void>;
  /** Merged cells and hidden rows within a range, so the pane can refuse the first and explain the second. */
  inspectRange(range: SheetRange): Promise<RangeLayout>;
  /** Workbook-scoped settings that travel with the file. */
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string | null): Promise<void>;
  /** Calls back when the user selects another range; returns the unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
  /**
   * The formulas of a range, cell by cell: the text ("=CVA.TIER(B2:B9)") where a cell has a formula, null where it
   * holds a constant or nothing. A cell a dynamic array spilled into has no formula of its own. Read in ≤ 4 MB
   * blocks like readValues.
   */
  readFormulas(range: SheetRange, progress?: Progress): Promise<(string | null)[][]>;
  /** For each cell, the block its dynamic-array formula spills into (the cell included), or null if it spills none. */
  getSpillRanges(
    sheet: string,
    cells: readonly Omit<CellPosition, "sheet">[]
  ): Promise<(SheetRange | null)[]>;
  /** The block holding every non-empty cell of a sheet; null when the sheet is empty or there is no such sheet. */
  getUsedRange(sheet: string): Promise<SheetRange | null>;
  /** The sheets a user can see or unhide, in tab order (very hidden ones, like the add-in's store, left out). */
  listSheets(): Promise<string[]>;
}

export type WorkbookErrorKind =
  "invalidSelection" | "emptySelection" | "protectedSheet" | "tooLarge" | "cancelled" | "unknown";

/** A failure the task pane can explain to the user in their language (the kind picks the message). */
export class WorkbookError extends Error {
  readonly kind: WorkbookErrorKind;

  constructor(kind: WorkbookErrorKind, detail?: string) {
    super(detail ?? kind);
    this.name = "WorkbookError";
    this.kind = kind;
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkbookError("cancelled");
}
