import { type Message, phrase } from "../messages/catalogue";
import {
  CurrentRun,
  IdTable,
  MAX_SNAPSHOT_TIERS,
  MEASURES,
  Measure,
  RunHead,
  SlotRun,
  pack,
  readIds,
  readRun,
  runCustomers,
  runMeasures,
  unpack,
  writeIds,
  writeRun,
} from "./snapshot";

/**
 * The kept runs of one segmentation, as store values under one prefix:
 *
 *   <prefix>.runs      the head: JSON with the number of ids in each block and, per run, its date, tier names,
 *                      measures, the slots it covers and what shaped it;
 *   <prefix>.ids.<k>   block k of the id table (ids front-coded, deflated, base64), appended when new customers
 *                      appear;
 *   <prefix>.run.<n>   one run over the slots of its time (tiers in 4 bits, measures quantised; deflated, base64).
 *
 * A new run adds one run value (and an id block when it brings new customers) and rewrites the small head: the runs
 * kept before it are not read, decoded or written again. When most of the id table belongs to runs no longer kept,
 * the history is rewritten compactly.
 */
const HISTORY_FORMAT = "cva.runs";
const HISTORY_VERSION = 2;
/** The history of the first version, one value holding every run (read to migrate it, never written). */
const LEGACY_FORMAT = "cva.segmentation.snapshots";

/** A kept run: its head, where it is stored (n), or the run itself while it is not stored yet. */
export interface KeptRun extends RunHead {
  /** Stored as <prefix>.run.<n>; undefined until saved. */
  n?: number;
  /** Slots the run covers (the id table's size when it was taken). */
  slots: number;
  customers: number;
  /** What shaped the run (the method's stored settings), to tell runs made differently apart. */
  basis?: string;
  run?: SlotRun;
}

/** The history as the pane holds it between runs: the id table, the kept runs, and the newest run decoded. */
export interface RunHistory {
  table: IdTable;
  /** Ids in each stored block, in slot order; the table's ids after them are not stored yet. */
  blocks: number[];
  /** Oldest first. */
  runs: KeptRun[];
  /** The newest run, for comparison. */
  latest: SlotRun | null;
  /** Store values to delete on the next save: an older layout's, or a damaged history's. */
  stale: string[];
}

export function emptyHistory(): RunHistory {
  return { table: new IdTable(), blocks: [], runs: [], latest: null, stale: [] };
}

const headKey = (prefix: string) => `${prefix}.runs`;
const idsKey = (prefix: string, block: number) => `${prefix}.ids.${block}`;
const runKey = (prefix: string, n: number) => `${prefix}.run.${n}`;

export type ReadHistory = { history: RunHistory; problem: Message | null };

/** Why a stored history cannot be read; anything a decoder throws is damaged data. */
class UnusableHistory extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

/**
 * The history under a prefix (or, when there is none, the first version's single value under `legacyKey`, to be
 * migrated on the next save). Never throws: a history that cannot be read gives a message, and monitoring starts
 * again from the next run rather than comparing against garbage.
 */
export function readHistory(
  entries: ReadonlyMap<string, string>,
  prefix: string,
  legacyKey?: string
): ReadHistory {
  const own = [...entries.keys()].filter((key) => key.startsWith(`${prefix}.`));
  const fail = (reason: Message): ReadHistory => ({
    history: { ...emptyHistory(), stale: [...own, ...(legacyKey ? [legacyKey] : [])] },
    problem: phrase("store.historyUnusable", { reason }),
  });
  try {
    const headText = entries.get(headKey(prefix));
    if (headText === undefined) {
      const legacy = legacyKey === undefined ? undefined : entries.get(legacyKey);
      if (legacy === undefined) return { history: emptyHistory(), problem: null };
      return { history: legacyHistory(legacy, legacyKey as string), problem: null };
    }
    const head = parseHead(headText);
    const ids: string[] = [];
    head.ids.forEach((count, block) => {
      const text = entries.get(idsKey(prefix, block));
      if (text === undefined) throw new UnusableHistory(phrase("store.reasonData"));
      ids.push(...unpack(text, (reader) => readIds(reader, count)));
    });
    const newest = head.runs.at(-1);
    let latest: SlotRun | null = null;
    if (newest) {
      const text = entries.get(runKey(prefix, newest.n as number));
      if (newest.slots > ids.length || text === undefined)
        throw new UnusableHistory(phrase("store.reasonData"));
      latest = unpack(text, (reader) => readRun(reader, newest, newest.slots));
    }
    return {
      history: { table: new IdTable(ids), blocks: head.ids, runs: head.runs, latest, stale: [] },
      problem: null,
    };
  } catch (error) {
    return fail(error instanceof UnusableHistory ? error.reason : phrase("store.reasonData"));
  }
}

/** The head's JSON checked field by field; throws UnusableHistory saying why it cannot be used. */
function parseHead(text: string): { ids: number[]; runs: KeptRun[] } {
  const head = parseJson(text) as {
    format?: unknown;
    version?: unknown;
    ids?: unknown;
    runs?: unknown;
  };
  checkFormat(head, HISTORY_FORMAT, HISTORY_VERSION);
  const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  if (!Array.isArray(head.ids) || !head.ids.every(count) || !Array.isArray(head.runs))
    throw new UnusableHistory(phrase("store.reasonHeader"));
  const runs: KeptRun[] = [];
  for (const stored of head.runs as Partial<KeptRun>[]) {
    const { n, savedAt, labels, measures, slots, customers, basis } = stored ?? {};
    if (
      !count(n) ||
      !count(slots) ||
      !count(customers) ||
      typeof savedAt !== "string" ||
      !Array.isArray(labels) ||
      !labels.every((label) => typeof label === "string") ||
      labels.length > MAX_SNAPSHOT_TIERS ||
      !Array.isArray(measures) ||
      !measures.every((measure) => MEASURES.includes(measure)) ||
      (basis !== undefined && typeof basis !== "string")
    )
      throw new UnusableHistory(phrase("store.reasonHeader"));
    runs.push({
      n,
      savedAt,
      labels,
      measures,
      slots: slots as number,
      customers: customers as number,
      basis,
    });
  }
  return { ids: head.ids as number[], runs };
}

/**
 * The first version's history: a JSON head and one blob holding the sorted ids and, per run, its tiers and measures
 * over all of them, which is an id table and runs over all its slots. Nothing of it is stored in the new layout
 * yet: the next save writes it and deletes the old value.
 */
function legacyHistory(text: string, key: string): RunHistory {
  const head = parseJson(text) as {
    format?: unknown;
    version?: unknown;
    customers?: unknown;
    runs?: unknown;
    data?: unknown;
  };
  checkFormat(head, LEGACY_FORMAT, 1);
  const count = head.customers as number;
  if (!Number.isSafeInteger(count) || count < 0 || !Array.isArray(head.runs))
    throw new UnusableHistory(phrase("store.reasonHeader"));
  if (typeof head.data !== "string") throw new UnusableHistory(phrase("store.reasonData"));
  const heads = (head.runs as Partial<RunHead>[]).map((run) => {
    const { savedAt, labels, measures } = run ?? {};
    if (
      typeof savedAt !== "string" ||
      !Array.isArray(labels) ||
      !labels.every((label) => typeof label === "string") ||
      !Array.isArray(measures) ||
      !measures.every((measure: Measure) => MEASURES.includes(measure))
    )
      throw new UnusableHistory(phrase("store.reasonHeader"));
    return { savedAt, labels, measures } as RunHead;
  });
  const { ids, runs } = unpack(head.data, (reader) => {
    const ids = readIds(reader, count);
    return { ids, runs: heads.map((run) => readRun(reader, run, count)) };
  });
  return {
    table: new IdTable(ids),
    blocks: [],
    runs: runs.map((run) => ({
      savedAt: run.savedAt,
      labels: run.labels,
      measures: runMeasures(run),
      slots: count,
      customers: runCustomers(run),
      run,
    })),
    latest: runs.at(-1) ?? null,
    stale: [key],
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UnusableHistory(phrase("store.reasonData"));
  }
}

/** Throws UnusableHistory unless the value is this add-in's format in this version. */
function checkFormat(
  head: { format?: unknown; version?: unknown },
  format: string,
  version: number
) {
  if (head?.format !== format) throw new UnusableHistory(phrase("store.reasonForeign"));
  if (head.version !== version)
    throw new UnusableHistory(
      phrase("store.reasonVersion", { version: JSON.stringify(head.version) ?? "" })
    );
}

/** The history after a save, and the store values that save sets (text) or deletes (null). */
export interface HistorySave {
  history: RunHistory;
  changes: Record<string, string | null>;
}

/** The id table is rewritten when it holds more than this many ids per id of the largest kept run. */
const COMPACT_RATIO = 2;
const COMPACT_MIN_IDS = 10_000;

/**
 * Keeps a run: the newest `keep` runs stay (the current one included). Writes the current run and the ids it brought,
 * and the head; deletes the runs no longer kept. Runs of another layout, or not stored yet, are written now. When the
 * id table has grown to more than twice the largest kept run (customers gone for good), every kept run is decoded
 * from `entries` and the history rewritten over the live ids only.
 */
export function planHistorySave(
  entries: ReadonlyMap<string, string>,
  prefix: string,
  history: RunHistory,
  current: CurrentRun,
  keep: number,
  basis?: string
): HistorySave {
  const run: KeptRun = {
    savedAt: current.run.savedAt,
    labels: current.run.labels,
    measures: runMeasures(current.run),
    slots: current.run.tiers.length,
    customers: current.slots.length,
    basis,
    run: current.run,
  };
  const all = [...history.runs, run];
  const kept = all.slice(-Math.max(1, keep));
  const changes: Record<string, string | null> = {};
  for (const key of history.stale) changes[key] = null;
  for (const dropped of all.slice(0, all.length - kept.length))
    if (dropped.n !== undefined) changes[runKey(prefix, dropped.n)] = null;

  const largest = Math.max(...kept.map((k) => k.customers));
  if (history.table.size > COMPACT_MIN_IDS && history.table.size > COMPACT_RATIO * largest)
    return compacted(entries, prefix, history, kept, changes);

  let next = Math.max(-1, ...history.runs.map((k) => k.n ?? -1)) + 1;
  const blocks = [...history.blocks];
  const storedIds = blocks.reduce((sum, count) => sum + count, 0);
  if (history.table.size > storedIds) {
    const added = history.table.ids.slice(storedIds);
    changes[idsKey(prefix, blocks.length)] = pack((writer) => writeIds(writer, added));
    blocks.push(added.length);
  }
  const runs = kept.map((k) => {
    if (k.n !== undefined) return k;
    const n = next++;
    changes[runKey(prefix, n)] = pack((writer) => writeRun(writer, k.run as SlotRun, k.slots));
    return { ...k, n, run: undefined };
  });
  changes[headKey(prefix)] = headText(blocks, runs);
  return {
    history: { table: history.table, blocks, runs, latest: current.run, stale: [] },
    changes,
  };
}

/** Rewrites the kept runs over a new id table of only their customers, sorted. */
function compacted(
  entries: ReadonlyMap<string, string>,
  prefix: string,
  history: RunHistory,
  kept: KeptRun[],
  changes: Record<string, string | null>
): HistorySave {
  const runs = kept.map(
    (k) =>
      k.run ??
      unpack(entries.get(runKey(prefix, k.n as number)) as string, (reader) =>
        readRun(reader, k, k.slots)
      )
  );
  const live = new Uint8Array(history.table.size);
  for (const run of runs)
    for (let slot = 0; slot < run.tiers.length; slot++) if (run.tiers[slot]) live[slot] = 1;
  const oldSlots = [...live.keys()].filter((slot) => live[slot]);
  oldSlots.sort((a, b) => (history.table.ids[a] < history.table.ids[b] ? -1 : 1));
  const table = new IdTable(oldSlots.map((slot) => history.table.ids[slot]));
  const remapped = runs.map((run) => {
    const moved: SlotRun = {
      savedAt: run.savedAt,
      labels: run.labels,
      tiers: new Uint8Array(table.size),
    };
    for (const measure of runMeasures(run)) moved[measure] = new Float64Array(table.size).fill(NaN);
    oldSlots.forEach((old, slot) => {
      if (old >= run.tiers.length) return;
      moved.tiers[slot] = run.tiers[old];
      for (const measure of runMeasures(run))
        (moved[measure] as Float64Array)[slot] = (run[measure] as Float64Array)[old];
    });
    return moved;
  });
  for (const key of entries.keys())
    if (key.startsWith(`${prefix}.ids.`) || key.startsWith(`${prefix}.run.`)) changes[key] = null;
  changes[idsKey(prefix, 0)] = pack((writer) => writeIds(writer, table.ids));
  const stored = kept.map((k, i) => {
    changes[runKey(prefix, i)] = pack((writer) => writeRun(writer, remapped[i], table.size));
    return { ...k, n: i, slots: table.size, run: undefined };
  });
  changes[headKey(prefix)] = headText([table.size], stored);
  return {
    history: {
      table,
      blocks: [table.size],
      runs: stored,
      latest: remapped.at(-1) ?? null,
      stale: [],
    },
    changes,
  };
}

function headText(blocks: number[], runs: KeptRun[]): string {
  return JSON.stringify({
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    ids: blocks,
    runs: runs.map(({ n, savedAt, labels, measures, slots, customers, basis }) => ({
      n,
      savedAt,
      labels,
      measures,
      slots,
      customers,
      ...(basis === undefined ? {} : { basis }),
    })),
  });
}
