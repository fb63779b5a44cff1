import type { CellValue } from "../cells";
import type { SheetRange, WritePlan } from "../workbook/workbookPort";

/**
 * Where the add-in keeps everything it remembers in the workbook: a very hidden sheet, one row per piece of a value.
 *
 * Why a sheet and not Office's document settings: settings are capped at about 2 MB per add-in (Office.Settings;
 * office-js issue #621, and saves fail from about 1 MB in practice, #3957), while twelve snapshots of 100,000
 * customers with predicted values take several megabytes (bench/sharing.bench.ts). Settings are also private to one
 * add-in id, so a copy of the add-in deployed under another id (dev vs store) would not see them, and exceljs cannot
 * write them, so the workbench's export could not carry them. A very hidden sheet has none of these limits: any
 * Excel, LibreOffice or exceljs reads and writes it, it travels inside the file, only code can unhide it, and its
 * cells (32,767 characters each) move through the same 4 MB-per-sync blocks as any other write. The document
 * settings keep only the tag Office itself reads (AUTO_OPEN_SETTING).
 */
export const STORE_SHEET = "_cva";

/** Characters per cell; Excel holds up to 32,767, the margin is for the marker. */
const PART_LENGTH = 30_000;
/**
 * Every stored part starts with this character, so Excel never reads a part as a formula ("=…"), a number or a
 * date, whatever the bytes at a cut happen to be.
 */
const MARKER = "~";
const HEADER: CellValue[] = [
  "key",
  "part",
  "data",
  "Customer Value for Excel keeps its settings, run snapshots and converted formulas here. Do not edit.",
];
/** key, part, data, and on a value's first row its number of parts (so a value cut short is told apart). */
const COLUMNS = 4;

/** Where each key's rows are: its first row and how many parts follow it. */
export interface StoreLayout {
  keys: Map<string, { row: number; parts: number }>;
  /** The first row after the last one written: where the next value is appended. */
  end: number;
}

export interface StoreContents {
  entries: Map<string, string>;
  /** Keys whose only copy was incomplete or out of order: dropped, and named so the pane can say so. */
  damaged: string[];
  layout: StoreLayout;
}

/**
 * One value's rows: [key, part number, "~" + up to 30,000 characters] per part, parts in order, the first row also
 * giving the number of parts. A cut never falls between the two halves of a surrogate pair, which Office's UTF-8
 * transport would garble.
 * @example valueRows("a", "xy") // [["a", 0, "~xy", 1]]
 */
export function valueRows(key: string, value: string): CellValue[][] {
  const rows: CellValue[][] = [];
  let start = 0;
  do {
    let end = Math.min(value.length, start + PART_LENGTH);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
    rows.push([key, rows.length, MARKER + value.slice(start, end), null]);
    start = end;
  } while (start < value.length);
  rows[0][3] = rows.length;
  return rows;
}

/**
 * Reads the store's rows (the header first). A value is a run of rows of its key numbered 0, 1, … in order, as many
 * as its first row says; a key may have several runs, as an update appends the new value before emptying the old
 * one's rows, and the last complete run wins. A key with no complete run is reported as damaged, never thrown.
 */
export function parseStoreRows(rows: readonly (readonly CellValue[])[]): StoreContents {
  const complete = new Map<string, { row: number; parts: string[] }>();
  const damaged = new Set<string>();
  let open: { key: string; row: number; parts: string[]; total: CellValue } | null = null;
  const close = () => {
    if (!open) return;
    // A value written before parts were counted has no count: taken as whole, as it was then.
    const whole =
      open.total === null || open.total === undefined || open.total === open.parts.length;
    if (whole) complete.set(open.key, { row: open.row, parts: open.parts });
    else if (!complete.has(open.key)) damaged.add(open.key);
    open = null;
  };
  let end = 1;
  for (let r = 1; r < rows.length; r++) {
    const [key, part, data, total] = rows[r];
    if (typeof key !== "string" || key === "") continue;
    end = r + 1;
    const valid = typeof data === "string" && data.startsWith(MARKER);
    if (open && open.key === key && part === open.parts.length && valid) {
      open.parts.push((data as string).slice(MARKER.length));
      continue;
    }
    close();
    if (part === 0 && valid)
      open = { key, row: r, parts: [(data as string).slice(MARKER.length)], total };
    else if (!complete.has(key)) damaged.add(key);
  }
  close();
  const entries = new Map<string, string>();
  const keys = new Map<string, { row: number; parts: number }>();
  for (const [key, { row, parts }] of complete) {
    damaged.delete(key);
    entries.set(key, parts.join(""));
    keys.set(key, { row, parts: parts.length });
  }
  return { entries, damaged: [...damaged], layout: { keys, end } };
}

/** The layout of a store that does not exist yet. */
export function emptyStoreLayout(): StoreLayout {
  return { keys: new Map(), end: 1 };
}

/** Rows in use against rows taken: when holes are most of the sheet, the next update rewrites it whole. */
function needsCompacting(layout: StoreLayout): boolean {
  let used = 0;
  for (const { parts } of layout.keys.values()) used += parts;
  return layout.end > 256 && layout.end > 2 * used;
}

export interface StoreUpdate {
  plan: WritePlan;
  entries: Map<string, string>;
  layout: StoreLayout;
}

/**
 * Sets (text) or deletes (null) some keys, as a write plan that touches only their rows: new values are appended
 * after the last row, then the rows of the values they replace are emptied (in that order, so a write cut short
 * leaves the old value readable). The sheet is added very hidden when it is not there; when emptied rows outnumber
 * the rows in use, the store is rewritten from its first row instead.
 */
export function planStoreUpdate(
  current: { entries: ReadonlyMap<string, string>; layout: StoreLayout },
  changes: Readonly<Record<string, string | null>>,
  { exists }: { exists: boolean }
): StoreUpdate {
  const entries = new Map(current.entries);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) entries.delete(key);
    else entries.set(key, value);
  }
  const sheet = { name: STORE_SHEET, visibility: "veryHidden" as const };
  if (!exists || needsCompacting(current.layout)) {
    const layout = emptyStoreLayout();
    const rows: CellValue[][] = [HEADER];
    for (const [key, value] of entries) {
      const added = valueRows(key, value);
      layout.keys.set(key, { row: rows.length, parts: added.length });
      rows.push(...added);
    }
    layout.end = rows.length;
    return {
      plan: {
        sheets: [{ ...sheet, replace: true }],
        clear: [],
        values: [{ at: { sheet: STORE_SHEET, row: 0, column: 0 }, values: rows }],
        fills: [],
        settings: {},
      },
      entries,
      layout,
    };
  }
  const keys = new Map(current.layout.keys);
  const appended: CellValue[][] = [];
  const emptied: SheetRange[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const old = keys.get(key);
    if (old) {
      emptied.push(storeRange(old.row, old.parts));
      keys.delete(key);
    }
    if (value === null) continue;
    const added = valueRows(key, value);
    keys.set(key, { row: current.layout.end + appended.length, parts: added.length });
    appended.push(...added);
  }
  const values: WritePlan["values"] = [];
  if (appended.length > 0)
    values.push({
      at: { sheet: STORE_SHEET, row: current.layout.end, column: 0 },
      values: appended,
    });
  for (const range of emptied)
    values.push({
      at: range,
      values: Array.from({ length: range.rowCount }, () =>
        new Array<CellValue>(COLUMNS).fill(null)
      ),
    });
  return {
    plan: { clear: [], values, fills: [], settings: {} },
    entries,
    layout: { keys, end: current.layout.end + appended.length },
  };
}

function storeRange(row: number, rowCount: number): SheetRange {
  return { sheet: STORE_SHEET, row, column: 0, rowCount, columnCount: COLUMNS };
}
