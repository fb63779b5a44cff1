import type { Progress, SheetRange, WorkbookPort } from "../workbook/workbookPort";
import {
  ConversionPlan,
  findCvaFormulas,
  FORMULAS_KEY,
  mergeStoredFormulas,
  parseStoredFormulas,
  planConvertToValues,
  planRestoreFormulas,
  serializeStoredFormulas,
  StoredFormula,
  storedArea,
} from "./formulaStore";
import { boundingBox } from "../workbook/rectangles";
import { readStore, updateStore } from "./workbookStore";

export type FormulaScope = "selection" | "sheet" | "workbook";

/** The blocks a scope covers: the selection, its sheet's used range, or every sheet's. */
export async function rangesInScope(
  port: WorkbookPort,
  scope: FormulaScope
): Promise<SheetRange[]> {
  if (scope === "selection") return [await port.getSelection()];
  const sheets = scope === "sheet" ? [(await port.getSelection()).sheet] : await port.listSheets();
  const ranges: SheetRange[] = [];
  for (const sheet of sheets) {
    const used = await port.getUsedRange(sheet);
    if (used) ranges.push(used);
  }
  return ranges;
}

export type ConversionResult =
  | { ok: true; converted: number }
  | { ok: false; problem: "nothingToConvert" }
  | { ok: false; problem: "notCalculated"; cells: string[] }
  | { ok: false; problem: "storeDamaged"; message: string };

/**
 * "Convert CVA formulas to values": in each range, every cell whose formula calls a CVA function gets its current
 * value (dynamic arrays their whole block), and the formulas are kept in the workbook for "Restore formulas". The
 * formulas are saved before any cell is changed, so an interruption never loses one.
 */
export async function convertFormulasToValues(
  port: WorkbookPort,
  ranges: readonly SheetRange[],
  progress: Progress = {}
): Promise<ConversionResult> {
  const plans: ConversionPlan[] = [];
  for (const range of ranges) {
    const cells = findCvaFormulas(range, await port.readFormulas(range, progress));
    if (cells.length === 0) continue;
    const spills = await port.getSpillRanges(range.sheet, cells);
    const box = boundingBox(range, spills);
    const rows = await port.readValues(box, progress);
    plans.push(planConvertToValues(range.sheet, cells, spills, { box, rows }));
  }
  if (plans.length === 0) return { ok: false, problem: "nothingToConvert" };
  const added: StoredFormula[] = [];
  let converted = 0;
  for (const plan of plans) {
    if (!plan.ok) return plan;
    added.push(...plan.stored);
    converted += plan.cells;
  }
  const kept = await keptFormulas(port);
  if (!kept.ok) return { ok: false, problem: "storeDamaged", message: kept.message };
  await updateStore(port, {
    [FORMULAS_KEY]: serializeStoredFormulas(mergeStoredFormulas(kept.stored, added)),
  });
  for (const plan of plans) if (plan.ok) await port.applyWritePlan(plan.plan, progress);
  return { ok: true, converted };
}

export type RestoreResult =
  /** skipped: kept formulas not written back (a formula typed over them since, or their sheet is gone). */
  | { ok: true; restored: number; skipped: StoredFormula[] }
  | { ok: false; problem: "nothingStored" }
  | { ok: false; problem: "storeDamaged"; message: string };

/**
 * "Restore formulas": writes every kept formula back, except where someone has since typed a formula of their own
 * (that cell is reported, and its kept formula dropped with the rest). Sheets renamed or deleted since are skipped
 * the same way.
 */
export async function restoreFormulas(
  port: WorkbookPort,
  progress: Progress = {}
): Promise<RestoreResult> {
  const kept = await keptFormulas(port);
  if (!kept.ok) return { ok: false, problem: "storeDamaged", message: kept.message };
  if (kept.stored.length === 0) return { ok: false, problem: "nothingStored" };
  const restorable: StoredFormula[] = [];
  const skipped: StoredFormula[] = [];
  const sheets = new Set(await port.listSheets());
  for (const [sheet, entries] of groupBySheet(kept.stored)) {
    if (!sheets.has(sheet)) {
      skipped.push(...entries);
      continue;
    }
    // One read of the block around the sheet's entries, not one per entry: there may be thousands.
    const areas = entries.map(storedArea);
    const box = boundingBox(
      { sheet, ...areas[0] },
      areas.map((area) => ({ sheet, ...area }))
    );
    const now = await port.readFormulas(box, progress);
    entries.forEach((entry, i) => {
      const area = areas[i];
      let typedOver = false;
      for (let r = area.row; r < area.row + area.rowCount; r++)
        for (let c = area.column; c < area.column + area.columnCount; c++)
          if (now[r - box.row][c - box.column] !== null) typedOver = true;
      if (typedOver) skipped.push(entry);
      else restorable.push(entry);
    });
  }
  await port.applyWritePlan(planRestoreFormulas(restorable), progress);
  await updateStore(port, { [FORMULAS_KEY]: null });
  return {
    ok: true,
    restored: restorable.reduce((sum, entry) => sum + entry.count, 0),
    skipped,
  };
}

async function keptFormulas(
  port: WorkbookPort
): Promise<{ ok: true; stored: StoredFormula[] } | { ok: false; message: string }> {
  const { entries } = await readStore(port);
  const text = entries.get(FORMULAS_KEY);
  return text === undefined ? { ok: true, stored: [] } : parseStoredFormulas(text);
}

function groupBySheet(stored: readonly StoredFormula[]): Map<string, StoredFormula[]> {
  const bySheet = new Map<string, StoredFormula[]>();
  for (const entry of stored)
    bySheet.set(entry.sheet, [...(bySheet.get(entry.sheet) ?? []), entry]);
  return bySheet;
}
