/* global Excel */
import { rangeAddress } from "./a1";
import { MAX_SYNC_BYTES, nextReadRowCount, planWriteBlocks, rowBytes } from "./blocks";
import {
  CellScalar,
  WritePlan,
  Progress,
  SheetRange,
  WorkbookError,
  WorkbookPort,
  throwIfCancelled,
} from "./workbookPort";

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

function toSheetRange(range: Excel.Range, sheet: Excel.Worksheet): SheetRange {
  return {
    sheet: sheet.name,
    row: range.rowIndex,
    column: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}

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

  readValues(range: SheetRange, progress: Progress = {}): Promise<CellScalar[][]> {
    return this.guarded(async (context) => {
      const sheet = context.workbook.worksheets.getItem(range.sheet);
      const rows: CellScalar[][] = [];
      let recentRowBytes: number | null = null;
      while (rows.length < range.rowCount) {
        throwIfCancelled(progress.signal);
        const count = nextReadRowCount(
          range.rowCount - rows.length,
          range.columnCount,
          recentRowBytes
        );
        const block = sheet.getRangeByIndexes(
          range.row + rows.length,
          range.column,
          count,
          range.columnCount
        );
        block.load("values");
        // One sync per block on purpose: each response must stay under Excel's 5 MB limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        let blockBytes = 0;
        for (const row of block.values as CellScalar[][]) {
          blockBytes += rowBytes(row);
          rows.push(row.map((value) => (value === "" ? null : value)));
        }
        recentRowBytes = blockBytes / count;
        progress.onProgress?.(rows.length, range.rowCount);
      }
      return rows;
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

      const totalRows = plan.values.reduce((sum, write) => sum + write.values.length, 0);
      let doneRows = 0;
      for (const { at, values } of plan.values) {
        const sheet = sheets.getItem(at.sheet);
        const columnCount = values[0]?.length ?? 0;
        for (const block of planWriteBlocks(values, MAX_SYNC_BYTES)) {
          // One sync per 4 MB block at most, see queue().
          await queue(block.bytes);
          const target = sheet.getRangeByIndexes(
            at.row + block.start,
            at.column,
            block.end - block.start,
            columnCount
          );
          // Office.js treats null as "leave unchanged"; an empty string empties the cell.
          target.values = values
            .slice(block.start, block.end)
            .map((row) => row.map((value) => value ?? ""));
          doneRows += block.end - block.start;
          progress.onProgress?.(doneRows, totalRows);
        }
      }

      for (const { sheet, areas, rules } of plan.fills) {
        await queue(rules.reduce((sum, rule) => sum + rule.formula.length + 64, 0));
        const formats = sheets.getItem(sheet).getRanges(areasAddress(areas)).conditionalFormats;
        formats.clearAll();
        for (const rule of rules) {
          const format = formats.add(Excel.ConditionalFormatType.custom);
          format.custom.rule.formula = rule.formula;
          format.custom.format.fill.color = rule.fill;
          format.custom.format.font.color = rule.fontColor;
        }
      }

      for (const [key, value] of Object.entries(plan.settings)) {
        await queue(key.length + (value?.length ?? 0) + 32);
        if (value === null) context.workbook.settings.getItemOrNullObject(key).delete();
        else context.workbook.settings.add(key, value);
      }
      if (pendingBytes > 0) await context.sync();
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
