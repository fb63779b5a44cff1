import { MAX_SYNC_BYTES } from "../../src/excel/blocks";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { AUTO_OPEN_SETTING } from "../../src/core/workbook/workbookPort";
import { FORMULAS_KEY } from "../../src/core/sharing/formulaStore";
import { planSummarySheet } from "../../src/core/sharing/summarySheet";
import { STORE_SHEET } from "../../src/core/sharing/workbookStore";
import { convertFormulasToValues, restoreFormulas } from "../../src/taskpane/flow/sharing";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { FakeExcel } from "../excel/fakeExcel";
import { CUSTOMERS, MODEL_RANGE, MODEL_SHEET, modelSheet } from "./formulaFixture";
import { paneTranslator } from "./sampleRun";

const EXCEL_ROWS = 1_048_576;

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
});

/** The model sheet in a fake Excel: values from the rows, formulas and the spill seeded as Excel would show them. */
function modelExcel(): FakeExcel {
  const { rows, formulas, spill } = modelSheet();
  const fake = new FakeExcel(MODEL_SHEET, (r, c) => rows[r]?.[c] ?? null, new Map(), undefined, {
    row: 0,
    column: 0,
    rowCount: rows.length,
    columnCount: 5,
  });
  for (const [key, formula] of formulas) fake.cellFormulas.set(key, formula);
  fake.spills.set(spill.anchor.join(","), spill);
  return fake;
}

describe("OfficeWorkbook: formulas, sheets and charts for sharing", () => {
  it("reads formulas in blocks under Excel's 5 MB limit, null where a cell has none", async () => {
    const fake = new FakeExcel("Sheet", (r, c) => (c === 0 ? r : null));
    for (let r = 0; r < EXCEL_ROWS; r += 2)
      fake.cellFormulas.set(`${r},1`, `=CVA.CLV(A${r + 1},0.3,0.1)`);
    const formulas = await new OfficeWorkbook(fake.run).readFormulas({
      sheet: "Sheet",
      row: 0,
      column: 0,
      rowCount: EXCEL_ROWS,
      columnCount: 2,
    });
    expect(formulas[0]).toEqual([null, "=CVA.CLV(A1,0.3,0.1)"]);
    expect(formulas[1]).toEqual([null, null]);
    expect(formulas).toHaveLength(EXCEL_ROWS);
    const payload = fake.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(payload).toBeGreaterThan(MAX_SYNC_BYTES * 3);
    // Blocks are sized from the previous one's bytes per row; formulas lengthen down the sheet (A1 … A1048576), so a
    // block may pass the 4 MB aim, never Excel's 5 MB limit (as readValues, whose block sizing this shares).
    expect(Math.max(...fake.bytesPerSync)).toBeLessThan(5 * 1024 * 1024);
  });

  it("converts CVA formulas to values and restores them cell for cell", async () => {
    const fake = modelExcel();
    const workbook = new OfficeWorkbook(fake.run);
    const before = await workbook.readFormulas(MODEL_RANGE);
    const values = await workbook.readValues(MODEL_RANGE);

    const store = new StoreSession(workbook);
    expect(await convertFormulasToValues(store, [MODEL_RANGE])).toEqual({
      ok: true,
      converted: CUSTOMERS + 3,
    });
    const after = await workbook.readFormulas(MODEL_RANGE);
    expect(after[1]).toEqual([null, null, null, null, "=B2*2"]);
    expect(after[2][4]).toBe('="CVA.CLV(1)"');
    expect(await workbook.readValues(MODEL_RANGE)).toEqual(values);
    // The kept formulas live in the very hidden store sheet.
    expect(fake.otherSheets.get(STORE_SHEET)?.visibility).toBe("VeryHidden");
    expect((await new StoreSession(workbook).read()).entries.has(FORMULAS_KEY)).toBe(true);

    expect(await restoreFormulas(store)).toMatchObject({ ok: true, restored: CUSTOMERS + 3 });
    expect(await workbook.readFormulas(MODEL_RANGE)).toEqual(before);
    // The cells the array spilled into were emptied, so the spill can grow back.
    expect(fake.written.get(`${CUSTOMERS},3`)).toBe("");
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);
  });

  it("keeps the store across workbook sessions, as a reopened file would", async () => {
    const fake = modelExcel();
    const reopen = () => new StoreSession(new OfficeWorkbook(fake.run)).read();
    await new StoreSession(new OfficeWorkbook(fake.run)).update({
      small: '{"x":"客户"}',
      big: "y".repeat(70_000),
    });
    const reopened = await reopen();
    expect(reopened.entries.get("small")).toBe('{"x":"客户"}');
    expect(reopened.entries.get("big")).toHaveLength(70_000);
    // An update writes only the values it changes: the new value after the last row, the old one's rows emptied.
    const session = new StoreSession(new OfficeWorkbook(fake.run));
    await session.read();
    fake.bytesPerSync = [];
    await session.update({ big: null, small: "z" });
    expect(fake.bytesPerSync.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
    const after = await reopen();
    expect(after.entries).toEqual(new Map([["small", "z"]]));
  });

  it("adds the summary sheet with a native column chart, replacing the previous one", async () => {
    const fake = modelExcel();
    const workbook = new OfficeWorkbook(fake.run);
    const plan = planSummarySheet({
      tiers: [
        {
          label: "High",
          customers: 20,
          value: 900,
          shareOfCustomers: 0.2,
          shareOfValue: 0.6,
          action: "action.vip",
        },
        {
          label: "Low",
          customers: 80,
          value: 600,
          shareOfCustomers: 0.8,
          shareOfValue: 0.4,
          action: "action.basicService",
        },
      ],
      comparison: null,
      translate: paneTranslator("en-US"),
    });
    await workbook.applyWritePlan(plan);
    await workbook.applyWritePlan(plan);
    expect(fake.deletedSheets).toEqual(["Segment summary"]);
    expect(fake.charts).toHaveLength(1);
    expect(fake.charts[0]).toMatchObject({
      sheet: "Segment summary",
      type: "ColumnClustered",
      seriesBy: "Columns",
      name: "CVA tier distribution",
      title: { text: "Customers per tier" },
      source: { row: 2, column: 0, rowCount: 3, columnCount: 2 },
      position: { start: { row: 2, column: 8 }, end: { row: 17, column: 15 } },
    });
    expect(await workbook.listSheets()).toEqual([MODEL_SHEET, "Segment summary"]);
    expect(fake.otherSheets.get("Segment summary")?.written.get("3,0")).toBe("High");
  });

  it("tags the document to open the pane with the boolean Office looks for, and untags it", async () => {
    const fake = modelExcel();
    const workbook = new OfficeWorkbook(fake.run);
    const plan = { clear: [], values: [], fills: [], settings: {} };
    await workbook.applyWritePlan({ ...plan, autoOpen: true });
    expect(fake.settings.get(AUTO_OPEN_SETTING)).toBe(true);
    await workbook.applyWritePlan({ ...plan, autoOpen: false });
    expect(fake.settings.has(AUTO_OPEN_SETTING)).toBe(false);
  });

  it("knows a missing sheet has no used range, and leaves very hidden sheets out of the list", async () => {
    const fake = modelExcel();
    const workbook = new OfficeWorkbook(fake.run);
    expect(await workbook.getUsedRange("Nowhere")).toBeNull();
    await new StoreSession(workbook).update({ a: "b" });
    expect(await workbook.getUsedRange(STORE_SHEET)).toMatchObject({
      row: 0,
      column: 0,
      rowCount: 2,
    });
    expect(await workbook.listSheets()).toEqual([MODEL_SHEET]);
    expect(
      await workbook.getSpillRanges(MODEL_SHEET, [
        { row: 1, column: 3 },
        { row: 1, column: 2 },
      ])
    ).toEqual([
      { sheet: MODEL_SHEET, row: 1, column: 3, rowCount: CUSTOMERS, columnCount: 1 },
      null,
    ]);
  });
});
