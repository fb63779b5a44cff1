import type { CellValue } from "../../src/core/cells";
import ExcelJS from "exceljs";
import { ANALYSES_KEY, historyPrefix } from "../../src/taskpane/flow/runStore";
import { checkConfig } from "../../src/taskpane/flow/storedConfig";
import { readHistory } from "../../src/core/sharing/runHistory";
import { parseStoreRows, STORE_SHEET } from "../../src/core/sharing/workbookStore";
import { tierPalette } from "../../src/core/segmentation/palette";
import { WARNING_FILL } from "../../src/core/sharing/changeColumn";
import { exportXlsx } from "../../src/workbench/exportXlsx";
import { CONFIG, SAMPLE_ROWS, segmentedSample } from "./sampleRun";

/** The export read back by exceljs, as another program opening the file would. */
async function reopened() {
  const { workbook, result } = await segmentedSample();
  const bytes = await exportXlsx(workbook);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { book, bytes, result };
}

function sheetRows(sheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = Array.from({ length: sheet.columnCount }, (_, c) => {
      const value = row.getCell(c + 1).value;
      return value === undefined ? null : (value as CellValue);
    });
  });
  return rows;
}

describe("workbench export to .xlsx", () => {
  let file: Awaited<ReturnType<typeof reopened>>;
  beforeAll(async () => {
    file = await reopened();
  });

  it("is an .xlsx (a zip) with the output's values", () => {
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString()).toBe("PK");
    const customers = file.book.getWorksheet("Customers") as ExcelJS.Worksheet;
    expect(customers.getCell("G1").value).toBe("Tier");
    expect(customers.getCell("H1").value).toBe("Change");
    expect(customers.getCell("G2").value).toBe(file.result.columns[0].values[0]);
    expect(customers.getCell("J1").value).toBe("Tier");
    expect(customers.getCell("O2").value).toBe("VIP service");
    expect(customers.state).toBe("visible");
  });

  it("colours tiers and flagged changes with expression rules carrying fill and font colour", () => {
    const customers = file.book.getWorksheet("Customers") as ExcelJS.Worksheet;
    const formats = (
      customers as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    const rules = formats.flatMap((format) =>
      format.rules.map((rule) => ({ ref: format.ref, rule }))
    );
    expect(rules.every(({ rule }) => rule.type === "expression")).toBe(true);
    const palette = tierPalette(3);
    const high = rules.find(
      ({ rule }) => (rule as ExcelJS.ExpressionRuleType).formulae?.[0] === 'G2="High"'
    );
    // One rule colours the tier column and the legend's (J2:J4): it tests the cell it colours.
    expect(high?.ref).toBe(`G2:G${SAMPLE_ROWS + 1} J2:J4`);
    expect(high?.rule.style?.fill).toMatchObject({
      bgColor: { argb: `FF${palette[0].fill.slice(1)}` },
    });
    expect(high?.rule.style?.font).toMatchObject({
      color: { argb: `FF${palette[0].fontColor.slice(1)}` },
    });
    const warning = rules.find(
      ({ rule }) => (rule as ExcelJS.ExpressionRuleType).formulae?.[0] === 'LEFT($H2,1)="▼"'
    );
    expect(warning?.rule.style?.fill).toMatchObject({
      bgColor: { argb: `FF${WARNING_FILL.fill.slice(1)}` },
    });
  });

  it("carries the configuration and run history in the very hidden store, restored identically", () => {
    const store = file.book.getWorksheet(STORE_SHEET) as ExcelJS.Worksheet;
    expect(store.state).toBe("veryHidden");
    const { entries, damaged } = parseStoreRows(sheetRows(store));
    expect(damaged).toEqual([]);
    const [analysis] = JSON.parse(entries.get(ANALYSES_KEY) as string).analyses;
    expect(checkConfig(analysis.config)).toEqual({ ok: true, config: CONFIG });
    const { history, problem } = readHistory(entries, historyPrefix(analysis.id));
    expect(problem).toBeNull();
    expect(history.runs.map((run) => run.customers)).toEqual([SAMPLE_ROWS, SAMPLE_ROWS]);
  });

  it("has the Segment summary with the chart's table and a note where the chart goes", () => {
    const summary = file.book.getWorksheet("Segment summary") as ExcelJS.Worksheet;
    expect(summary.getCell("A3").value).toBe("Tier");
    expect(summary.getCell("B3").value).toBe("Customers");
    expect(summary.getCell("A4").value).toBe("High");
    expect(String(summary.getCell("I3").value)).toMatch(/Customers per tier: chart of A3:B6/);
  });
});
