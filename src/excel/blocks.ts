import { type CellValue, sheetValue } from "../core/cells";
import { typedInput } from "../core/workbook/typedInput";

/**
 * Excel on the web refuses a request or response over 5 MB; we keep each sync under 4 MB so JSON overhead and
 * the rest of the batch never push it over.
 */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;
/** Excel caps one range read at 5,000,000 cells. */
export const MAX_CELLS_PER_READ = 5_000_000;

const plainAscii = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;
const utf8 = new TextEncoder();

/** UTF-8 bytes of a value as it travels in Office.js's JSON payload. */
export function cellBytes(cell: CellValue): number {
  const value = sheetValue(cell);
  if (value === null) return 2; // sent as ""
  if (typeof value === "number") return String(value).length;
  if (typeof value === "boolean") return value ? 4 : 5;
  return plainAscii.test(value) ? value.length + 2 : utf8.encode(JSON.stringify(value)).length;
}

export function rowBytes(row: readonly CellValue[]): number {
  let bytes = 2 + Math.max(0, row.length - 1); // brackets and commas
  for (const value of row) bytes += cellBytes(value);
  return bytes;
}

export interface RowBlock {
  start: number;
  /** Exclusive. */
  end: number;
  bytes: number;
}

/** Bytes of a row written as typed input (text with its quote prefix, see typedInput). */
function inputRowBytes(row: readonly CellValue[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const value of row) bytes += cellBytes(typedInput(value));
  return bytes;
}

/**
 * Splits rows into consecutive blocks whose payload, written as typed input, stays within maxBytes (a single
 * oversized row stands alone).
 */
export function planWriteBlocks(
  values: readonly (readonly CellValue[])[],
  maxBytes = MAX_SYNC_BYTES
): RowBlock[] {
  const blocks: RowBlock[] = [];
  let start = 0;
  let bytes = 1; // "[" and "]", less the comma the first row does not need
  for (let i = 0; i < values.length; i++) {
    const size = inputRowBytes(values[i]) + 1;
    if (i > start && bytes + size > maxBytes) {
      blocks.push({ start, end: i, bytes });
      start = i;
      bytes = 1;
    }
    bytes += size;
  }
  if (values.length > start) blocks.push({ start, end: values.length, bytes });
  return blocks;
}

/**
 * How many rows the next read may ask for. Before anything has been read, a modest probe; afterwards as many
 * rows as fit in maxBytes at the last block's bytes per row, with a 10 % margin for somewhat larger rows ahead.
 */
export function nextReadRowCount(
  remainingRows: number,
  columnCount: number,
  recentRowBytes: number | null,
  maxBytes = MAX_SYNC_BYTES
): number {
  const byCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, columnCount)));
  const byBytes =
    recentRowBytes === null ? 1000 : Math.max(1, Math.floor(maxBytes / (recentRowBytes * 1.1)));
  return Math.max(1, Math.min(remainingRows, byCells, byBytes));
}
