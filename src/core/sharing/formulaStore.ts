import type { CellValue } from "../cells";
import { type Message, phrase } from "../messages/catalogue";
import { z } from "./zod";
import { type Box, overlaps } from "../workbook/rectangles";
import { cellAddress } from "../workbook/a1";
import type { SheetRange, WritePlan } from "../workbook/workbookPort";
import { callsCvaFunction, shiftRows } from "./cvaFormulas";

/** The store key of the formulas "Convert CVA formulas to values" took out (see workbookStore.ts). */
export const FORMULAS_KEY = "cva.formulas";
const FORMULAS_FORMAT = "cva.formulas";
const FORMULAS_VERSION = 1;

/** A CVA formula cell of a range, by sheet position. */
export interface CvaCell {
  row: number;
  column: number;
  formula: string;
}

/**
 * A converted formula, or a run of them: the cells row … row + count − 1 of the column held shiftRows(formula, i),
 * as Fill Down makes them, so a column of 100,000 =CVA.CLV(B2,C2,D2) is one entry. A dynamic array's anchor is
 * never part of a run and remembers the block it spilled into, which Restore empties so the spill can grow back.
 */
export interface StoredFormula {
  sheet: string;
  row: number;
  column: number;
  count: number;
  formula: string;
  spill: { rowCount: number; columnCount: number } | null;
}

/**
 * The CVA formula cells of a range, from its formulas as readFormulas gives them.
 * @example findCvaFormulas({ sheet: "S", row: 1, column: 4, rowCount: 1, columnCount: 2 }, [["=A2", "=CVA.TIER(B2:B9)"]]) // [{ row: 1, column: 5, formula: "=CVA.TIER(B2:B9)" }]
 */
export function findCvaFormulas(range: SheetRange, formulas: (string | null)[][]): CvaCell[] {
  const cells: CvaCell[] = [];
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (formula !== null && callsCvaFunction(formula))
        cells.push({ row: range.row + r, column: range.column + c, formula });
    })
  );
  return cells;
}

/** Values a custom function shows before it has a result, or when the add-in is not loaded: never to be frozen. */
const NOT_CALCULATED = new Set(["#BUSY!", "#NAME?", "#GETTING_DATA"]);
const LISTED_CELLS = 12;

export type ConversionPlan =
  | { ok: true; plan: WritePlan; stored: StoredFormula[]; cells: number }
  | { ok: false; problem: "nothingToConvert" }
  | { ok: false; problem: "notCalculated"; cells: string[] };

/**
 * Convert to values: the plan writing each CVA cell's current value over its formula (for a dynamic array, its
 * whole spilled block, so the recipient sees every value), and the formulas to keep. `values` must cover every cell
 * and spill (boundingBox gives the block to read). Refused while any of those cells shows #BUSY!, #NAME? or
 * #GETTING_DATA: freezing those would lose the results for good.
 */
export function planConvertToValues(
  sheet: string,
  cells: readonly CvaCell[],
  spills: readonly (SheetRange | null)[],
  values: { box: Box; rows: readonly (readonly CellValue[])[] }
): ConversionPlan {
  if (cells.length === 0) return { ok: false, problem: "nothingToConvert" };
  const valueAt = (row: number, column: number): CellValue =>
    values.rows[row - values.box.row]?.[column - values.box.column] ?? null;
  const blocks = cells.map((cell, i) => {
    const spill = spills[i];
    return spill && (spill.rowCount > 1 || spill.columnCount > 1)
      ? {
          cell,
          box: {
            row: spill.row,
            column: spill.column,
            rowCount: spill.rowCount,
            columnCount: spill.columnCount,
          },
        }
      : { cell, box: null };
  });
  const pending: string[] = [];
  for (const { cell, box } of blocks) {
    const area = box ?? { row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 };
    for (let r = area.row; r < area.row + area.rowCount; r++)
      for (let c = area.column; c < area.column + area.columnCount; c++) {
        const value = valueAt(r, c);
        if (typeof value === "string" && NOT_CALCULATED.has(value)) pending.push(cellAddress(r, c));
      }
  }
  if (pending.length > 0)
    return { ok: false, problem: "notCalculated", cells: pending.slice(0, LISTED_CELLS) };

  const plan: WritePlan = { clear: [], values: [], fills: [], settings: {} };
  const stored: StoredFormula[] = [];
  for (const { cell, box } of blocks) {
    if (!box) continue;
    plan.values.push({
      at: { sheet, row: box.row, column: box.column },
      values: rowsOf(box, valueAt),
    });
    stored.push({
      sheet,
      row: cell.row,
      column: cell.column,
      count: 1,
      formula: cell.formula,
      spill: { rowCount: box.rowCount, columnCount: box.columnCount },
    });
  }
  // Single cells, down each column: consecutive cells become one value block, and a stored run while each cell's
  // formula is the first one filled down.
  const singles = blocks
    .filter((block) => !block.box)
    .map((block) => block.cell)
    .sort((a, b) => a.column - b.column || a.row - b.row);
  for (let start = 0; start < singles.length;) {
    let end = start + 1;
    while (
      end < singles.length &&
      singles[end].column === singles[start].column &&
      singles[end].row === singles[end - 1].row + 1
    )
      end++;
    const first = singles[start];
    plan.values.push({
      at: { sheet, row: first.row, column: first.column },
      values: singles.slice(start, end).map((cell) => [valueAt(cell.row, cell.column)]),
    });
    for (let runStart = start; runStart < end;) {
      const head = singles[runStart];
      let runEnd = runStart + 1;
      while (
        runEnd < end &&
        singles[runEnd].formula === shiftRows(head.formula, singles[runEnd].row - head.row)
      )
        runEnd++;
      stored.push({
        sheet,
        row: head.row,
        column: head.column,
        count: runEnd - runStart,
        formula: head.formula,
        spill: null,
      });
      runStart = runEnd;
    }
    start = end;
  }
  return { ok: true, plan, stored, cells: cells.length };
}

/** The cells an entry covers: its run down the column, or its spilled block. */
export function storedArea(entry: StoredFormula): Box {
  return entry.spill
    ? { row: entry.row, column: entry.column, ...entry.spill }
    : { row: entry.row, column: entry.column, rowCount: entry.count, columnCount: 1 };
}

/**
 * Adds newly converted formulas to the kept ones. A kept entry whose cells the new conversion covers is dropped: the
 * user typed a new formula there since, and that one is now the truth.
 */
export function mergeStoredFormulas(
  kept: readonly StoredFormula[],
  added: readonly StoredFormula[]
): StoredFormula[] {
  const stillValid = kept.filter(
    (old) =>
      !added.some(
        (entry) =>
          entry.sheet.toLowerCase() === old.sheet.toLowerCase() &&
          overlaps(storedArea(entry), storedArea(old))
      )
  );
  return [...stillValid, ...added];
}

/**
 * Restore formulas: empties each dynamic array's old block (values first, so the spill has room to grow back), then
 * writes every formula, runs filled down as they were.
 */
export function planRestoreFormulas(stored: readonly StoredFormula[]): WritePlan {
  const plan: WritePlan = { clear: [], values: [], fills: [], settings: {}, formulas: [] };
  for (const entry of stored) {
    const at = { sheet: entry.sheet, row: entry.row, column: entry.column };
    if (entry.spill) plan.values.push({ at, values: rowsOf(storedArea(entry), () => null) });
    plan.formulas?.push({
      at,
      formulas: Array.from({ length: entry.count }, (_, i) => [
        i === 0 ? entry.formula : shiftRows(entry.formula, i),
      ]),
    });
  }
  return plan;
}

const storedEntry = z.union([
  z.tuple([
    z.number().int().min(0),
    z.number().int().min(0),
    z.number().int().min(1),
    z.string().startsWith("="),
  ]),
  z.tuple([
    z.number().int().min(0),
    z.number().int().min(0),
    z.literal(1),
    z.string().startsWith("="),
    z.number().int().min(1),
    z.number().int().min(1),
  ]),
]);
const storedSchema = z.object({
  format: z.literal(FORMULAS_FORMAT),
  version: z.literal(FORMULAS_VERSION),
  sheets: z.record(z.string().min(1), z.array(storedEntry)),
});

/**
 * The kept formulas as compact JSON for the store: per sheet, [row, column, count, formula] or, for a dynamic array,
 * [row, column, 1, formula, spill rows, spill columns].
 */
export function serializeStoredFormulas(stored: readonly StoredFormula[]): string {
  const sheets: Record<string, (string | number)[][]> = {};
  for (const entry of stored) {
    const row: (string | number)[] = [entry.row, entry.column, entry.count, entry.formula];
    if (entry.spill) row.push(entry.spill.rowCount, entry.spill.columnCount);
    (sheets[entry.sheet] ??= []).push(row);
  }
  return JSON.stringify({ format: FORMULAS_FORMAT, version: FORMULAS_VERSION, sheets });
}

export type ParsedStoredFormulas =
  { ok: true; stored: StoredFormula[] } | { ok: false; message: Message };

/** Reads serializeStoredFormulas back; never throws. */
export function parseStoredFormulas(text: string): ParsedStoredFormulas {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: phrase("store.formulasDamaged") };
  }
  const checked = storedSchema.safeParse(parsed);
  if (!checked.success) return { ok: false, message: phrase("store.formulasForeign") };
  const stored: StoredFormula[] = [];
  for (const [sheet, entries] of Object.entries(checked.data.sheets))
    for (const [row, column, count, formula, spillRows, spillColumns] of entries)
      stored.push({
        sheet,
        row,
        column,
        count,
        formula,
        spill:
          spillRows === undefined
            ? null
            : { rowCount: spillRows, columnCount: spillColumns as number },
      });
  return { ok: true, stored };
}

function rowsOf(box: Box, valueAt: (row: number, column: number) => CellValue): CellValue[][] {
  return Array.from({ length: box.rowCount }, (_, r) =>
    Array.from({ length: box.columnCount }, (_, c) => valueAt(box.row + r, box.column + c))
  );
}
