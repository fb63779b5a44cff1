import { type CellValue, sheetValue } from "../cells";
import { type StoredRange, rangesOfStored, storedRanges } from "../segmentation/ownership";
import { overlaps, sameSheet } from "../workbook/rectangles";
import type { ColumnBlock, SheetRange, WritePlan } from "../workbook/workbookPort";
import { fromBase64, toBase64 } from "./bytes";

/**
 * What a run wrote into one range it owns, compact enough to keep in the store: one 32-bit hash per column and block
 * of rows (each cell's value hashed with its row, XORed). Blocks are single rows, so single cells, until the range
 * has more than MAX_HASHES cells; larger ones are checked a block of rows at a time.
 */
export interface Fingerprint {
  range: SheetRange;
  blockRows: number;
  /** hashes[column × blocks + block]. */
  hashes: Uint32Array;
}

/** Hashes per range at most: 128 KB per range in the store before base64. */
export const MAX_HASHES = 32_768;

const scratch = new Float32Array(1);
const bits = new Uint32Array(scratch.buffer);

/** murmur3's finaliser: every input bit moves every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  // Signed, so V8 keeps it a small integer instead of boxing it; a Uint32Array stores the same bits.
  return h ^ (h >>> 16);
}

/** Distinct texts whose hashes one pass keeps: an output repeats a few segment names and actions a million times. */
const CACHED_TEXTS = 4096;

/** FNV-1a of a text's UTF-16 code units. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * A cell's value hash; 0 for an empty cell. Numbers are compared as 32-bit floats, so a value Excel hands back
 * rounded to 15 digits is the value written; text and numbers never share a hash. Written for speed: a full sheet's
 * output is millions of cells, so the hashes of texts are looked up in `texts` once known.
 */
function valueHash(value: CellValue, texts: Map<string, number>): number {
  if (typeof value === "number") {
    if ((value | 0) === value) return mix(value ^ 0x3c6ef372);
    scratch[0] = value;
    return mix(bits[0] ^ 0x3c6ef372);
  }
  if (typeof value === "string") {
    if (value === "") return 0;
    let h = texts.get(value);
    if (h === undefined) {
      h = textHash(value);
      if (texts.size < CACHED_TEXTS) texts.set(value, h);
    }
    return h;
  }
  if (typeof value === "boolean") return value ? 0x5bd1e995 : 0x1b873593;
  if (value === null || value === undefined) return 0;
  const cell = sheetValue(value);
  return cell === null ? 0 : valueHash(cell, texts);
}

function blockRowsOf(range: SheetRange): number {
  const blocks = Math.max(1, Math.floor(MAX_HASHES / range.columnCount));
  return Math.max(1, Math.ceil(range.rowCount / blocks));
}

/** A block of rows as a block of columns (short rows leave their missing cells undefined, which hash as empty). */
function columnBlock({ at, values }: WritePlan["values"][number]): ColumnBlock {
  const width = values.reduce((widest, row) => Math.max(widest, row.length), 0);
  return { at, columns: Array.from({ length: width }, (_, c) => values.map((row) => row[c])) };
}

/** Hashes of the cells of `range` that the blocks write (cells no block covers are empty). */
function hashesOf(
  range: SheetRange,
  blockRows: number,
  blocks: readonly ColumnBlock[]
): Uint32Array {
  const blockCount = Math.ceil(range.rowCount / blockRows);
  const hashes = new Uint32Array(range.columnCount * blockCount);
  const texts = new Map<string, number>();
  for (const { at, columns } of blocks) {
    const rowCount = columns[0]?.length ?? 0;
    const box = { ...at, rowCount, columnCount: columns.length };
    if (!sameSheet(at.sheet, range.sheet) || !overlaps(box, range)) continue;
    const top = Math.max(at.row, range.row);
    const bottom = Math.min(at.row + rowCount, range.row + range.rowCount);
    const left = Math.max(at.column, range.column);
    const right = Math.min(at.column + columns.length, range.column + range.columnCount);
    for (let c = left; c < right; c++) {
      const column = columns[c - at.column];
      const offset = (c - range.column) * blockCount;
      let block = Math.floor((top - range.row) / blockRows);
      let blockEnd = range.row + (block + 1) * blockRows;
      for (let r = top; r < bottom; r++) {
        if (r === blockEnd) {
          block++;
          blockEnd += blockRows;
        }
        const h = valueHash(column[r - at.row], texts);
        // Each cell's hash salted with its row, so values that trade places within a block still change it.
        if (h !== 0)
          hashes[offset + block] ^= mix(h ^ Math.imul(r - range.row + 1, 0x9e3779b1)) || 1;
      }
    }
  }
  return hashes;
}

/** The fingerprints of what a plan writes into each of `ranges` (the ranges the run will own). */
export function fingerprintsOf(plan: WritePlan, ranges: readonly SheetRange[]): Fingerprint[] {
  const blocks = [...plan.values.map(columnBlock), ...(plan.columns ?? [])];
  return ranges.map((range) => {
    const blockRows = blockRowsOf(range);
    return { range, blockRows, hashes: hashesOf(range, blockRows, blocks) };
  });
}

/**
 * The cells of a fingerprinted range whose values are not what the run wrote (`columns` read from the range now,
 * WorkbookPort.readColumns): single cells, or the block of rows of one column holding the change on a large range.
 */
export function changedCells(fingerprint: Fingerprint, columns: CellValue[][]): SheetRange[] {
  const { range, blockRows } = fingerprint;
  const now = hashesOf(range, blockRows, [{ at: range, columns }]);
  const blockCount = Math.ceil(range.rowCount / blockRows);
  const changed: SheetRange[] = [];
  for (let c = 0; c < range.columnCount; c++)
    for (let block = 0; block < blockCount; block++) {
      const i = c * blockCount + block;
      if (now[i] === fingerprint.hashes[i]) continue;
      const row = block * blockRows;
      changed.push({
        sheet: range.sheet,
        row: range.row + row,
        column: range.column + c,
        rowCount: Math.min(blockRows, range.rowCount - row),
        columnCount: 1,
      });
    }
  return changed;
}

/** Fingerprints as the store keeps them: JSON of [range, blockRows, base64 of the hashes]. */
export function fingerprintsText(fingerprints: readonly Fingerprint[]): string {
  return JSON.stringify(
    fingerprints.map(({ range, blockRows, hashes }) => [
      storedRanges([range])[0],
      blockRows,
      toBase64(new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength)),
    ])
  );
}

/** Reads fingerprintsText back; null when it cannot be used (then nothing is known of what the run wrote). */
export function parseFingerprints(text: string): Fingerprint[] | null {
  try {
    const entries = JSON.parse(text) as unknown;
    if (!Array.isArray(entries)) return null;
    const fingerprints: Fingerprint[] = [];
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 3) return null;
      const [stored, blockRows, base64] = entry as [StoredRange, unknown, unknown];
      const range = rangesOfStored([stored])?.[0];
      const bytes = typeof base64 === "string" ? fromBase64(base64) : null;
      if (!range || !bytes || !Number.isSafeInteger(blockRows) || (blockRows as number) < 1)
        return null;
      const count = range.columnCount * Math.ceil(range.rowCount / (blockRows as number));
      if (bytes.length !== count * 4) return null;
      const hashes = new Uint32Array(count);
      new Uint8Array(hashes.buffer).set(bytes);
      fingerprints.push({ range, blockRows: blockRows as number, hashes });
    }
    return fingerprints;
  } catch {
    return null;
  }
}
