import type { CellValue } from "../cells";
import { deflateSync, inflateSync } from "fflate";
import type { SegmentationResult } from "../segmentation/segmentCustomers";
import { ByteReader, ByteWriter, fromBase64, toBase64 } from "./bytes";

/** Runs kept unless the configuration says otherwise: a year of monthly runs. */
export const DEFAULT_KEPT_RUNS = 12;
/** Tiers are stored in 4 bits, 0 meaning "not in this run". */
export const MAX_SNAPSHOT_TIERS = 15;

export type Measure = "score" | "pAlive" | "clv";
export const MEASURES: readonly Measure[] = ["score", "pAlive", "clv"];
/** Where a result keeps each measure monitoring watches: an index into its columns. */
export type MeasureColumns = Partial<Record<Measure, number>>;

/** A customer id as snapshots key it: a number id 7 and a text id "7" are the same customer. */
export function customerKey(id: CellValue): string | null {
  if (id === null || id === undefined || id === "") return null;
  return typeof id === "string" ? id : String(id);
}

/**
 * Every customer id of the kept runs, each once, at its slot. Runs are arrays over the slots, so comparing two runs
 * or storing one never looks an id up again; the table only grows (new customers are appended), and is kept between
 * runs so a run of a million customers costs a million slot look-ups, not a sort.
 */
export class IdTable {
  readonly ids: string[];
  private slots: Map<string, number> | null = null;
  /**
   * The ids of the last run placed, by data row, with their slots: a re-run of the same rows compares each row's id
   * with the one it had (a string comparison) instead of looking it up, which is most of a run's cost on a million.
   */
  private lastRows: { keys: (string | null)[]; slots: Int32Array } | null = null;

  constructor(ids: string[] = []) {
    this.ids = ids;
  }

  private index(): Map<string, number> {
    if (!this.slots) this.slots = new Map(this.ids.map((id, slot) => [id, slot]));
    return this.slots;
  }

  slotOf(id: string): number | undefined {
    return this.index().get(id);
  }

  /** Appends ids not in the table yet, in the order given; returns the first new slot. */
  append(ids: readonly string[]): number {
    const index = this.index();
    const first = this.ids.length;
    for (const id of ids) {
      index.set(id, this.ids.length);
      this.ids.push(id);
    }
    return first;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The slot of the id on a data row, looked up only when the row held another id last time. */
  slotOfRow(row: number, key: string): number | undefined {
    const last = this.lastRows;
    if (last && last.keys[row] === key) return last.slots[row];
    return this.slotOf(key);
  }

  /** Remembers the rows' ids and slots for the next run's slotOfRow. */
  rememberRows(keys: (string | null)[], slots: Int32Array): void {
    this.lastRows = { keys, slots };
  }
}

/** One run, as change monitoring needs it: each customer's tier and the measures it watches, by slot. */
export interface SlotRun {
  /** ISO date-time of the run. */
  savedAt: string;
  /** Tier (or segment) names, best first. */
  labels: string[];
  /** Per slot: 0 when the customer is not in this run, j + 1 for tier j; slots past the end are not in it. */
  tiers: Uint8Array;
  /** 0–100 weighted score, kept to 0.01 (what the score method writes); NaN where a customer has none. */
  score?: Float64Array;
  /** P(alive), kept to 0.004 (half of that at worst): thresholds are tenths, not thousandths. */
  pAlive?: Float64Array;
  /** Predicted CLV, kept to ±0.042 % of its amount (a logarithmic code): thresholds are relative. */
  clv?: Float64Array;
}

/** This run on the id table, with where each of its customers is on the sheet. */
export interface CurrentRun {
  run: SlotRun;
  /** Per customer of this run, in sheet order (the first row of each id): its slot. */
  slots: Uint32Array;
  /** Per customer of this run: its data row (0-based, header excluded), to write per-row results. */
  rows: Uint32Array;
}

/**
 * Places a segmentation on the id table: every data row that got a tier and has an id, the first row of an id only.
 * Ids new to the table are appended in sorted order (so they are stored front-coded). The measures are result
 * columns by index (the score of the score method; P(alive) and predicted CLV of a predictive run).
 */
export function placeRun(
  table: IdTable,
  result: SegmentationResult,
  ids: readonly CellValue[],
  savedAt: string,
  measures: MeasureColumns = {}
): CurrentRun {
  const labels = result.tiers.map((tier) => tier.label);
  if (labels.length > MAX_SNAPSHOT_TIERS)
    throw new RangeError(`Snapshots keep up to ${MAX_SNAPSHOT_TIERS} tiers.`);
  const tierOf = new Map<unknown, number>(labels.map((label, j) => [label, j + 1]));
  const tierColumn = result.columns[result.tierColumn].values;
  const n = tierColumn.length;
  // Slot per data row: −1 for rows not in the run, −2 for ids new to the table (given slots once sorted).
  const keys = new Array<string | null>(n).fill(null);
  const slotOfRow = new Int32Array(n).fill(-1);
  const fresh = new Set<string>();
  for (let row = 0; row < n; row++) {
    if (!tierOf.has(tierColumn[row])) continue;
    const key = customerKey(ids[row] ?? null);
    if (key === null) continue;
    keys[row] = key;
    const slot = table.slotOfRow(row, key);
    if (slot !== undefined) slotOfRow[row] = slot;
    else {
      slotOfRow[row] = -2;
      fresh.add(key);
    }
  }
  if (fresh.size > 0) table.append([...fresh].sort());

  const tiers = new Uint8Array(table.size);
  const slots = new Uint32Array(n);
  const rows = new Uint32Array(n);
  let count = 0;
  for (let row = 0; row < n; row++) {
    let slot = slotOfRow[row];
    if (slot === -1) continue;
    if (slot === -2) slotOfRow[row] = slot = table.slotOf(keys[row] as string) as number;
    if (tiers[slot] !== 0) continue;
    tiers[slot] = tierOf.get(tierColumn[row]) as number;
    slots[count] = slot;
    rows[count++] = row;
  }
  table.rememberRows(keys, slotOfRow);
  const run: SlotRun = { savedAt, labels, tiers };
  for (const measure of MEASURES) {
    const index = measures[measure];
    if (index === undefined) continue;
    const values = result.columns[index].values;
    const bySlot = new Float64Array(table.size).fill(NaN);
    for (let k = 0; k < count; k++) {
      const value = values[rows[k]];
      if (typeof value === "number") bySlot[slots[k]] = value;
    }
    run[measure] = bySlot;
  }
  return { run, slots: slots.slice(0, count), rows: rows.slice(0, count) };
}

/** Customers in a run. */
export function runCustomers(run: SlotRun): number {
  let count = 0;
  for (let slot = 0; slot < run.tiers.length; slot++) if (run.tiers[slot] !== 0) count++;
  return count;
}

const MISSING_U16 = 0xffff;
const MISSING_U8 = 0xff;
const ALIVE_STEPS = 250;
/**
 * CLV code step: log1p(|clv|) in 32,766 steps up to a trillion, each 0.084 % of the amount, so a stored CLV is within
 * 0.042 % of the true one.
 */
const CLV_STEP = Math.log1p(1e12) / 32_766;

/** How each measure becomes bytes: its width and its code. */
const CODECS: Record<
  Measure,
  { bytes: 1 | 2; encode: (value: number) => number; decode: (code: number) => number }
> = {
  score: {
    bytes: 2,
    encode: (value) =>
      Number.isFinite(value)
        ? Math.min(MISSING_U16 - 1, Math.max(0, Math.round(value * 100)))
        : MISSING_U16,
    decode: (code) => (code === MISSING_U16 ? NaN : code / 100),
  },
  pAlive: {
    bytes: 1,
    encode: (value) =>
      Number.isFinite(value)
        ? Math.min(ALIVE_STEPS, Math.max(0, Math.round(value * ALIVE_STEPS)))
        : MISSING_U8,
    decode: (code) => (code === MISSING_U8 ? NaN : code / ALIVE_STEPS),
  },
  clv: {
    bytes: 2,
    // Sign in the top bit, then the step count of log1p(|clv|); 0xFFFF (negative, top step) means none.
    encode: (value) => {
      if (!Number.isFinite(value)) return MISSING_U16;
      const steps = Math.min(32_766, Math.round(Math.log1p(Math.abs(value)) / CLV_STEP));
      return value < 0 && steps > 0 ? 0x8000 | steps : steps;
    },
    decode: (code) => {
      if (code === MISSING_U16) return NaN;
      const amount = Math.expm1((code & 0x7fff) * CLV_STEP);
      return code & 0x8000 ? -amount : amount;
    },
  },
};

/**
 * Ids front-coded: varint shared-prefix bytes, varint suffix length, suffix UTF-8, each against the id before. Sorted
 * ids, as placeRun appends them, take about one byte each once deflated.
 */
export function writeIds(writer: ByteWriter, ids: readonly string[]): void {
  const utf8 = new TextEncoder();
  let previous = new Uint8Array(0);
  for (const id of ids) {
    const bytes = utf8.encode(id);
    let shared = 0;
    while (shared < bytes.length && shared < previous.length && bytes[shared] === previous[shared])
      shared++;
    writer.varint(shared);
    writer.varint(bytes.length - shared);
    writer.write(bytes.subarray(shared));
    previous = bytes;
  }
}

export function readIds(reader: ByteReader, count: number): string[] {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const ids: string[] = [];
  let previous = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const shared = reader.varint();
    const suffix = reader.read(reader.varint());
    if (shared > previous.length) throw new RangeError("an id refers past the previous one");
    const bytes = new Uint8Array(shared + suffix.length);
    bytes.set(previous.subarray(0, shared));
    bytes.set(suffix, shared);
    ids.push(utf8.decode(bytes));
    previous = bytes;
  }
  return ids;
}

/** The measures a run carries, in stored order. */
export function runMeasures(run: SlotRun): Measure[] {
  return MEASURES.filter((measure) => run[measure] !== undefined);
}

/**
 * A run over its first `slots` slots: tiers in 4 bits per slot (0 = not in the run, j + 1 = tier j), then each
 * measure's codes (score: 0.01 in 16 bits; P(alive): 1/250 in 8 bits; CLV: sign + log step in 16 bits), low byte
 * first.
 */
export function writeRun(writer: ByteWriter, run: SlotRun, slots: number): void {
  const nibbles = new Uint8Array(Math.ceil(slots / 2));
  const end = Math.min(slots, run.tiers.length);
  for (let slot = 0; slot < end; slot++) nibbles[slot >> 1] |= run.tiers[slot] << ((slot & 1) * 4);
  writer.write(nibbles);
  for (const measure of runMeasures(run)) {
    const { bytes, encode } = CODECS[measure];
    const values = run[measure] as Float64Array;
    const codes = new Uint8Array(slots * bytes).fill(0xff);
    for (let slot = 0; slot < end; slot++) {
      if (run.tiers[slot] === 0) continue;
      const code = encode(values[slot]);
      if (bytes === 1) codes[slot] = code;
      else {
        codes[2 * slot] = code & 255;
        codes[2 * slot + 1] = code >> 8;
      }
    }
    writer.write(codes);
  }
}

/** What a stored run's head says of it. */
export interface RunHead {
  savedAt: string;
  labels: string[];
  measures: Measure[];
}

export function readRun(reader: ByteReader, head: RunHead, slots: number): SlotRun {
  if (head.labels.length > MAX_SNAPSHOT_TIERS) throw new RangeError("a run has too many tiers");
  const nibbles = reader.read(Math.ceil(slots / 2));
  const tiers = new Uint8Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const code = (nibbles[slot >> 1] >> ((slot & 1) * 4)) & 15;
    if (code > head.labels.length) throw new RangeError("a tier has no name");
    tiers[slot] = code;
  }
  const run: SlotRun = { savedAt: head.savedAt, labels: [...head.labels], tiers };
  for (const measure of head.measures) {
    const { bytes, decode } = CODECS[measure];
    const raw = reader.read(slots * bytes);
    const values = new Float64Array(slots).fill(NaN);
    for (let slot = 0; slot < slots; slot++)
      if (tiers[slot] !== 0)
        values[slot] = decode(bytes === 1 ? raw[slot] : raw[2 * slot] | (raw[2 * slot + 1] << 8));
    run[measure] = values;
  }
  return run;
}

/** Bytes written by `write`, deflated (RFC 1951, fflate) and in base64, to sit in the store's text cells. */
export function pack(write: (writer: ByteWriter) => void): string {
  const writer = new ByteWriter();
  write(writer);
  return toBase64(deflateSync(writer.result(), { level: 6 }));
}

/** Reads what pack wrote; throws RangeError when the text is damaged or longer than `read` takes. */
export function unpack<T>(text: string, read: (reader: ByteReader) => T): T {
  const packed = fromBase64(text);
  if (!packed) throw new RangeError("its data is not base64");
  const reader = new ByteReader(inflateSync(packed));
  const value = read(reader);
  if (!reader.done) throw new RangeError("its data is longer than its header says");
  return value;
}
