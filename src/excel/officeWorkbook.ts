/* global Excel */
import type { CellValue } from "../core/cells";
import { typedInput } from "../core/workbook/typedInput";
import { parseRangeAddress, rangeAddress } from "../core/workbook/a1";
import { MAX_SYNC_BYTES, nextReadRowCount, planWriteBlocks, rowBytes } from "./blocks";
import {
  AUTO_OPEN_SETTING,
  CellPosition,
  ChartSpec,
  ColumnBlock,
  FillRules,
  RangeLayout,
  SheetSetup,
  SheetVisibility,
  WritePlan,
  Progress,
  SheetRange,
  WorkbookError,
  WorkbookPort,
  throwIfCancelled,
} from "../core/workbook/workbookPort";

/** A cell as Office.js reads it, "" for empty, as the port gives it: null. */
function valueOf(cell: CellValue): CellValue {
  return cell === "" ? null : cell;
}

/** A block of columns as the block of rows Range.values takes. */
function rowBlock({ at, columns }: ColumnBlock): WritePlan["values"][number] {
  const rowCount = columns[0]?.length ?? 0;
  const values = new Array<CellValue[]>(rowCount);
  for (let r = 0; r < rowCount; r++) values[r] = columns.map((column) => column[r]);
  return { at, values };
}

/** Excel.run's shape, injectable so tests can hand in a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const officeErrorKinds: Record<string, WorkbookError["kind"]> = {
  InvalidSelection: "invalidSelection",
  AccessDenied: "protectedSheet",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
};

/** Office.js errors carry a string code; turn the ones users can act on into WorkbookErrors. */
function explain(error: unknown): unknown {
  if (error instanceof WorkbookError) return error;
  const code = (error as { code?: unknown })?.code;
  const kind = typeof code === "string" ? officeErrorKinds[code] : undefined;
  return kind ? new WorkbookError(kind, (error as Error).message) : error;
}

function groupBySheet(ranges: SheetRange[]): Map<string, SheetRange[]> {
  const bySheet = new Map<string, SheetRange[]>();
  for (const range of ranges)
    bySheet.set(range.sheet, [...(bySheet.get(range.sheet) ?? []), range]);
  return bySheet;
}

/** "J2:J2358,L2:L12": RangeAreas let one formatting call cover several blocks. */
function areasAddress(areas: Omit<SheetRange, "sheet">[]): string {
  return areas.map(rangeAddress).join(",");
}

/** "Sheet1!A1:B2,Sheet1!D4:E4" (RangeAreas.address) as ranges; commas inside a quoted sheet name are kept. */
function areasOf(address: string, sheet: string): SheetRange[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((area) => parseRangeAddress(area.trim(), sheet))
    .filter((area): area is SheetRange => area !== null);
}

function toSheetRange(range: Excel.Range, sheet: Excel.Worksheet): SheetRange {
  return {
    sheet: sheet.name,
    row: range.rowIndex,
    column: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

const sheetVisibility: Record<SheetVisibility, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility.visible,
  hidden: "Hidden" as Excel.SheetVisibility.hidden,
  veryHidden: "VeryHidden" as Excel.SheetVisibility.veryHidden,
};

/** Spill look-ups queued per sync: each is a small proxy, but a column of scalar formulas can hold a million. */
const SPILL_LOOKUPS_PER_SYNC = 5000;

/** WorkbookPort over Office.js: every Excel call of the add-in lives here. */
export class OfficeWorkbook implements WorkbookPort {
  constructor(private readonly run: ExcelRun = (batch) => Excel.run(batch)) {}

  private async guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      throw explain(error);
    }
  }

  getSelection(): Promise<SheetRange> {
    return this.guarded(async (context) => {
      const selected = context.workbook.getSelectedRange();
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      // Whole-column or whole-row selections reach a million rows: keep only the part that holds data.
      const trimmed = selected.getIntersectionOrNullObject(sheet.getUsedRange(true));
      trimmed.load("rowIndex,columnIndex,rowCount,columnCount");
      sheet.load("name");
      await context.sync();
      if (trimmed.isNullObject) throw new WorkbookError("emptySelection");
      return toSheetRange(trimmed, sheet);
    });
  }

  getCurrentRegion(): Promise<SheetRange> {
    return this.guarded(async (context) => {
      const region = context.workbook.getActiveCell().getSurroundingRegion();
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      region.load("rowIndex,columnIndex,rowCount,columnCount");
      sheet.load("name");
      await context.sync();
      return toSheetRange(region, sheet);
    });
  }

  async readValues(range: SheetRange, progress: Progress = {}): Promise<CellValue[][]> {
    const rows: CellValue[][] = [];
    await this.readInBlocks(range, "values", progress, (row) => {
      rows.push(row.map(valueOf));
    });
    return rows;
  }

  async readColumns(range: SheetRange, progress: Progress = {}): Promise<CellValue[][]> {
    const columns: CellValue[][] = Array.from({ length: range.columnCount }, () => []);
    await this.readInBlocks(range, "values", progress, (row) => {
      for (let c = 0; c < columns.length; c++) columns[c].push(valueOf(row[c]));
    });
    return columns;
  }

  async readFormulas(range: SheetRange, progress: Progress = {}): Promise<(string | null)[][]> {
    const rows: (string | null)[][] = [];
    // Range.formulas gives a constant where a cell has no formula: only text starting with "=" is one.
    await this.readInBlocks(range, "formulas", progress, (row) => {
      rows.push(
        row.map((entry) => (typeof entry === "string" && entry.startsWith("=") ? entry : null))
      );
    });
    return rows;
  }

  /**
   * Reads one property of a range in blocks sized so each response stays under the sync budget, handing each row to
   * `take` as Office.js gives it.
   */
  private readInBlocks(
    range: SheetRange,
    property: "values" | "formulas",
    progress: Progress,
    take: (row: CellValue[]) => void
  ): Promise<void> {
    return this.guarded(async (context) => {
      const sheet = context.workbook.worksheets.getItem(range.sheet);
      let done = 0;
      let recentRowBytes: number | null = null;
      while (done < range.rowCount) {
        throwIfCancelled(progress.signal);
        const count = nextReadRowCount(range.rowCount - done, range.columnCount, recentRowBytes);
        const block = sheet.getRangeByIndexes(
          range.row + done,
          range.column,
          count,
          range.columnCount
        );
        if (property === "values") block.load("values");
        else block.load("formulas");
        // One sync per block on purpose: each response must stay under Excel's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        let blockBytes = 0;
        const cells = property === "values" ? block.values : block.formulas;
        for (const row of cells as CellValue[][]) {
          blockBytes += rowBytes(row);
          take(row);
        }
        done += cells.length;
        recentRowBytes = blockBytes / count;
        progress.onProgress?.(done, range.rowCount);
      }
    });
  }

  findValues(range: SheetRange): Promise<SheetRange | null> {
    return this.guarded(async (context) => {
      const sheet = context.workbook.worksheets.getItem(range.sheet);
      const used = sheet
        .getRangeByIndexes(range.row, range.column, range.rowCount, range.columnCount)
        .getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return used.isNullObject ? null : { ...toSheetRange(used, sheet), sheet: range.sheet };
    });
  }

  /**
   * Queues the plan's operations and syncs whenever the next one would take the request past 4 MB, so a run
   * costs about one sync per 4 MB written; formatting is one call per rule (plus one clear per sheet).
   */
  applyWritePlan(plan: WritePlan, progress: Progress = {}): Promise<void> {
    return this.guarded(async (context) => {
      const sheets = context.workbook.worksheets;
      if (plan.sheets?.length) await setUpSheets(context, plan.sheets);
      let pendingBytes = 0;
      const queue = async (bytes: number) => {
        if (pendingBytes > 0 && pendingBytes + bytes > MAX_SYNC_BYTES) {
          throwIfCancelled(progress.signal);
          await context.sync();
          pendingBytes = 0;
        }
        pendingBytes += bytes;
      };

      for (const [sheet, ranges] of groupBySheet(plan.clear)) {
        await queue(areasAddress(ranges).length);
        sheets.getItem(sheet).getRanges(areasAddress(ranges)).clear(Excel.ClearApplyTo.all);
      }

      // Office.js takes values by rows: a block of columns becomes rows here, the one place they are needed.
      const blocks = [...plan.values, ...(plan.columns ?? []).map(rowBlock)];
      const totalRows = blocks.reduce((sum, write) => sum + write.values.length, 0);
      let doneRows = 0;
      for (const { at, values } of blocks) {
        const sheet = sheets.getItem(at.sheet);
        const columnCount = values[0]?.length ?? 0;
        for (const block of planWriteBlocks(
          values,
          MAX_SYNC_BYTES,
          MAX_SYNC_BYTES - pendingBytes
        )) {
          // One sync per 4 MB block at most, see queue(); the first fills the request under way.
          await queue(block.bytes);
          const target = sheet.getRangeByIndexes(
            at.row + block.start,
            at.column,
            block.end - block.start,
            columnCount
          );
          // Typed input: text goes with its quote prefix so Excel never reads it as a formula or a number, and
          // "" empties a cell (Office.js treats null as "leave unchanged").
          target.values = values.slice(block.start, block.end).map((row) => row.map(typedInput));
          doneRows += block.end - block.start;
          progress.onProgress?.(doneRows, totalRows);
        }
      }

      for (const { at, formulas } of plan.formulas ?? []) {
        const sheet = sheets.getItem(at.sheet);
        const columnCount = formulas[0]?.length ?? 0;
        for (const block of planWriteBlocks(
          formulas,
          MAX_SYNC_BYTES,
          MAX_SYNC_BYTES - pendingBytes
        )) {
          await queue(block.bytes);
          // null stays null: Range.formulas leaves those cells as they are.
          sheet.getRangeByIndexes(
            at.row + block.start,
            at.column,
            block.end - block.start,
            columnCount
          ).formulas = formulas.slice(block.start, block.end) as string[][];
        }
      }

      // One call per area: a 1×1 array applies its format to every cell of the range.
      for (const { sheet, areas, format } of plan.numberFormats ?? [])
        for (const area of areas) {
          await queue(format.length + 64);
          sheets
            .getItem(sheet)
            .getRangeByIndexes(
              area.row,
              area.column,
              area.rowCount,
              area.columnCount
            ).numberFormat = [[format]];
        }

      // One clearAll per sheet over every area that gets rules, then one add per rule: formatting costs
      // rules + 1 calls whatever the rows.
      const areasBySheet = new Map<string, FillRules["areas"]>();
      for (const { sheet, areas } of plan.fills)
        areasBySheet.set(sheet, [...(areasBySheet.get(sheet) ?? []), ...areas]);
      const rangeAreas = new Map<string, Excel.RangeAreas>();
      const areasOf = (sheet: string, areas: FillRules["areas"]) => {
        const key = `${sheet}!${areasAddress(areas)}`;
        if (!rangeAreas.has(key))
          rangeAreas.set(key, sheets.getItem(sheet).getRanges(areasAddress(areas)));
        return rangeAreas.get(key) as Excel.RangeAreas;
      };
      for (const [sheet, areas] of areasBySheet) {
        await queue(64);
        areasOf(sheet, areas).conditionalFormats.clearAll();
      }
      for (const { sheet, areas, rules } of plan.fills) {
        await queue(rules.reduce((sum, rule) => sum + rule.formula.length + 64, 0));
        const formats = areasOf(sheet, areas).conditionalFormats;
        for (const rule of rules) {
          const format = formats.add(Excel.ConditionalFormatType.custom);
          format.custom.rule.formula = rule.formula;
          format.custom.format.fill.color = rule.fill;
          format.custom.format.font.color = rule.fontColor;
        }
      }

      for (const { sheet, area, colors } of plan.colorScales ?? []) {
        await queue(256);
        const range = sheets
          .getItem(sheet)
          .getRangeByIndexes(area.row, area.column, area.rowCount, area.columnCount);
        range.conditionalFormats.clearAll();
        const scale = range.conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
        const criterion = Excel.ConditionalFormatColorCriterionType;
        scale.colorScale.criteria = {
          minimum: { type: criterion.lowestValue, color: colors.min },
          midpoint: { formula: "50", type: criterion.percentile, color: colors.mid },
          maximum: { type: criterion.highestValue, color: colors.max },
        };
      }

      for (const [key, value] of Object.entries(plan.settings)) {
        await queue(key.length + (value?.length ?? 0) + 32);
        if (value === null) context.workbook.settings.getItemOrNullObject(key).delete();
        else context.workbook.settings.add(key, value);
      }
      // Office looks for the boolean true, not the text "true".
      if (plan.autoOpen === true) context.workbook.settings.add(AUTO_OPEN_SETTING, true);
      if (plan.autoOpen === false)
        context.workbook.settings.getItemOrNullObject(AUTO_OPEN_SETTING).delete();
      if (plan.charts?.length) {
        await context.sync();
        pendingBytes = 0;
        await addCharts(context, plan.charts);
      }
      if (pendingBytes > 0) await context.sync();
    });
  }

  inspectRange(range: SheetRange): Promise<RangeLayout> {
    return this.guarded(async (context) => {
      const target = context.workbook.worksheets
        .getItem(range.sheet)
        .getRangeByIndexes(range.row, range.column, range.rowCount, range.columnCount);
      const merged = target.getMergedAreasOrNullObject();
      merged.load("address");
      // One column is enough to count hidden rows, and keeps the answer small on a million rows.
      const visible = target
        .getColumn(0)
        .getSpecialCellsOrNullObject(Excel.SpecialCellType.visible);
      visible.load("cellCount");
      await context.sync();
      return {
        merged: merged.isNullObject ? [] : areasOf(merged.address, range.sheet),
        hiddenRows: range.rowCount - (visible.isNullObject ? 0 : visible.cellCount),
      };
    });
  }

  getSpillRanges(
    sheet: string,
    cells: readonly Omit<CellPosition, "sheet">[]
  ): Promise<(SheetRange | null)[]> {
    return this.guarded(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const spills: (SheetRange | null)[] = [];
      for (let start = 0; start < cells.length; start += SPILL_LOOKUPS_PER_SYNC) {
        const lookups = cells
          .slice(start, start + SPILL_LOOKUPS_PER_SYNC)
          .map(({ row, column }) => {
            const spill = worksheet.getCell(row, column).getSpillingToRangeOrNullObject();
            spill.load("rowIndex,columnIndex,rowCount,columnCount");
            return spill;
          });
        // A bounded number of proxies per sync, see SPILL_LOOKUPS_PER_SYNC.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const spill of lookups)
          spills.push(
            spill.isNullObject
              ? null
              : {
                  sheet,
                  row: spill.rowIndex,
                  column: spill.columnIndex,
                  rowCount: spill.rowCount,
                  columnCount: spill.columnCount,
                }
          );
      }
      return spills;
    });
  }

  getUsedRange(sheet: string): Promise<SheetRange | null> {
    return this.guarded(async (context) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (worksheet.isNullObject) return null;
      const used = worksheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return null;
      return {
        sheet,
        row: used.rowIndex,
        column: used.columnIndex,
        rowCount: used.rowCount,
        columnCount: used.columnCount,
      };
    });
  }

  listSheets(): Promise<string[]> {
    return this.guarded(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/visibility");
      await context.sync();
      return worksheets.items
        .filter((sheet) => sheet.visibility !== sheetVisibility.veryHidden)
        .map((sheet) => sheet.name);
    });
  }

  readSetting(key: string): Promise<string | null> {
    return this.guarded(async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      await context.sync();
      return item.isNullObject ? null : String(item.value);
    });
  }

  writeSetting(key: string, value: string | null): Promise<void> {
    return this.guarded(async (context) => {
      if (value === null) context.workbook.settings.getItemOrNullObject(key).delete();
      else context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  onSelectionChanged(listener: () => void): Promise<() => void> {
    return this.guarded(async (context) => {
      const registration = context.workbook.onSelectionChanged.add(async () => listener());
      await context.sync();
      return () => {
        void Excel.run(registration.context, async (removal) => {
          registration.remove();
          await removal.sync();
        });
      };
    });
  }
}

/**
 * Adds the plan's sheets, deleting first the ones it replaces: one sync to learn which exist, the rest queued with
 * the plan's writes.
 */
async function setUpSheets(context: Excel.RequestContext, setups: SheetSetup[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  const existing = setups.map((setup) => {
    const sheet = sheets.getItemOrNullObject(setup.name);
    sheet.load("name");
    return sheet;
  });
  await context.sync();
  setups.forEach((setup, i) => {
    let sheet = existing[i];
    if (setup.remove) {
      if (!sheet.isNullObject) sheet.delete();
      return;
    }
    if (!sheet.isNullObject && setup.replace) sheet.delete();
    if (sheet.isNullObject || setup.replace) sheet = sheets.add(setup.name);
    if (setup.visibility) sheet.visibility = sheetVisibility[setup.visibility];
  });
}

/** Adds each chart, after deleting one of the same name a previous run left on that sheet. */
async function addCharts(context: Excel.RequestContext, charts: ChartSpec[]): Promise<void> {
  const sheets = context.workbook.worksheets;
  const previous = charts.map((chart) => {
    const found = sheets.getItem(chart.sheet).charts.getItemOrNullObject(chart.name);
    found.load("name");
    return found;
  });
  await context.sync();
  charts.forEach((spec, i) => {
    if (!previous[i].isNullObject) previous[i].delete();
    const sheet = sheets.getItem(spec.sheet);
    const { data, position } = spec;
    const chart = sheet.charts.add(
      Excel.ChartType[spec.type],
      sheet.getRangeByIndexes(data.row, data.column, data.rowCount, data.columnCount),
      Excel.ChartSeriesBy.columns
    );
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.legend.visible = spec.legend === true;
    chart.setPosition(
      sheet.getCell(position.row, position.column),
      sheet.getCell(
        position.row + position.rowCount - 1,
        position.column + position.columnCount - 1
      )
    );
  });
  await context.sync();
}
