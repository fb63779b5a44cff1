import { sheetValue } from "../core/cells";
import ExcelJS from "exceljs";
import { rangeAddress } from "../core/workbook/a1";
import type { SheetVisibility } from "../core/workbook/workbookPort";
import type { MemoryWorkbook } from "./memoryWorkbook";

/**
 * The workbench's workbook as an .xlsx file, so the sharing story can be checked outside Excel (LibreOffice, a
 * colleague without the add-in). Only the workbench bundles this (exceljs is large); the add-in never does.
 *
 * What the file carries, as Excel would save it after the pane's run:
 * - every sheet's values with their number formats (dates as dates), and formulas with their last results (a reader without the add-in sees the results of
 *   CVA formulas only until a recalculation turns them into #NAME?, which is why the pane offers "Convert CVA
 *   formulas to values");
 * - the add-in's colour rules as conditional formats of type "expression" (e.g. G2="High") with fill and font
 *   colour: Excel, LibreOffice and others evaluate these without the add-in (exceljs's "containsText" rules lose
 *   their text and do not render in LibreOffice); heatmaps as Excel's three-colour scales;
 * - the add-in's store (configuration, run snapshots, kept formulas) as the very hidden sheet "_cva", exactly where
 *   the add-in keeps it in Excel (see core/sharing/workbookStore.ts), so a colleague's add-in finds it;
 * - the Segment summary sheet with its table. exceljs 4.4 cannot write charts, so the chart itself is missing: the
 *   table it is drawn from (tier and customers) is on the sheet, with a note where the chart would be. In Excel the
 *   add-in draws a native chart there.
 * Office's document settings (the add-in's own settings, Office.AutoShowTaskpaneWithDocument) live in a web-extension
 * part that exceljs cannot write either; nothing the sharing features need is kept there.
 */
export async function exportXlsx(workbook: MemoryWorkbook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Customer Value for Excel";
  for (const name of workbook.allSheetNames()) {
    const visibility = workbook.sheetVisibility(name);
    const sheet = book.addWorksheet(name, { state: SHEET_STATE[visibility] });
    writeCells(workbook, name, sheet);
    writeColorScales(workbook, name, sheet, writeRules(workbook, name, sheet));
    writeChartNotes(workbook, name, sheet);
    if (visibility === "visible")
      // One page wide when printed or turned into PDF, however many columns the output added, with the header
      // row on every page.
      sheet.pageSetup = {
        printTitlesRow: "1:1",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        orientation: "landscape",
      };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const SHEET_STATE: Record<SheetVisibility, ExcelJS.WorksheetState> = {
  visible: "visible",
  hidden: "hidden",
  veryHidden: "veryHidden",
};

/** Columns wide enough for their longest text among the first rows, within reason. */
const WIDTH_SAMPLE_ROWS = 200;
const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

function writeCells(workbook: MemoryWorkbook, name: string, sheet: ExcelJS.Worksheet): void {
  const { rowCount, columnCount } = workbook.usedSize(name);
  const widths = new Array<number>(columnCount).fill(MIN_WIDTH);
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columnCount; c++) {
      const value = sheetValue(workbook.cell(name, r, c));
      const formula = workbook.formulaAt(name, r, c);
      if (value === null && formula === null) continue;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = formula
        ? { formula: formula.slice(1), result: resultOf(value) }
        : (value as Exclude<typeof value, null>);
      const format = workbook.numberFormatAt(name, r, c);
      if (format !== null) cell.numFmt = format;
      if (r < WIDTH_SAMPLE_ROWS && typeof value === "string")
        widths[c] = Math.max(widths[c], Math.min(MAX_WIDTH, value.length + 2));
    }
  }
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
}

function resultOf(value: ReturnType<typeof sheetValue>): ExcelJS.CellFormulaValue["result"] {
  return value === null ? undefined : value;
}

/**
 * One conditional format per applied rule set, its rules in order (the first that holds wins, as in the add-in).
 * Returns the next free priority.
 */
function writeRules(workbook: MemoryWorkbook, name: string, sheet: ExcelJS.Worksheet): number {
  let priority = 1;
  for (const { areas, rules } of workbook.conditionalFills(name)) {
    sheet.addConditionalFormatting({
      ref: areas.map(rangeAddress).join(" "),
      rules: rules.map((rule) => ({
        type: "expression",
        priority: priority++,
        formulae: [rule.formula.replace(/^=/, "")],
        stopIfTrue: true,
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) } },
        },
      })),
    });
  }
  return priority;
}

/** The colour scales (heatmaps) as Excel's own three-colour scales: lowest value, 50th percentile, highest value. */
function writeColorScales(
  workbook: MemoryWorkbook,
  name: string,
  sheet: ExcelJS.Worksheet,
  priority: number
): void {
  for (const { area, colors } of workbook.colorScales(name)) {
    sheet.addConditionalFormatting({
      ref: rangeAddress(area),
      rules: [
        {
          type: "colorScale",
          priority: priority++,
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [colors.min, colors.mid, colors.max].map((colour) => ({ argb: argb(colour) })),
        },
      ],
    });
  }
}

/** Where Excel would draw a chart, a note naming it and the table it shows (see exportXlsx). */
function writeChartNotes(workbook: MemoryWorkbook, name: string, sheet: ExcelJS.Worksheet): void {
  for (const chart of workbook.charts(name)) {
    const { row, column } = chart.position;
    if (workbook.cell(name, row, column) !== null) continue;
    const note = sheet.getCell(row + 1, column + 1);
    note.value = `${chart.title}: chart of ${rangeAddress(chart.data)} (drawn by Excel with the add-in)`;
    note.font = { italic: true, color: { argb: "FF595959" } };
  }
}

/** "#364B9A" → "FF364B9A", the ARGB exceljs writes. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}
