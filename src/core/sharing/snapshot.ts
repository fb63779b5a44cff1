import type { CellValue } from "../cells";
import { deflateSync, inflateSync } from "fflate";
import type { SegmentationResult } from "../segmentation/segmentCustomers";
import { ByteReader, ByteWriter, fromBase64, toBase64 } from "./bytes";

/** The store key of the kept runs (see workbookStore.ts). */
export const SNAPSHOTS_KEY = "cva.segmentation.snapshots";
const SNAPSHOTS_FORMAT = "cva.segmentation.snapshots";
const SNAPSHOTS_VERSION = 1;
/** Runs kept unless the configuration says otherwise: a year of monthly runs. */
export const DEFAULT_KEPT_RUNS = 12;
/** Tiers are stored in 4 bits, 0 meaning "not in this run". */
export const MAX_SNAPSHOT_TIERS = 15;

/** One run, as change monitoring needs it: which tier each customer was in, and the measures it watches. */
export interface RunSnapshot {
  /** ISO date-time of the run. */
  savedAt: string;
  /** Tier (or segment) names, best first. */
  labels: string[];
  /** Customer ids as text; a number id 7 and a text id "7" are the same customer here. */
  customers: string[];
  /** Index into labels, per customer. */
  tiers: Uint8Array;
  /** 0–100 weighted score, kept to 0.01 (what the score method writes); NaN where a customer has none. */
  score?: Float64Array;
  /** P(alive), kept to 0.004 (half of that at worst): thresholds are tenths, not thousandths. */
  pAlive?: Float64Array;
  /** Predicted CLV, kept to ±0.042 % of its amount (a logarithmic code): thresholds are relative. */
  clv?: Float64Array;
}

type Measure = "score" | "pAlive" | "clv";
/** Where a result keeps each measure monitoring watches: an index into its columns. */
export type MeasureColumns = Partial<Record<Measure, number>>;
const MEASURES: readonly Measure[] = ["score", "pAlive", "clv"];

/** A customer id as snapshots key it. */
export function customerKey(id: CellValue): string | null {
  if (id === null || id === "") return null;
  return String(id);
}

export interface CurrentRun {
  snapshot: RunSnapshot;
  /** Data row (0-based, header excluded) of each snapshot customer, to write per-row results like the Change column. */
  rows: Uint32Array;
}

/**
 * The snapshot of a segmentation: every data row that got a tier and has an id, first row of an id only. The
 * measures are result columns by index (the score column of the score method; P(alive) and predicted CLV of a
 * predictive run).
 */
export function snapshotFromResult(
  result: SegmentationResult,
  ids: readonly CellValue[],
  savedAt: string,
  measures: MeasureColumns = {}
): CurrentRun {
  const labels = result.tiers.map((tier) => tier.label);
  const tierOf = new Map(labels.map((label, j) => [label, j]));
  const tierColumn = result.columns[result.tierColumn].values;
  const seen = new Set<string>();
  const customers: string[] = [];
  const rows: number[] = [];
  const tiers: number[] = [];
  for (let row = 0; row < tierColumn.length; row++) {
    const tier = tierOf.get(tierColumn[row] as string);
    const key = customerKey(ids[row] ?? null);
    if (tier === undefined || key === null || seen.has(key)) continue;
    seen.add(key);
    customers.push(key);
    rows.push(row);
    tiers.push(tier);
  }
  const snapshot: RunSnapshot = {
    savedAt,
    labels,
    customers,
    tiers: Uint8Array.from(tiers),
  };
  for (const measure of MEASURES) {
    const index = measures[measure];
    if (index === undefined) continue;
    const values = result.columns[index].values;
    snapshot[measure] = Float64Array.from(rows, (row) =>
      typeof values[row] === "number" ? (values[row] as number) : NaN
    );
  }
  return { snapshot, rows: Uint32Array.from(rows) };
}

/** The runs kept after adding one: the newest `keep`, oldest first. */
export function appendRun(
  history: readonly RunSnapshot[],
  run: RunSnapshot,
  keep = DEFAULT_KEPT_RUNS
): RunSnapshot[] {
  return [...history, run].slice(-Math.max(1, keep));
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

interface StoredRun {
  savedAt: string;
  labels: string[];
  measures: Measure[];
}

/**
 * The kept runs as text for the store: a small JSON head (dates, tier names, which measures) and one base64 blob,
 * the DEFLATE (RFC 1951, fflate) of:
 *
 *   ids:  every customer of any kept run, sorted, front-coded (varint shared-prefix bytes, varint suffix length,
 *         suffix UTF-8), so the ids are stored once however many runs there are;
 *   then per run, aligned with the ids: tiers in 4 bits (0 = not in the run, j + 1 = tier j), then each measure
 *         (score: 0.01 in 16 bits; P(alive): 1/250 in 8 bits; CLV: sign + log step in 16 bits).
 *
 * Deflate takes sorted ids to about 1 byte each and the tier nibbles to well under their 4 bits.
 */
export function encodeSnapshots(runs: readonly RunSnapshot[]): string {
  const ids = [...new Set(runs.flatMap((run) => run.customers))].sort();
  const position = new Map(ids.map((id, i) => [id, i]));
  const writer = new ByteWriter();
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
  const head: StoredRun[] = [];
  for (const run of runs) {
    if (run.labels.length > MAX_SNAPSHOT_TIERS)
      throw new RangeError(`Snapshots keep up to ${MAX_SNAPSHOT_TIERS} tiers.`);
    const slots = run.customers.map((id) => position.get(id) as number);
    const tiers = new Uint8Array(Math.ceil(ids.length / 2));
    slots.forEach((slot, k) => {
      tiers[slot >> 1] |= (run.tiers[k] + 1) << ((slot & 1) * 4);
    });
    writer.write(tiers);
    const measures = MEASURES.filter((measure) => run[measure] !== undefined);
    for (const measure of measures) {
      const { bytes, encode } = CODECS[measure];
      const codes = bytes === 1 ? new Uint8Array(ids.length) : new Uint16Array(ids.length);
      codes.fill(bytes === 1 ? MISSING_U8 : MISSING_U16);
      const values = run[measure] as Float64Array;
      slots.forEach((slot, k) => {
        codes[slot] = encode(values[k]);
      });
      writer.write(littleEndian(codes));
    }
    head.push({ savedAt: run.savedAt, labels: run.labels, measures });
  }
  return JSON.stringify({
    format: SNAPSHOTS_FORMAT,
    version: SNAPSHOTS_VERSION,
    customers: ids.length,
    runs: head,
    data: toBase64(deflateSync(writer.result(), { level: 6 })),
  });
}

export type DecodedSnapshots = { ok: true; runs: RunSnapshot[] } | { ok: false; message: string };

/**
 * Reads encodeSnapshots back, oldest run first. Never throws: damaged, foreign or newer data gives a message, and
 * the pane then starts a new history rather than comparing against garbage.
 */
export function decodeSnapshots(text: string): DecodedSnapshots {
  const fail = (reason: string): DecodedSnapshots => ({
    ok: false,
    message: `The stored run history cannot be used (${reason}); monitoring starts again from this run.`,
  });
  try {
    const head = JSON.parse(text) as {
      format?: unknown;
      version?: unknown;
      customers?: unknown;
      runs?: unknown;
      data?: unknown;
    };
    if (head?.format !== SNAPSHOTS_FORMAT) return fail("it was not written by this add-in");
    if (head.version !== SNAPSHOTS_VERSION)
      return fail(`format version ${JSON.stringify(head.version)}`);
    const count = head.customers;
    if (!Number.isSafeInteger(count) || (count as number) < 0 || !Array.isArray(head.runs))
      return fail("its header is damaged");
    if (typeof head.data !== "string") return fail("its data is missing");
    const packed = fromBase64(head.data);
    if (!packed) return fail("its data is not base64");
    const reader = new ByteReader(inflateSync(packed));
    const ids = readIds(reader, count as number);
    const runs = (head.runs as unknown[]).map((stored) => readRun(reader, ids, stored));
    if (!reader.done) return fail("its data is longer than its header says");
    return { ok: true, runs };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function readIds(reader: ByteReader, count: number): string[] {
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

function readRun(reader: ByteReader, ids: readonly string[], stored: unknown): RunSnapshot {
  const { savedAt, labels, measures } = (stored ?? {}) as Partial<StoredRun>;
  if (
    typeof savedAt !== "string" ||
    !Array.isArray(labels) ||
    !labels.every((label) => typeof label === "string") ||
    labels.length > MAX_SNAPSHOT_TIERS ||
    !Array.isArray(measures) ||
    !measures.every((measure) => MEASURES.includes(measure))
  )
    throw new RangeError("a run's header is damaged");
  const nibbles = reader.read(Math.ceil(ids.length / 2));
  const customers: string[] = [];
  const slots: number[] = [];
  const tiers: number[] = [];
  for (let slot = 0; slot < ids.length; slot++) {
    const code = (nibbles[slot >> 1] >> ((slot & 1) * 4)) & 15;
    if (code === 0) continue;
    if (code > labels.length) throw new RangeError("a tier has no name");
    customers.push(ids[slot]);
    slots.push(slot);
    tiers.push(code - 1);
  }
  const run: RunSnapshot = { savedAt, labels, customers, tiers: Uint8Array.from(tiers) };
  for (const measure of measures) {
    const { bytes, decode } = CODECS[measure];
    const raw = reader.read(ids.length * bytes);
    run[measure] = Float64Array.from(slots, (slot) =>
      decode(bytes === 1 ? raw[slot] : raw[2 * slot] | (raw[2 * slot + 1] << 8))
    );
  }
  return run;
}

/** The bytes of 8- or 16-bit codes, low byte first whatever the machine's order. */
function littleEndian(codes: Uint8Array | Uint16Array): Uint8Array {
  if (codes instanceof Uint8Array) return codes;
  const bytes = new Uint8Array(codes.length * 2);
  for (let i = 0; i < codes.length; i++) {
    bytes[2 * i] = codes[i] & 255;
    bytes[2 * i + 1] = codes[i] >> 8;
  }
  return bytes;
}
