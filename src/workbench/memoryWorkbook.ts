import { parseCellAddress } from "../excel/a1";
import { nextReadRowCount, rowBytes } from "../excel/blocks";
import {
  CellScalar,
  FillRules,
  WritePlan,
  Progress,
  SheetRange,
  WorkbookError,
  WorkbookPort,
  throwIfCancelled,
} from "../excel/workbookPort";

type AppliedFills = Omit<FillRules, "sheet">;

interface MemorySheet {
  rows: CellScalar[][];
  fills: AppliedFills[];
  /** Columns whose numbers are Excel date serials, shown as dates. */
  dateColumns: Set<number>;
}

/** The `=$G2="High"` shape our write plans produce: one column compared with a text or number. */
const equalityRule =
  /^=\s*(\$?[A-Za-z]{1,3}\$?\d+)\s*=\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*$/;

/**
 * An in-memory workbook behind the same port as Excel, for the workbench, tests and benchmarks. Conditional
 * fills are evaluated like Excel does for the rule shape the add-in writes (a cell equal to a value, with the
 * row reference relative to the range's top-left cell).
 */
export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets = new Map<string, MemorySheet>();
  private readonly settings = new Map<string, string>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();
  private selection: SheetRange;
  /** Syncs a real Excel would need for the calls made so far (one per block), for tests and benchmarks. */
  syncCount = 0;

  constructor(sheets: Record<string, CellScalar[][]>) {
    for (const [name, rows] of Object.entries(sheets))
      this.sheets.set(name, { rows, fills: [], dateColumns: new Set() });
    const first = Object.keys(sheets)[0] ?? "Sheet1";
    if (!this.sheets.has(first))
      this.sheets.set(first, { rows: [], fills: [], dateColumns: new Set() });
    this.selection = { sheet: first, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new WorkbookError("unknown", `No sheet named ${name}.`);
    return sheet;
  }

  /** Marks a column as holding dates (Excel would carry this as the cells' number format). */
  formatAsDate(sheet: string, column: number): void {
    this.sheet(sheet).dateColumns.add(column);
  }

  isDateColumn(sheet: string, column: number): boolean {
    return this.sheet(sheet).dateColumns.has(column);
  }

  cell(sheet: string, row: number, column: number): CellScalar {
    return this.sheet(sheet).rows[row]?.[column] ?? null;
  }

  /** Rows × columns that hold data, counted from A1 (Excel's used range, simplified to start at A1). */
  usedSize(sheet: string): { rowCount: number; columnCount: number } {
    const rows = this.sheet(sheet).rows;
    let rowCount = 0;
    let columnCount = 0;
    rows.forEach((row, index) => {
      if (!row) return;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== null && row[c] !== undefined) {
          rowCount = index + 1;
          columnCount = Math.max(columnCount, c + 1);
          break;
        }
      }
    });
    return { rowCount, columnCount };
  }

  /** What the grid selects with the mouse or keyboard. */
  select(range: SheetRange): void {
    this.selection = range;
    this.selectionListeners.forEach((listener) => listener());
  }

  /** The fill a conditional format gives this cell, as Excel would show it (first matching rule wins). */
  fillAt(sheet: string, row: number, column: number): { fill: string; fontColor: string } | null {
    const cell = { row, column, rowCount: 1, columnCount: 1 };
    for (const { areas, rules } of this.sheet(sheet).fills) {
      if (!areas.some((area) => overlaps(area, cell))) continue;
      for (const rule of rules) {
        if (this.ruleHolds(rule.formula, sheet, areas[0], row, column)) {
          return { fill: rule.fill, fontColor: rule.fontColor };
        }
      }
    }
    return null;
  }

  private ruleHolds(
    formula: string,
    sheet: string,
    range: Box,
    row: number,
    column: number
  ): boolean {
    const match = equalityRule.exec(formula);
    if (!match) return false;
    const reference = match[1];
    const anchor = parseCellAddress(reference);
    if (!anchor) return false;
    const rowAbsolute = /\$\d/.test(reference);
    const columnAbsolute = reference.startsWith("$");
    const targetRow = rowAbsolute ? anchor.row : anchor.row + (row - range.row);
    const targetColumn = columnAbsolute ? anchor.column : anchor.column + (column - range.column);
    const value = this.cell(sheet, targetRow, targetColumn);
    if (match[2] !== undefined)
      return String(value ?? "").toLowerCase() === match[2].replace(/""/g, '"').toLowerCase();
    return typeof value === "number" && value === Number(match[3]);
  }

  /** Calls back after any write, so a grid can redraw. */
  subscribe(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    this.changeListeners.forEach((listener) => listener());
  }

  async getSelection(): Promise<SheetRange> {
    const used = this.usedSize(this.selection.sheet);
    const lastRow = Math.min(this.selection.row + this.selection.rowCount, used.rowCount);
    const lastColumn = Math.min(
      this.selection.column + this.selection.columnCount,
      used.columnCount
    );
    if (lastRow <= this.selection.row || lastColumn <= this.selection.column)
      throw new WorkbookError("emptySelection");
    return {
      ...this.selection,
      rowCount: lastRow - this.selection.row,
      columnCount: lastColumn - this.selection.column,
    };
  }

  async getCurrentRegion(): Promise<SheetRange> {
    const { sheet } = this.selection;
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && this.cell(sheet, r, c) !== null;
    let top = this.selection.row;
    let left = this.selection.column;
    let bottom = top;
    let right = left;
    // Grow the box while any cell touching it (including diagonally) holds data, as Excel's current region does.
    for (let grew = true; grew;) {
      grew = false;
      const rowHas = (r: number) => {
        for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
        return false;
      };
      const columnHas = (c: number) => {
        for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
        return false;
      };
      if (top > 0 && rowHas(top - 1)) {
        top--;
        grew = true;
      }
      if (rowHas(bottom + 1)) {
        bottom++;
        grew = true;
      }
      if (left > 0 && columnHas(left - 1)) {
        left--;
        grew = true;
      }
      if (columnHas(right + 1)) {
        right++;
        grew = true;
      }
    }
    return {
      sheet,
      row: top,
      column: left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    };
  }

  async readValues(range: SheetRange, progress: Progress = {}): Promise<CellScalar[][]> {
    const rows: CellScalar[][] = [];
    let recentRowBytes: number | null = null;
    while (rows.length < range.rowCount) {
      throwIfCancelled(progress.signal);
      const count = nextReadRowCount(
        range.rowCount - rows.length,
        range.columnCount,
        recentRowBytes
      );
      for (let r = rows.length, end = rows.length + count; r < end; r++) {
        const source = this.sheet(range.sheet).rows[range.row + r];
        const row: CellScalar[] = new Array(range.columnCount);
        for (let c = 0; c < range.columnCount; c++) row[c] = source?.[range.column + c] ?? null;
        if (recentRowBytes === null) recentRowBytes = rowBytes(row);
        rows.push(row);
      }
      this.syncCount++;
      progress.onProgress?.(rows.length, range.rowCount);
      await Promise.resolve(); // yield between blocks like a real sync, so Cancel can land
    }
    return rows;
  }

  async findValues(range: SheetRange): Promise<SheetRange | null> {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    const rows = this.sheet(range.sheet).rows;
    for (let r = range.row; r < Math.min(range.row + range.rowCount, rows.length); r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = range.column; c < Math.min(range.column + range.columnCount, row.length); c++) {
        if (row[c] === null || row[c] === undefined || row[c] === "") continue;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    if (bottom < 0) return null;
    return {
      sheet: range.sheet,
      row: top,
      column: left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    };
  }

  async applyWritePlan(plan: WritePlan, progress: Progress = {}): Promise<void> {
    throwIfCancelled(progress.signal);
    for (const range of plan.clear) {
      const sheet = this.sheet(range.sheet);
      for (let r = range.row; r < Math.min(range.row + range.rowCount, sheet.rows.length); r++) {
        const row = sheet.rows[r];
        for (
          let c = range.column;
          row && c < Math.min(range.column + range.columnCount, row.length);
          c++
        )
          row[c] = null;
      }
      // Excel's clear(All) removes the conditional formats of the cleared cells too.
      sheet.fills = sheet.fills.filter(
        (applied) => !applied.areas.some((area) => overlaps(area, range))
      );
    }
    let doneRows = 0;
    const totalRows = plan.values.reduce((sum, write) => sum + write.values.length, 0);
    for (const { at, values } of plan.values) {
      const rows = this.sheet(at.sheet).rows;
      for (let r = 0; r < at.row; r++) rows[r] ??= [];
      for (let r = 0; r < values.length; r++) {
        const target = (rows[at.row + r] ??= []);
        for (let c = 0; c < values[r].length; c++) target[at.column + c] = values[r][c];
      }
      doneRows += values.length;
      progress.onProgress?.(doneRows, totalRows);
    }
    for (const fill of plan.fills) {
      const sheet = this.sheet(fill.sheet);
      sheet.fills = [
        ...sheet.fills.filter(
          (applied) => !applied.areas.some((a) => fill.areas.some((b) => overlaps(a, b)))
        ),
        { areas: fill.areas, rules: fill.rules },
      ];
    }
    for (const [key, value] of Object.entries(plan.settings)) await this.writeSetting(key, value);
    this.syncCount += Math.max(
      1,
      Math.ceil(plan.values.reduce((sum, w) => sum + w.values.length, 0) / 100_000)
    );
    this.changed();
  }

  conditionalFills(sheet: string): readonly AppliedFills[] {
    return this.sheet(sheet).fills;
  }

  async readSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async writeSetting(key: string, value: string | null): Promise<void> {
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  async onSelectionChanged(listener: () => void): Promise<() => void> {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }
}

type Box = Omit<SheetRange, "sheet">;

function overlaps(a: Box, b: Box): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
