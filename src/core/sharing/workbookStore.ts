import type { CellValue } from "../cells";
import type { WorkbookPort, WritePlan } from "../workbook/workbookPort";

/**
 * Where the sharing features keep their data in the workbook: a very hidden sheet, one row per piece of a value.
 *
 * Why a sheet and not Office's document settings: settings are capped at about 2 MB per add-in (Office.Settings;
 * office-js issue #621, and saves fail from about 1 MB in practice, #3957), while twelve snapshots of 100,000
 * customers with predicted values take several megabytes (bench/sharing.bench.ts). Settings are also private to one
 * add-in id, so a copy of the add-in deployed under another id (dev vs store) would not see them, and exceljs cannot
 * write them, so the workbench's export could not carry them. A very hidden sheet has none of these limits: any
 * Excel, LibreOffice or exceljs reads and writes it, it travels inside the file, only code can unhide it, and its
 * cells (32,767 characters each) move through the same 4 MB-per-sync blocks as any other write.
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

export interface StoreContents {
  entries: Map<string, string>;
  /** Keys whose parts were missing or out of order: dropped, and named so the pane can say so. */
  damaged: string[];
}

/**
 * The store's rows: a header, then [key, part number, "~" + up to 30,000 characters] per part, parts in order. A cut
 * never falls between the two halves of a surrogate pair, which Office's UTF-8 transport would garble.
 * @example storeRows(new Map([["a", "xy"]]))[1] // ["a", 0, "~xy", null]
 */
export function storeRows(entries: ReadonlyMap<string, string>): CellValue[][] {
  const rows: CellValue[][] = [HEADER];
  for (const [key, value] of entries) {
    let part = 0;
    let start = 0;
    do {
      let end = Math.min(value.length, start + PART_LENGTH);
      const last = value.charCodeAt(end - 1);
      if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
      rows.push([key, part++, MARKER + value.slice(start, end), null]);
      start = end;
    } while (start < value.length);
  }
  return rows;
}

/** Reads storeRows back; rows that do not fit the layout are skipped and their keys reported, never thrown. */
export function parseStoreRows(rows: readonly (readonly CellValue[])[]): StoreContents {
  const parts = new Map<string, string[]>();
  const damaged = new Set<string>();
  for (const row of rows.slice(1)) {
    const [key, part, data] = row;
    if (typeof key !== "string" || key === "") continue;
    const list = parts.get(key) ?? [];
    parts.set(key, list);
    if (part !== list.length || typeof data !== "string" || !data.startsWith(MARKER))
      damaged.add(key);
    else list.push(data.slice(MARKER.length));
  }
  const entries = new Map<string, string>();
  for (const [key, list] of parts) if (!damaged.has(key)) entries.set(key, list.join(""));
  return { entries, damaged: [...damaged] };
}

/** What the store holds now; an absent store is an empty one. */
export async function readStore(port: WorkbookPort): Promise<StoreContents> {
  const used = await port.getUsedRange(STORE_SHEET);
  if (!used) return { entries: new Map(), damaged: [] };
  // The layout starts at A1; reading from there keeps the columns in place whatever Excel trims.
  const rows = await port.readValues({
    sheet: STORE_SHEET,
    row: 0,
    column: 0,
    rowCount: used.row + used.rowCount,
    columnCount: Math.max(3, used.column + used.columnCount),
  });
  return parseStoreRows(rows);
}

/**
 * The plan that rewrites the store with these entries: the sheet is replaced (so a store that shrank leaves no old
 * parts behind) and kept very hidden.
 */
export function planStoreWrite(entries: ReadonlyMap<string, string>): WritePlan {
  return {
    sheets: [{ name: STORE_SHEET, replace: true, visibility: "veryHidden" }],
    clear: [],
    values: [{ at: { sheet: STORE_SHEET, row: 0, column: 0 }, values: storeRows(entries) }],
    fills: [],
    settings: {},
  };
}

/** Sets (text) or deletes (null) some keys, keeping the others; returns what the store holds afterwards. */
export async function updateStore(
  port: WorkbookPort,
  changes: Readonly<Record<string, string | null>>
): Promise<Map<string, string>> {
  const { entries } = await readStore(port);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) entries.delete(key);
    else entries.set(key, value);
  }
  await port.applyWritePlan(planStoreWrite(entries));
  return entries;
}
