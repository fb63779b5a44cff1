import {
  findCvaFormulas,
  parseStoredFormulas,
  planConvertToValues,
  planRestoreFormulas,
  serializeStoredFormulas,
} from "../../src/core/sharing/formulaStore";
import { callsCvaFunction, shiftRows } from "../../src/core/sharing/cvaFormulas";
import { FORMULAS_KEY } from "../../src/core/sharing/formulaStore";
import { convertFormulasToValues, restoreFormulas } from "../../src/taskpane/flow/sharing";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { CUSTOMERS, MODEL_RANGE, MODEL_SHEET, modelSheet } from "./formulaFixture";

describe("recognising CVA formulas", () => {
  it.each([
    ["=CVA.CLV(B2,C2,D2)", true],
    ["=ROUND(cva.tier(B2:B9),2)", true],
    ["=_xldudf_CVA_SCORE(B4)", true],
    ["=_XLDUDF_CVA_TIER(B2:B9)", true],
    ["=CVA.RFMSCORE (A1:A9, B1:B9, C1:C9)", true],
    ['="CVA.CLV(1)"', false],
    ["=MYCVA.X(1)", false],
    ["=CVAX(1)", false],
    ["='CVA.CLV('!A1", false],
    ["=SUM(A1:A9)", false],
  ])("%s → %s", (formula, expected) => {
    expect(callsCvaFunction(formula)).toBe(expected);
  });

  it("fills a formula down as Excel does", () => {
    expect(shiftRows("=CVA.CLV(B2,$C$2,D$2,$E2)", 3)).toBe("=CVA.CLV(B5,$C$2,D$2,$E5)");
    expect(shiftRows("=LOG10(A1)+CVA.CLV1(B2)+Sheet1!C3+'My sheet 1'!D4", 1)).toBe(
      "=LOG10(A2)+CVA.CLV1(B3)+Sheet1!C4+'My sheet 1'!D5"
    );
    expect(shiftRows('=IF(A1="B2",1E5,A1:B2)', 2)).toBe('=IF(A3="B2",1E5,A3:B4)');
  });
});

describe("convert to values and restore (pure plans)", () => {
  const { rows, formulas, spill } = modelSheet();
  const formulaRows = rows.map((row, r) => row.map((_, c) => formulas.get(`${r},${c}`) ?? null));
  const cells = findCvaFormulas(MODEL_RANGE, formulaRows);
  const spills = cells.map((cell) =>
    cell.row === spill.anchor[0] && cell.column === spill.anchor[1]
      ? {
          sheet: MODEL_SHEET,
          row: cell.row,
          column: cell.column,
          rowCount: spill.rowCount,
          columnCount: 1,
        }
      : null
  );

  it("finds the CVA cells only", () => {
    expect(cells).toHaveLength(CUSTOMERS + 3);
    expect(cells.some((cell) => cell.formula === "=B2*2")).toBe(false);
  });

  it("keeps a filled-down column as one entry, and the spill's size", () => {
    const plan = planConvertToValues(MODEL_SHEET, cells, spills, {
      box: MODEL_RANGE,
      rows,
    });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.stored).toEqual(
      expect.arrayContaining([
        {
          sheet: MODEL_SHEET,
          row: 1,
          column: 2,
          count: CUSTOMERS,
          formula: "=CVA.CLV(B2,0.3,$B$1)",
          spill: null,
        },
        {
          sheet: MODEL_SHEET,
          row: 1,
          column: 3,
          count: 1,
          formula: `=CVA.TIER(B2:B${CUSTOMERS + 1})`,
          spill: { rowCount: CUSTOMERS, columnCount: 1 },
        },
      ])
    );
    expect(plan.stored).toHaveLength(4);
    const text = serializeStoredFormulas(plan.stored);
    expect(text.length).toBeLessThan(400);
    expect(parseStoredFormulas(text)).toEqual({ ok: true, stored: plan.stored });
    const restore = planRestoreFormulas(plan.stored);
    const column = restore.formulas?.find((write) => write.at.column === 2);
    expect(column?.formulas[CUSTOMERS - 1]).toEqual([`=CVA.CLV(B${CUSTOMERS + 1},0.3,$B$1)`]);
  });

  it("refuses while results are still being calculated or the functions are missing", () => {
    const busy = rows.map((row) => [...row]);
    busy[7][2] = "#BUSY!";
    busy[9][3] = "#NAME?";
    const refused = planConvertToValues(MODEL_SHEET, cells, spills, {
      box: MODEL_RANGE,
      rows: busy,
    });
    expect(refused).toEqual({
      ok: false,
      problem: "notCalculated",
      cells: expect.arrayContaining(["C8", "D10"]),
    });
    expect(!refused.ok && refused.problem === "notCalculated" && refused.cells).toHaveLength(2);
  });

  it("rejects kept formulas in another shape, never throwing", () => {
    expect(parseStoredFormulas("{").ok).toBe(false);
    expect(
      parseStoredFormulas(
        '{"format":"cva.formulas","version":1,"sheets":{"S":[[0,0,1,"SUM(A1)"]]}}'
      ).ok
    ).toBe(false);
  });
});

describe("convert to values and restore on the memory workbook", () => {
  function workbook(): MemoryWorkbook {
    const { rows, formulas, spill } = modelSheet();
    const book = new MemoryWorkbook({ [MODEL_SHEET]: rows });
    for (const [key, formula] of formulas) {
      const [row, column] = key.split(",").map(Number);
      const spilled = row === spill.anchor[0] && column === spill.anchor[1];
      book.setFormula({ sheet: MODEL_SHEET, row, column }, formula, spilled ? spill : undefined);
    }
    return book;
  }

  it("gives back the original formulas cell for cell", async () => {
    const book = workbook();
    const before = await book.readFormulas(MODEL_RANGE);
    const values = await book.readValues(MODEL_RANGE);
    const store = new StoreSession(book);
    const converted = await convertFormulasToValues(store, [MODEL_RANGE]);
    expect(converted).toEqual({ ok: true, converted: CUSTOMERS + 3 });
    // Recipients see plain values where the CVA formulas were; the user's own formulas stay.
    const after = await book.readFormulas(MODEL_RANGE);
    expect(after[1]).toEqual([null, null, null, null, "=B2*2"]);
    expect(after[3][4]).toBeNull();
    expect(await book.readValues(MODEL_RANGE)).toEqual(values);
    const { entries } = await new StoreSession(book).read();
    expect(entries.has(FORMULAS_KEY)).toBe(true);

    const restored = await restoreFormulas(store);
    expect(restored).toEqual({ ok: true, restored: CUSTOMERS + 3, skipped: [] });
    expect(await book.readFormulas(MODEL_RANGE)).toEqual(before);
    // The spilled cells were emptied so the array can spill again.
    expect(book.cell(MODEL_SHEET, 2, 3)).toBeNull();
    expect((await new StoreSession(book).read()).entries.has(FORMULAS_KEY)).toBe(false);
  });

  it("leaves a formula the user typed over a converted cell, and says so", async () => {
    const book = workbook();
    const store = new StoreSession(book);
    await convertFormulasToValues(store, [MODEL_RANGE]);
    await book.applyWritePlan({
      clear: [],
      values: [],
      fills: [],
      settings: {},
      formulas: [{ at: { sheet: MODEL_SHEET, row: 3, column: 4 }, formulas: [["=B4*3"]] }],
    });
    const restored = await restoreFormulas(store);
    expect(restored.ok && restored.skipped.map((entry) => entry.formula)).toEqual([
      "=_xldudf_CVA_SCORE(B4)",
    ]);
    expect(book.formulaAt(MODEL_SHEET, 3, 4)).toBe("=B4*3");
    expect(book.formulaAt(MODEL_SHEET, 1, 2)).toBe("=CVA.CLV(B2,0.3,$B$1)");
  });

  it("says when there is nothing to convert or to restore", async () => {
    const book = new MemoryWorkbook({ S: [["a", 1]] });
    const range = { sheet: "S", row: 0, column: 0, rowCount: 1, columnCount: 2 };
    const store = new StoreSession(book);
    expect(await convertFormulasToValues(store, [range])).toEqual({
      ok: false,
      problem: "nothingToConvert",
    });
    expect(await restoreFormulas(store)).toEqual({ ok: false, problem: "nothingStored" });
  });
});
