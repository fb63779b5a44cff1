import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { createSampleWorkbook } from "../../src/workbench/sampleWorkbook";

const table = () => [
  ["Customer", "Spend", null, null],
  ["A", 10, null, null],
  ["B", 20, null, null],
  [null, null, null, "far away"],
];

describe("MemoryWorkbook (the workbench's implementation of the workbook port)", () => {
  it("trims a whole-column selection to the used range", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    workbook.select({ sheet: "Sheet1", row: 0, column: 0, rowCount: 1_048_576, columnCount: 2 });
    expect(await workbook.getSelection()).toEqual({
      sheet: "Sheet1",
      row: 0,
      column: 0,
      rowCount: 4,
      columnCount: 2,
    });
  });

  it("refuses a selection with no data", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    workbook.select({ sheet: "Sheet1", row: 10, column: 0, rowCount: 5, columnCount: 5 });
    await expect(workbook.getSelection()).rejects.toMatchObject({ kind: "emptySelection" });
  });

  it("finds the current region around the active cell, not the stray cell beyond a gap", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    workbook.select({ sheet: "Sheet1", row: 1, column: 1, rowCount: 1, columnCount: 1 });
    expect(await workbook.getCurrentRegion()).toEqual({
      sheet: "Sheet1",
      row: 0,
      column: 0,
      rowCount: 3,
      columnCount: 2,
    });
  });

  it("reads and writes blocks, reporting progress, and notifies the grid", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    const changes: number[] = [];
    workbook.subscribe(() => changes.push(1));
    await workbook.applyWritePlan({
      clear: [],
      values: [
        { at: { sheet: "Sheet1", row: 0, column: 2 }, values: [["Tier"], ["High"], ["Low"]] },
      ],
      fills: [],
      settings: { "cva.output": "x" },
    });
    expect(await workbook.readSetting("cva.output")).toBe("x");
    const progress: number[] = [];
    const values = await workbook.readValues(
      { sheet: "Sheet1", row: 0, column: 0, rowCount: 3, columnCount: 3 },
      { onProgress: (done) => progress.push(done) }
    );
    expect(values).toEqual([
      ["Customer", "Spend", "Tier"],
      ["A", 10, "High"],
      ["B", 20, "Low"],
    ]);
    expect(progress[progress.length - 1]).toBe(3);
    expect(changes).toHaveLength(1);
  });

  it("reads a range column by column in the blocks it reads rows in", async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`C${i}`, i, i % 2 === 0 ? null : "odd"]);
    const workbook = new MemoryWorkbook({ Sheet1: rows });
    const range = { sheet: "Sheet1", row: 1, column: 1, rowCount: rows.length, columnCount: 3 };
    const byRows = await workbook.readValues(range);
    const syncs = workbook.syncCount;
    const columns = await workbook.readColumns(range);
    expect(syncs).toBeGreaterThan(1);
    expect(workbook.syncCount - syncs).toBe(syncs);
    expect(columns).toEqual([0, 1, 2].map((c) => byRows.map((row) => row[c])));
    expect(columns.map((column) => column.at(-1))).toEqual([null, null, null]); // past the data
    expect(columns.map((column) => column[0])).toEqual([1, "odd", null]);
  });

  it("writes blocks of columns after the rows, and clears what it replaces in the same pass", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    const write = (columns: string[][], format?: string) =>
      workbook.applyWritePlan({
        clear: [{ sheet: "Sheet1", row: 0, column: 2, rowCount: 4, columnCount: 2 }],
        values: [{ at: { sheet: "Sheet1", row: 0, column: 2 }, values: [["Tier"]] }],
        columns: [{ at: { sheet: "Sheet1", row: 1, column: 2 }, columns }],
        fills: [],
        numberFormats: format
          ? [
              {
                sheet: "Sheet1",
                areas: [{ row: 1, column: 2, rowCount: 2, columnCount: 1 }],
                format,
              },
            ]
          : [],
        settings: {},
      });
    await write(
      [
        ["High", "Low"],
        ["=WEBSERVICE()", "-001"],
      ],
      "@"
    );
    const range = { sheet: "Sheet1", row: 0, column: 2, rowCount: 4, columnCount: 2 };
    expect(await workbook.readValues(range)).toEqual([
      ["Tier", null],
      ["High", "=WEBSERVICE()"],
      ["Low", "-001"],
      [null, null], // "far away", ours to clear
    ]);
    expect(workbook.formulaAt("Sheet1", 1, 3)).toBeNull();
    expect(workbook.numberFormatAt("Sheet1", 1, 2)).toBe("@");
    await write([["Low", "High"]]);
    expect(await workbook.readValues(range)).toEqual([
      ["Tier", null],
      ["Low", null],
      ["High", null],
      [null, null],
    ]);
    expect(workbook.numberFormatAt("Sheet1", 1, 2)).toBeNull(); // cleared, though rewritten
  });

  it("cancels a read between blocks", async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`C${i}`, i]);
    const workbook = new MemoryWorkbook({ Sheet1: rows });
    const controller = new AbortController();
    const reading = workbook.readValues(
      { sheet: "Sheet1", row: 0, column: 0, rowCount: rows.length, columnCount: 2 },
      { signal: controller.signal, onProgress: () => controller.abort() }
    );
    await expect(reading).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("shows conditional fills where the rule's formula holds, relative to each row", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: [["Tier"], ["High"], ["Low"], ["high"]] });
    const rules = [
      { formula: '=A2="High"', fill: "#004488", fontColor: "#FFFFFF" },
      { formula: '=A2="Low"', fill: "#DDDDDD", fontColor: "#000000" },
    ];
    await workbook.applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Sheet1", row: 0, column: 2 }, values: [["Legend"], ["Low"]] }],
      fills: [
        {
          sheet: "Sheet1",
          areas: [
            { row: 1, column: 0, rowCount: 3, columnCount: 1 },
            { row: 1, column: 2, rowCount: 1, columnCount: 1 },
          ],
          rules,
        },
      ],
      settings: {},
    });
    expect(workbook.fillAt("Sheet1", 1, 0)).toEqual({ fill: "#004488", fontColor: "#FFFFFF" });
    expect(workbook.fillAt("Sheet1", 2, 0)).toEqual({ fill: "#DDDDDD", fontColor: "#000000" });
    expect(workbook.fillAt("Sheet1", 3, 0)).toEqual({ fill: "#004488", fontColor: "#FFFFFF" }); // Excel's = ignores case
    expect(workbook.fillAt("Sheet1", 0, 0)).toBeNull();
    expect(workbook.fillAt("Sheet1", 1, 2)).toEqual({ fill: "#DDDDDD", fontColor: "#000000" }); // second area: itself
  });

  it("clears its own earlier output, formats included, and finds values in a block", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: table() });
    await workbook.applyWritePlan({
      clear: [],
      values: [
        { at: { sheet: "Sheet1", row: 0, column: 2 }, values: [["Tier"], ["High"], ["Low"]] },
      ],
      fills: [
        {
          sheet: "Sheet1",
          areas: [{ row: 1, column: 2, rowCount: 2, columnCount: 1 }],
          rules: [{ formula: '=C2="High"', fill: "#000", fontColor: "#fff" }],
        },
      ],
      settings: {},
    });
    expect(
      await workbook.findValues({
        sheet: "Sheet1",
        row: 0,
        column: 2,
        rowCount: 10,
        columnCount: 1,
      })
    ).toEqual({ sheet: "Sheet1", row: 0, column: 2, rowCount: 3, columnCount: 1 });
    await workbook.applyWritePlan({
      clear: [{ sheet: "Sheet1", row: 0, column: 2, rowCount: 3, columnCount: 1 }],
      values: [],
      fills: [],
      settings: {},
    });
    expect(
      await workbook.findValues({
        sheet: "Sheet1",
        row: 0,
        column: 2,
        rowCount: 10,
        columnCount: 1,
      })
    ).toBeNull();
    expect(workbook.fillAt("Sheet1", 1, 2)).toBeNull();
  });

  it("keeps settings", async () => {
    const workbook = new MemoryWorkbook({ Sheet1: [] });
    await workbook.writeSetting("k", "v");
    expect(await workbook.readSetting("k")).toBe("v");
    await workbook.writeSetting("k", null);
    expect(await workbook.readSetting("k")).toBeNull();
  });
});

describe("the bundled CDNOW sample", () => {
  it("holds every tenth CDNOW customer and their transactions, dates as Excel serials", () => {
    const workbook = createSampleWorkbook();
    expect(workbook.usedSize("Customers")).toEqual({ rowCount: 2358, columnCount: 6 });
    expect(workbook.usedSize("Transactions")).toEqual({ rowCount: 6788, columnCount: 4 });
    expect(workbook.cell("Customers", 0, 0)).toBe("Customer ID");
    expect(workbook.cell("Transactions", 1, 1)).toBeGreaterThanOrEqual(35431); // 1997-01-01
    expect(workbook.numberFormatAt("Transactions", 1, 1)).toBe("yyyy-mm-dd");
  });
});
