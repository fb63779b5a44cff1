import type { CellValue } from "../core/cells";
import { QUOTE, typedInput } from "../core/workbook/typedInput";
import { type Box, overlaps, subtractAll } from "../core/workbook/rectangles";
import { parseCellAddress } from "../core/workbook/a1";
import { valueAreas } from "../core/workbook/writePlans";
import { nextReadRowCount, rowBytes } from "../excel/blocks";
import {
  AUTO_OPEN_SETTING,
  CellPosition,
  ChartSpec,
  DATE_FORMAT,
  ColorScale,
  FillRules,
  RangeLayout,
  WritePlan,
  Progress,
  SheetRange,
  SheetSetup,
  SheetVisibility,
  WorkbookError,
  WorkbookPort,
  throwIfCancelled,
} from "../core/workbook/workbookPort";

type AppliedFills = Omit<FillRules, "sheet">;
type AppliedScale = Omit<ColorScale, "sheet">;

/** Excel's sheet height. */
const SHEET_ROWS = 1_048_576;

interface MemorySheet {
  rows: CellValue[][];
  fills: AppliedFills[];
  merged: Box[];
  hiddenRows: Set<number>;
  protected: boolean;
  /** Number formats, in the order set: the last one covering a cell is its format. */
  numberFormats: { areas: Box[]; format: string }[];
  /** Formula text by "row,column"; the cell's value in rows stays its last calculated result. */
  formulas: Map<string, string>;
  /** Dynamic-array anchors ("row,column") and the block they spill into, the anchor included. */
  spills: Map<string, Omit<Box, "row" | "column">>;
  charts: ChartSpec[];
  colorScales: AppliedScale[];
  visibility: SheetVisibility;
}

/** The `=G2="High"` (or `=$G2="High"`) shape our write plans produce: one column compared with a text or number. */
const equalityRule =
  /^=\s*(\$?[A-Za-z]{1,3}\$?\d+)\s*=\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*$/;
/** The change column's rule, `=LEFT($K2,1)="▼"`: the first characters of a cell compared with a text. */
const leftRule =
  /^=\s*LEFT\(\s*(\$?[A-Za-z]{1,3}\$?\d+)\s*,\s*(\d+)\s*\)\s*=\s*"((?:[^"]|"")*)"\s*$/i;

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

  constructor(sheets: Record<string, CellValue[][]>) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, emptySheet(rows));
    const first = Object.keys(sheets)[0] ?? "Sheet1";
    if (!this.sheets.has(first)) this.sheets.set(first, emptySheet([]));
    this.selection = { sheet: first, row: 0, column: 0, rowCount: 1, columnCount: 1 };
  }

  /** The sheet tabs a user sees (hidden sheets, like the add-in's very hidden store, left out). */
  sheetNames(): string[] {
    return this.allSheetNames().filter((name) => this.sheet(name).visibility === "visible");
  }

  /** Every sheet, hidden ones included, in tab order: what a saved file holds. */
  allSheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  sheetVisibility(name: string): SheetVisibility {
    return this.sheet(name).visibility;
  }

  /** Puts a formula in a cell whose value (its calculated result) is already in the rows: a test and seeding hook. */
  setFormula(
    at: CellPosition,
    formula: string,
    spill?: { rowCount: number; columnCount: number }
  ): void {
    const sheet = this.sheet(at.sheet);
    sheet.formulas.set(`${at.row},${at.column}`, formula);
    if (spill) sheet.spills.set(`${at.row},${at.column}`, spill);
  }

  formulaAt(sheet: string, row: number, column: number): string | null {
    return this.sheet(sheet).formulas.get(`${row},${column}`) ?? null;
  }

  /** The native charts of a sheet, as the plans that added them described them. */
  charts(sheet: string): readonly ChartSpec[] {
    return this.sheet(sheet).charts;
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new WorkbookError("unknown", `No sheet named ${name}.`);
    return sheet;
  }

  /** Merges a block of cells, as Home › Merge & Center does (the workbench's test hook for merged cells). */
  merge(range: SheetRange): void {
    this.sheet(range.sheet).merged.push(range);
  }

  /** Hides rows, as a filter does. */
  hideRows(sheet: string, row: number, rowCount: number): void {
    for (let r = row; r < row + rowCount; r++) this.sheet(sheet).hiddenRows.add(r);
  }

  /** Protects a sheet: writes to it fail as Excel's do (AccessDenied). */
  protect(sheet: string): void {
    this.sheet(sheet).protected = true;
  }

  /** Formats a whole column as dates, as a user would (Home › Number › Short Date). */
  formatAsDate(sheet: string, column: number): void {
    this.sheet(sheet).numberFormats.push({
      areas: [{ row: 0, column, rowCount: SHEET_ROWS, columnCount: 1 }],
      format: DATE_FORMAT,
    });
  }

  /** A cell's number format code, or null for General. */
  numberFormatAt(sheet: string, row: number, column: number): string | null {
    const cell = { row, column, rowCount: 1, columnCount: 1 };
    const formats = this.sheet(sheet).numberFormats;
    for (let i = formats.length - 1; i >= 0; i--)
      if (formats[i].areas.some((area) => overlaps(area, cell))) return formats[i].format;
    return null;
  }

  cell(sheet: string, row: number, column: number): CellValue {
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
    const scale = this.sheet(sheet).colorScales.find(({ area }) => overlaps(area, cell));
    const value = this.cell(sheet, row, column);
    if (!scale || typeof value !== "number") return null;
    return { fill: scaleColour(scale, this.numbersIn(sheet, scale.area), value), fontColor: BLACK };
  }

  /** The colour scales of a sheet, as the plans that added them described them. */
  colorScales(sheet: string): readonly AppliedScale[] {
    return this.sheet(sheet).colorScales;
  }

  private numbersIn(sheet: string, area: Box): number[] {
    const numbers: number[] = [];
    for (let r = area.row; r < area.row + area.rowCount; r++)
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        const value = this.cell(sheet, r, c);
        if (typeof value === "number") numbers.push(value);
      }
    return numbers;
  }

  private ruleHolds(
    formula: string,
    sheet: string,
    range: Box,
    row: number,
    column: number
  ): boolean {
    const left = leftRule.exec(formula);
    if (left) {
      const value = this.referencedValue(left[1], sheet, range, row, column);
      return (
        String(value ?? "")
          .slice(0, Number(left[2]))
          .toLowerCase() === left[3].replace(/""/g, '"').toLowerCase()
      );
    }
    const match = equalityRule.exec(formula);
    if (!match) return false;
    const value = this.referencedValue(match[1], sheet, range, row, column);
    if (match[2] !== undefined)
      return String(value ?? "").toLowerCase() === match[2].replace(/""/g, '"').toLowerCase();
    return typeof value === "number" && value === Number(match[3]);
  }

  /** The cell a rule's reference points at from (row, column), relative parts moved as Excel moves them. */
  private referencedValue(
    reference: string,
    sheet: string,
    range: Box,
    row: number,
    column: number
  ): CellValue {
    const anchor = parseCellAddress(reference);
    if (!anchor) return null;
    const rowAbsolute = /\$\d/.test(reference);
    const columnAbsolute = reference.startsWith("$");
    const targetRow = rowAbsolute ? anchor.row : anchor.row + (row - range.row);
    const targetColumn = columnAbsolute ? anchor.column : anchor.column + (column - range.column);
    return this.cell(sheet, targetRow, targetColumn);
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

  async readValues(range: SheetRange, progress: Progress = {}): Promise<CellValue[][]> {
    const rows = new Array<CellValue[]>(range.rowCount);
    await this.readInBlocks(range, progress, (source, r) => {
      rows[r] = copyRow(source, range.column, range.columnCount);
    });
    return rows;
  }

  async readColumns(range: SheetRange, progress: Progress = {}): Promise<CellValue[][]> {
    const columns = Array.from(
      { length: range.columnCount },
      () => new Array<CellValue>(range.rowCount)
    );
    await this.readInBlocks(range, progress, (source, r) => {
      for (let c = 0; c < columns.length; c++) columns[c][r] = cellOf(source, range.column + c);
    });
    return columns;
  }

  /** Hands each sheet row of a range to `take`, in the blocks Excel's reads would sync (one syncCount each). */
  private async readInBlocks(
    range: SheetRange,
    progress: Progress,
    take: (source: CellValue[] | undefined, row: number) => void
  ): Promise<void> {
    const sheetRows = this.sheet(range.sheet).rows;
    let recentRowBytes: number | null = null;
    let done = 0;
    while (done < range.rowCount) {
      throwIfCancelled(progress.signal);
      const count = nextReadRowCount(range.rowCount - done, range.columnCount, recentRowBytes);
      for (const end = done + count; done < end; done++) take(sheetRows[range.row + done], done);
      recentRowBytes ??= rowBytes(copyRow(sheetRows[range.row], range.column, range.columnCount));
      this.syncCount++;
      progress.onProgress?.(done, range.rowCount);
      await Promise.resolve(); // yield between blocks like a real sync, so Cancel can land
    }
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
    for (const setup of plan.sheets ?? []) this.setUpSheet(setup);
    const written = [
      ...plan.clear,
      ...valueAreas(plan),
      ...(plan.formulas ?? []).map((write) => write.at),
    ];
    if (written.some((range) => this.sheet(range.sheet).protected))
      throw new WorkbookError("protectedSheet");
    // Cells the plan writes next need no emptying first: a re-run replaces its own output in one pass.
    const overwritten = valueAreas({ ...plan, values: plan.values.filter(rectangular) });
    for (const range of plan.clear) {
      const sheet = this.sheet(range.sheet);
      for (const rest of subtractAll([range], overwritten))
        for (let r = rest.row; r < Math.min(rest.row + rest.rowCount, sheet.rows.length); r++) {
          const row = sheet.rows[r];
          const end = Math.min(rest.column + rest.columnCount, row?.length ?? 0);
          for (let c = rest.column; c < end; c++) row[c] = null;
        }
      // Excel's clear(All) removes the conditional formats and number formats of the cleared cells too.
      sheet.fills = sheet.fills.filter(
        (applied) => !applied.areas.some((area) => overlaps(area, range))
      );
      sheet.numberFormats = sheet.numberFormats.map(({ areas, format }) => ({
        areas: subtractAll(
          areas.map((area) => ({ ...area, sheet: range.sheet })),
          [range]
        ).map(({ row, column, rowCount, columnCount }) => ({ row, column, rowCount, columnCount })),
        format,
      }));
      sheet.colorScales = sheet.colorScales.filter((scale) => !overlaps(scale.area, range));
      forgetFormulas(sheet, range);
    }
    let doneRows = 0;
    const blocks = valueAreas(plan);
    const totalRows = blocks.reduce((sum, block) => sum + block.rowCount, 0);
    for (const { at, values } of plan.values) {
      const sheet = this.sheetToWrite(at, values.length, values[0]?.length ?? 0);
      for (let r = 0; r < values.length; r++) {
        const target = (sheet.rows[at.row + r] ??= []);
        const row = values[r];
        for (let c = 0; c < row.length; c++) land(sheet, target, at.row + r, at.column + c, row[c]);
      }
      doneRows += values.length;
      progress.onProgress?.(doneRows, totalRows);
    }
    for (const { at, columns } of plan.columns ?? []) {
      const rowCount = columns[0]?.length ?? 0;
      const sheet = this.sheetToWrite(at, rowCount, columns.length);
      for (let r = 0; r < rowCount; r++) {
        const target = (sheet.rows[at.row + r] ??= []);
        for (let c = 0; c < columns.length; c++)
          land(sheet, target, at.row + r, at.column + c, columns[c][r]);
      }
      doneRows += rowCount;
      progress.onProgress?.(doneRows, totalRows);
    }
    for (const { at, formulas } of plan.formulas ?? []) this.writeFormulas(at, formulas);
    for (const { sheet, areas, format } of plan.numberFormats ?? [])
      this.sheet(sheet).numberFormats.push({ areas, format });
    for (const fill of plan.fills) {
      const sheet = this.sheet(fill.sheet);
      sheet.fills = [
        ...sheet.fills.filter(
          (applied) => !applied.areas.some((a) => fill.areas.some((b) => overlaps(a, b)))
        ),
        { areas: fill.areas, rules: fill.rules },
      ];
    }
    for (const { sheet: name, area, colors } of plan.colorScales ?? []) {
      const sheet = this.sheet(name);
      sheet.fills = sheet.fills.filter((applied) => !applied.areas.some((a) => overlaps(a, area)));
      sheet.colorScales = [
        ...sheet.colorScales.filter((scale) => !overlaps(scale.area, area)),
        { area, colors },
      ];
    }
    for (const chart of plan.charts ?? []) {
      const sheet = this.sheet(chart.sheet);
      sheet.charts = [...sheet.charts.filter((c) => c.name !== chart.name), chart];
    }
    for (const [key, value] of Object.entries(plan.settings)) await this.writeSetting(key, value);
    if (plan.autoOpen !== undefined)
      await this.writeSetting(AUTO_OPEN_SETTING, plan.autoOpen ? "true" : null);
    this.syncCount += Math.max(1, Math.ceil(totalRows / 100_000));
    this.changed();
  }

  /**
   * The sheet a block of values is written on, its rows up to the block's there, and the formulas of the block's cells
   * forgotten (a value typed over a formula replaces it, as in Excel).
   */
  private sheetToWrite(at: CellPosition, rowCount: number, columnCount: number): MemorySheet {
    const sheet = this.sheet(at.sheet);
    for (let r = 0; r < at.row; r++) sheet.rows[r] ??= [];
    if (sheet.formulas.size > 0)
      forgetFormulas(sheet, { row: at.row, column: at.column, rowCount, columnCount });
    return sheet;
  }

  async inspectRange(range: SheetRange): Promise<RangeLayout> {
    const sheet = this.sheet(range.sheet);
    let hiddenRows = 0;
    for (const row of sheet.hiddenRows)
      if (row >= range.row && row < range.row + range.rowCount) hiddenRows++;
    return {
      merged: sheet.merged
        .filter((area) => overlaps(area, range))
        .map((area) => ({ ...area, sheet: range.sheet })),
      hiddenRows,
    };
  }

  /** Adds, empties (replace) or hides a sheet as a plan asks; names compare without case, as Excel's do. */
  private setUpSheet(setup: SheetSetup): void {
    const existing = [...this.sheets.keys()].find(
      (name) => name.toLowerCase() === setup.name.toLowerCase()
    );
    if (setup.remove) {
      if (existing !== undefined) this.sheets.delete(existing);
      return;
    }
    if (existing === undefined || setup.replace) {
      if (existing !== undefined) this.sheets.delete(existing);
      this.sheets.set(setup.name, emptySheet([]));
    }
    if (setup.visibility)
      this.sheet(existing && !setup.replace ? existing : setup.name).visibility = setup.visibility;
  }

  /**
   * Office.js's Range.formulas semantics: "=…" sets a formula (its value here stays the cell's last result, since
   * this workbook does not calculate), "" empties the cell, any other text or number is a constant, null is skipped.
   */
  private writeFormulas(at: CellPosition, formulas: (string | null)[][]): void {
    const sheet = this.sheet(at.sheet);
    for (let r = 0; r < formulas.length; r++) {
      for (let c = 0; c < formulas[r].length; c++) {
        const entry = formulas[r][c];
        if (entry === null) continue;
        const row = at.row + r;
        const column = at.column + c;
        const key = `${row},${column}`;
        for (let i = 0; i < row; i++) sheet.rows[i] ??= [];
        const cells = (sheet.rows[row] ??= []);
        sheet.spills.delete(key);
        if (entry.startsWith("=")) {
          sheet.formulas.set(key, entry);
          cells[column] ??= null;
        } else {
          sheet.formulas.delete(key);
          cells[column] = entry === "" ? null : entry;
        }
      }
    }
  }

  async readFormulas(range: SheetRange, progress: Progress = {}): Promise<(string | null)[][]> {
    throwIfCancelled(progress.signal);
    const formulas = this.sheet(range.sheet).formulas;
    const rows: (string | null)[][] = [];
    for (let r = 0; r < range.rowCount; r++) {
      const row = new Array<string | null>(range.columnCount);
      for (let c = 0; c < range.columnCount; c++)
        row[c] = formulas.get(`${range.row + r},${range.column + c}`) ?? null;
      rows.push(row);
    }
    this.syncCount++;
    progress.onProgress?.(range.rowCount, range.rowCount);
    return rows;
  }

  async getSpillRanges(
    sheet: string,
    cells: readonly Omit<CellPosition, "sheet">[]
  ): Promise<(SheetRange | null)[]> {
    const { spills, formulas } = this.sheet(sheet);
    return cells.map(({ row, column }) => {
      const key = `${row},${column}`;
      const spill = formulas.has(key) ? spills.get(key) : undefined;
      return spill ? { sheet, row, column, ...spill } : null;
    });
  }

  async getUsedRange(sheet: string): Promise<SheetRange | null> {
    if (!this.sheets.has(sheet)) return null;
    const { rowCount, columnCount } = this.usedSize(sheet);
    return rowCount === 0 ? null : { sheet, row: 0, column: 0, rowCount, columnCount };
  }

  async listSheets(): Promise<string[]> {
    return this.allSheetNames().filter((name) => this.sheet(name).visibility !== "veryHidden");
  }

  conditionalFills(sheet: string): readonly AppliedFills[] {
    return this.sheet(sheet).fills;
  }

  /** The document settings' keys, for tests. */
  settingKeys(): string[] {
    return [...this.settings.keys()];
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

/** Puts a written value in its cell as Excel would take it as typed input (see excelTyped). */
function land(
  sheet: MemorySheet,
  target: CellValue[],
  row: number,
  column: number,
  value: CellValue
): void {
  // Numbers, texts once Excel drops their quote prefix, and empties land as they are: most of every plan.
  if (typeof value === "number" || (typeof value === "string" && value !== "")) {
    target[column] = value;
    return;
  }
  if (value === null || value === "") {
    target[column] = null;
    return;
  }
  const typed = excelTyped(typedInput(value));
  target[column] = typed.value;
  if (typed.formula !== undefined) sheet.formulas.set(`${row},${column}`, typed.formula);
}

/** Whether every row of a block is as wide as its first (then the block covers its whole box). */
function rectangular({ values }: WritePlan["values"][number]): boolean {
  return values.every((row) => row.length === values[0].length);
}

/** A sheet cell as read: empty is null. */
function cellOf(row: CellValue[] | undefined, column: number): CellValue {
  return row?.[column] ?? null;
}

/**
 * Cells of a sheet row as a new array. Reads are a million rows at a time, and array literals let V8 see its rows
 * survive and allocate the rest straight in the old generation instead of copying each out of the young, which
 * halves the cost of a read; the widths of the customer tables the add-in reads have literals.
 */
function copyRow(source: CellValue[] | undefined, column: number, count: number): CellValue[] {
  const c = column;
  switch (count) {
    case 2:
      return [cellOf(source, c), cellOf(source, c + 1)];
    case 3:
      return [cellOf(source, c), cellOf(source, c + 1), cellOf(source, c + 2)];
    case 4:
      return [
        cellOf(source, c),
        cellOf(source, c + 1),
        cellOf(source, c + 2),
        cellOf(source, c + 3),
      ];
    case 5:
      return [
        cellOf(source, c),
        cellOf(source, c + 1),
        cellOf(source, c + 2),
        cellOf(source, c + 3),
        cellOf(source, c + 4),
      ];
    case 6:
      return [
        cellOf(source, c),
        cellOf(source, c + 1),
        cellOf(source, c + 2),
        cellOf(source, c + 3),
        cellOf(source, c + 4),
        cellOf(source, c + 5),
      ];
    default: {
      const row: CellValue[] = new Array(count);
      for (let k = 0; k < count; k++) row[k] = cellOf(source, c + k);
      return row;
    }
  }
}

/**
 * How Excel reads typed input, as far as it matters for what the add-in writes: the quote prefix makes the rest text;
 * "=" starts a formula; "+" and "-" a signed number, or else a formula (which this workbook does not calculate: it
 * shows #NAME?, as Excel would for "+86 138…"). Other text stays text here (Excel would also read "001" or "May 5"
 * as a number or a date; the add-in quotes every text it writes, so none reaches this rule unquoted).
 */
export function excelTyped(input: string | number | boolean): {
  value: string | number | boolean | null;
  formula?: string;
} {
  if (typeof input !== "string") return { value: input };
  if (input === "") return { value: null };
  if (input.startsWith(QUOTE)) return { value: input.slice(QUOTE.length) };
  if (input.startsWith("=")) return { value: null, formula: input };
  if (input.startsWith("+") || input.startsWith("-")) {
    const number = Number(input);
    return Number.isFinite(number) ? { value: number } : { value: "#NAME?", formula: `=${input}` };
  }
  return { value: input };
}

const BLACK = "#000000";

/**
 * A three-colour scale's colour for a value, as Excel draws it: the lowest number of the area takes the min colour,
 * the 50th percentile (PERCENTILE.INC) the mid one, the highest the max one, and values between are blended
 * linearly in RGB.
 */
function scaleColour(scale: AppliedScale, numbers: number[], value: number): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  const position = (sorted.length - 1) / 2;
  const below = Math.floor(position);
  const mid =
    sorted[below] + (position - below) * ((sorted[below + 1] ?? sorted[below]) - sorted[below]);
  const { min, mid: middle, max } = scale.colors;
  if (value <= mid) return blend(min, middle, mid === low ? 1 : (value - low) / (mid - low));
  return blend(middle, max, high === mid ? 1 : (value - mid) / (high - mid));
}

/** "#RRGGBB" a share of the way from one colour to another. */
function blend(from: string, to: string, share: number): string {
  const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [channels(from), channels(to)];
  return `#${a
    .map((channel, i) => Math.round(channel + (b[i] - channel) * share))
    .map((channel) => channel.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

function emptySheet(rows: CellValue[][]): MemorySheet {
  return {
    rows,
    fills: [],
    numberFormats: [],
    merged: [],
    hiddenRows: new Set(),
    protected: false,
    formulas: new Map(),
    spills: new Map(),
    charts: [],
    colorScales: [],
    visibility: "visible",
  };
}

/** Drops the formulas (and spills) of the cells in a block, when values or a clear replace them. */
function forgetFormulas(sheet: MemorySheet, range: Box): void {
  for (const key of [...sheet.formulas.keys()]) {
    const [row, column] = key.split(",").map(Number);
    if (overlaps(range, { row, column, rowCount: 1, columnCount: 1 })) {
      sheet.formulas.delete(key);
      sheet.spills.delete(key);
    }
  }
}
