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

/** A fill applied where a formula (written for the range's top-left cell, relative refs) is TRUE. */
export interface ConditionalFill {
  formula: string;
  fill: string;
  fontColor: string;
}

export interface WorkbookPort {
  /** The selected block, whole rows/columns trimmed to the sheet's used range. */
  getSelection(): Promise<SheetRange>;
  /** The contiguous data block around the active cell (Ctrl+A / Ctrl+Shift+* in Excel). */
  getCurrentRegion(): Promise<SheetRange>;
  readValues(range: SheetRange, progress?: Progress): Promise<CellScalar[][]>;
  /** Writes a rows × columns block whose top-left cell is at range.row/column (its size comes from values). */
  writeValues(at: Pick<SheetRange, "sheet" | "row" | "column">, values: CellScalar[][], progress?: Progress): Promise<void>;
  /** Empties the cells (values and formats) of a block. */
  clearRange(range: SheetRange): Promise<void>;
  /** Replaces every conditional format on the range with one rule per fill, in priority order. */
  setConditionalFills(range: SheetRange, fills: ConditionalFill[]): Promise<void>;
  /** Workbook-scoped settings that travel with the file. */
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string | null): Promise<void>;
  /** Calls back when the user selects another range; returns the unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
}

export type WorkbookErrorKind =
  | "invalidSelection"
  | "emptySelection"
  | "protectedSheet"
  | "tooLarge"
  | "cancelled"
  | "unknown";

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
