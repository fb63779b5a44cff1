import type { CellValue } from "../../src/core/cells";
import { MAX_SYNC_BYTES } from "../../src/excel/blocks";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { WorkbookError } from "../../src/core/workbook/workbookPort";
import { customerCell, EXCEL_ROWS, installExcelGlobals } from "./customerSheet";
import { FakeExcel } from "./fakeExcel";

/** Ids that grow in length down the sheet: rows get larger than the first block suggested. */
const growingCell = (row: number, column: number): CellValue =>
  [`customer-${row * row}`, row, row * 1.25, "x".repeat(row % 40)][column] ?? "";

describe("OfficeWorkbook (Office.js implementation of the workbook port)", () => {
  beforeAll(installExcelGlobals);

  it("trims a whole-column selection to the used range", async () => {
    const fake = new FakeExcel(
      "Customers",
      customerCell,
      new Map(),
      { row: 0, column: 0, rowCount: EXCEL_ROWS, columnCount: 4 },
      { row: 0, column: 0, rowCount: 2358, columnCount: 6 }
    );
    const range = await new OfficeWorkbook(fake.run).getSelection();
    expect(range).toEqual({
      sheet: "Customers",
      row: 0,
      column: 0,
      rowCount: 2358,
      columnCount: 4,
    });
  });

  it("reports an empty selection instead of reading nothing", async () => {
    const fake = new FakeExcel(
      "Customers",
      customerCell,
      new Map(),
      { row: 5000, column: 0, rowCount: 10, columnCount: 2 },
      { row: 0, column: 0, rowCount: 2358, columnCount: 4 }
    );
    await expect(new OfficeWorkbook(fake.run).getSelection()).rejects.toMatchObject({
      kind: "emptySelection",
    });
  });

  it("turns Office's InvalidSelection into a WorkbookError the pane can explain", async () => {
    const failing = async () => {
      throw Object.assign(new Error("The current selection is invalid for this operation."), {
        code: "InvalidSelection",
      });
    };
    const error = await new OfficeWorkbook(failing).getSelection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).kind).toBe("invalidSelection");
  });

  it("reads 1,048,576 rows in blocks that each stay under 4 MB, reporting progress", async () => {
    const fake = new FakeExcel("Customers", customerCell);
    const progress: number[] = [];
    const values = await new OfficeWorkbook(fake.run).readValues(
      { sheet: "Customers", row: 0, column: 0, rowCount: EXCEL_ROWS, columnCount: 4 },
      { onProgress: (done) => progress.push(done) }
    );
    expect(values).toHaveLength(EXCEL_ROWS);
    expect(values[0]).toEqual(["Customer", "Recency", "Frequency", "Monetary"]);
    expect(values[EXCEL_ROWS - 1]).toEqual(
      customerCell(EXCEL_ROWS - 1, 0) === null
        ? []
        : [0, 1, 2, 3].map((c) => customerCell(EXCEL_ROWS - 1, c))
    );
    const payload = fake.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(payload / MAX_SYNC_BYTES) + 3);
    expect(progress[progress.length - 1]).toBe(EXCEL_ROWS);
  });

  it("reads column by column in the same syncs as by rows", async () => {
    const rowCount = 300_000;
    const range = { sheet: "Customers", row: 0, column: 0, rowCount, columnCount: 4 };
    const byRows = new FakeExcel("Customers", customerCell);
    const rows = await new OfficeWorkbook(byRows.run).readValues(range);
    const fake = new FakeExcel("Customers", customerCell);
    const columns = await new OfficeWorkbook(fake.run).readColumns(range);
    expect(fake.syncs).toBe(byRows.syncs);
    expect(fake.syncs).toBeGreaterThan(2);
    expect(columns.map((column) => column.length)).toEqual([4, 4, 4, 4].map(() => rowCount));
    for (const r of [0, 1, 7, rowCount - 1])
      expect(columns.map((column) => column[r])).toEqual(
        [0, 1, 2, 3].map((c) => rows[r][c] ?? null)
      );
  });

  it("writes a block of columns as the same rows, in the same syncs", async () => {
    const rowCount = 300_000;
    const columns: CellValue[][] = [
      Array.from({ length: rowCount }, (_, r) => (r === 7 ? null : `=客户-${r}`)),
      Array.from({ length: rowCount }, (_, r) => r * 1.5),
    ];
    const at = { sheet: "Customers", row: 0, column: 5 };
    const plan = { clear: [], fills: [], settings: {} };
    const byRows = new FakeExcel("Customers", () => null);
    await new OfficeWorkbook(byRows.run).applyWritePlan({
      ...plan,
      values: [{ at, values: columns[0].map((id, r) => [id, columns[1][r]]) }],
    });
    const fake = new FakeExcel("Customers", () => null);
    await new OfficeWorkbook(fake.run).applyWritePlan({
      ...plan,
      values: [],
      columns: [{ at, columns }],
    });
    expect(fake.bytesPerSync.length).toBeGreaterThan(1);
    expect(fake.bytesPerSync).toEqual(byRows.bytesPerSync);
    expect(fake.written).toEqual(byRows.written);
    expect(fake.written.get("8,5")).toBe("=客户-8"); // text, never a formula
    expect(fake.cellFormulas.size).toBe(0);
    expect(fake.written.get("7,5")).toBe("");
  });

  it('writes 1,048,576 rows in blocks sized by bytes (≤ 4 MB per sync), empties with "" not null', async () => {
    const fake = new FakeExcel("Customers", () => null);
    const values: CellValue[][] = Array.from({ length: EXCEL_ROWS }, (_, r) => [
      r === 7 ? null : `客户-${r}`,
      r * 1.5,
      r % 3 === 0,
    ]);
    await new OfficeWorkbook(fake.run).applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Customers", row: 0, column: 5 }, values }],
      fills: [],
      settings: {},
    });
    const payload = fake.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(payload).toBeGreaterThan(MAX_SYNC_BYTES * 5); // the test really needs several blocks
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(payload / MAX_SYNC_BYTES) + 3);
    expect(fake.written.get(`${EXCEL_ROWS - 1},6`)).toBe((EXCEL_ROWS - 1) * 1.5);
    expect(fake.written.get("7,5")).toBe("");
    expect(fake.written.get("8,5")).toBe("客户-8");
  });

  it("stays under Excel's 5 MB limit even when rows grow longer than the first block suggested", async () => {
    const fake = new FakeExcel("Growing", growingCell);
    await new OfficeWorkbook(fake.run).readValues({
      sheet: "Growing",
      row: 0,
      column: 0,
      rowCount: EXCEL_ROWS,
      columnCount: 4,
    });
    expect(Math.max(...fake.bytesPerSync)).toBeLessThan(5 * 1024 * 1024);
  });

  it("stops between blocks when cancelled", async () => {
    const fake = new FakeExcel("Customers", customerCell);
    const controller = new AbortController();
    const reading = new OfficeWorkbook(fake.run).readValues(
      { sheet: "Customers", row: 0, column: 0, rowCount: EXCEL_ROWS, columnCount: 4 },
      { signal: controller.signal, onProgress: () => controller.abort() }
    );
    await expect(reading).rejects.toMatchObject({ kind: "cancelled" });
    expect(fake.syncs).toBe(1);
  });

  it("applies a whole segmentation plan for 1,048,576 rows in ⌈payload / 4 MB⌉ + 3 syncs and tiers + 2 formatting calls", async () => {
    const fake = new FakeExcel("Customers", customerCell);
    const tiers = ["High", "Medium", "Low"];
    const results: CellValue[][] = [["Score", "Tier"]];
    for (let r = 1; r < EXCEL_ROWS; r++) results.push([(r * 37) % 101, tiers[r % 3]]);
    const legend: CellValue[][] = [
      ["Tier", "Customers"],
      ...tiers.map((tier, i) => [tier, 1000 + i]),
    ];
    const rules = tiers.map((tier) => ({
      formula: `=F2="${tier}"`,
      fill: "#0B4F6C",
      fontColor: "#FFFFFF",
    }));
    await new OfficeWorkbook(fake.run).applyWritePlan({
      clear: [
        { sheet: "Customers", row: 0, column: 4, rowCount: EXCEL_ROWS, columnCount: 2 },
        { sheet: "Customers", row: 0, column: 7, rowCount: 4, columnCount: 2 },
      ],
      values: [
        { at: { sheet: "Customers", row: 0, column: 4 }, values: results },
        { at: { sheet: "Customers", row: 0, column: 7 }, values: legend },
      ],
      fills: [
        {
          sheet: "Customers",
          areas: [
            { row: 1, column: 5, rowCount: EXCEL_ROWS - 1, columnCount: 1 },
            { row: 1, column: 7, rowCount: 3, columnCount: 1 },
          ],
          rules,
        },
      ],
      settings: { "cva.output": '[{"sheet":"Customers"}]' },
    });
    const payload = fake.bytesPerSync.reduce((a, b) => a + b, 0);
    expect(Math.max(...fake.bytesPerSync)).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(payload / MAX_SYNC_BYTES) + 3);
    expect(fake.formattingCalls).toBeLessThanOrEqual(tiers.length + 2);
    expect(fake.formulas).toEqual(['=F2="High"', '=F2="Medium"', '=F2="Low"']);
    expect(fake.areaAddresses).toEqual(["E1:F1048576,H1:I4", "F2:F1048576,H2:H4"]);
    expect(fake.written.get(`${EXCEL_ROWS - 1},5`)).toBe(tiers[(EXCEL_ROWS - 1) % 3]);
    expect(fake.written.get("3,7")).toBe("Low");
    expect(fake.settings.get("cva.output")).toBe('[{"sheet":"Customers"}]');
  });

  it("finds the values inside a block, or says it is empty", async () => {
    const fake = new FakeExcel("Customers", customerCell, new Map(), undefined, {
      row: 0,
      column: 0,
      rowCount: 2358,
      columnCount: 6,
    });
    const workbook = new OfficeWorkbook(fake.run);
    expect(
      await workbook.findValues({
        sheet: "Customers",
        row: 0,
        column: 6,
        rowCount: 2358,
        columnCount: 4,
      })
    ).toBeNull();
    expect(
      await workbook.findValues({
        sheet: "Customers",
        row: 0,
        column: 4,
        rowCount: 10,
        columnCount: 4,
      })
    ).toEqual({
      sheet: "Customers",
      row: 0,
      column: 4,
      rowCount: 10,
      columnCount: 2,
    });
  });

  it("keeps settings in the workbook and deletes them on null", async () => {
    const fake = new FakeExcel("Customers", customerCell);
    const workbook = new OfficeWorkbook(fake.run);
    expect(await workbook.readSetting("cva.config")).toBeNull();
    await workbook.writeSetting("cva.config", '{"method":"rfm"}');
    expect(await workbook.readSetting("cva.config")).toBe('{"method":"rfm"}');
    await workbook.writeSetting("cva.config", null);
    expect(await workbook.readSetting("cva.config")).toBeNull();
  });
});
