/**
 * The one interface the task pane uses to talk to a workbook. Excel implements it with Office.js
 * (officeWorkbook.ts); the workbench implements it in memory. Everything crossing it is plain data.
 */

/** A cell's value as read from or written to a sheet; null is an empty cell. */
export type CellScalar = string | number | boolean | null;

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
 * Everything one run writes, as plain data: the Excel layer turns it into as few syncs as the 4 MB budget
 * allows, and formats with one call per rule, never per cell.
 */
export interface WritePlan {
  /** The add-in's own previous output, emptied (values and formats) first. */
  clear: SheetRange[];
  /** Value blocks, each written from its top-left cell; null empties a cell. */
  values: { at: Pick<SheetRange, "sheet" | "row" | "column">; values: CellScalar[][] }[];
  fills: FillRules[];
  /** Workbook settings stored with the output (null deletes). */
  settings: Record<string, string | null>;
}

export interface WorkbookPort {
  /** The selected block, whole rows/columns trimmed to the sheet's used range. */
  getSelection(): Promise<SheetRange>;
  /** The contiguous data block around the active cell (Ctrl+A / Ctrl+Shift+* in Excel). */
  getCurrentRegion(): Promise<SheetRange>;
  readValues(range: SheetRange, progress?: Progress): Promise<CellScalar[][]>;
  /** The smallest block holding every non-empty cell of the range, or null when it is all empty. */
  findValues(range: SheetRange): Promise<SheetRange | null>;
  applyWritePlan(plan: WritePlan, progress?: Progress): Promise<void>;
  /** Workbook-scoped settings that travel with the file. */
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string | null): Promise<void>;
  /** Calls back when the user selects another range; returns the unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
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
