import type { Message } from "../../core/messages/catalogue";
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
} from "../../core/sharing/formulaStore";
import { boundingBox } from "../../core/workbook/rectangles";
import type { Progress, SheetRange, WorkbookPort } from "../../core/workbook/workbookPort";
import { mergePlans } from "../../core/workbook/writePlans";
import type { StoreSession } from "./storeSession";

/**
 * The Share section's actions, for SharePanel: each reads and writes the workbook through the port and the store
 * session only, and answers with plain data for the pane to word.
 */

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
  | { ok: false; problem: "storeDamaged"; message: Message };

/**
 * "Convert CVA formulas to values": in each range, every cell whose formula calls a CVA function gets its current
 * value (dynamic arrays their whole block), and the formulas are kept in the workbook for "Restore formulas". The
 * formulas are saved in the same call, before any cell is changed, so an interruption never loses one.
 */
export async function convertFormulasToValues(
  store: StoreSession,
  ranges: readonly SheetRange[],
  progress: Progress = {}
): Promise<ConversionResult> {
  const { port } = store;
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
  const kept = await keptFormulas(store);
  if (!kept.ok) return { ok: false, problem: "storeDamaged", message: kept.message };
  const writes = plans.flatMap((plan) => (plan.ok ? [plan.plan] : []));
  await store.update(
    { [FORMULAS_KEY]: serializeStoredFormulas(mergeStoredFormulas(kept.stored, added)) },
    { with: writes.reduce(mergePlans), progress }
  );
  return { ok: true, converted };
}

export type RestoreResult =
  /** skipped: kept formulas not written back (a formula typed over them since, or their sheet is gone). */
  | { ok: true; restored: number; skipped: StoredFormula[] }
  | { ok: false; problem: "nothingStored" }
  | { ok: false; problem: "storeDamaged"; message: Message };

/**
 * "Restore formulas": writes every kept formula back, except where someone has since typed a formula of their own
 * (that cell is reported, and its kept formula dropped with the rest). Sheets renamed or deleted since are skipped
 * the same way.
 */
export async function restoreFormulas(
  store: StoreSession,
  progress: Progress = {}
): Promise<RestoreResult> {
  const { port } = store;
  const kept = await keptFormulas(store);
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
  await store.update({ [FORMULAS_KEY]: null }, { with: planRestoreFormulas(restorable), progress });
  return {
    ok: true,
    restored: restorable.reduce((sum, entry) => sum + entry.count, 0),
    skipped,
  };
}

async function keptFormulas(
  store: StoreSession
): Promise<{ ok: true; stored: StoredFormula[] } | { ok: false; message: Message }> {
  const { entries } = await store.read();
  const text = entries.get(FORMULAS_KEY);
  return text === undefined ? { ok: true, stored: [] } : parseStoredFormulas(text);
}

function groupBySheet(stored: readonly StoredFormula[]): Map<string, StoredFormula[]> {
  const bySheet = new Map<string, StoredFormula[]>();
  for (const entry of stored)
    bySheet.set(entry.sheet, [...(bySheet.get(entry.sheet) ?? []), entry]);
  return bySheet;
}

/** Tags the document so the pane opens with it for everyone who has the add-in, or removes the tag. */
export async function setAutoOpen(port: WorkbookPort, autoOpen: boolean): Promise<void> {
  await port.applyWritePlan({ clear: [], values: [], fills: [], settings: {}, autoOpen });
}
