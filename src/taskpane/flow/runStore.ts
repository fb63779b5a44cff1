import { type Message, phrase } from "../../core/messages/catalogue";
import { rangesOfStored, storedRanges } from "../../core/segmentation/ownership";
import { RunHistory, emptyHistory, readHistory } from "../../core/sharing/runHistory";
import { configRange } from "../../core/sharing/config";
import { sameSheet } from "../../core/workbook/rectangles";
import type { SheetRange, WorkbookPort } from "../../core/workbook/workbookPort";
import type { StoreSession } from "./storeSession";
import { SegmentationConfig, StoredConfig, checkConfig, parseConfig } from "./storedConfig";

/**
 * Everything the pane keeps of its analyses, in the workbook's store (the very hidden sheet; see
 * core/sharing/workbookStore.ts), so it travels with the file and with the workbench's export:
 *
 *   cva.analyses                the index: per analysis its id, configuration (data, method, settings,
 *                               monitoring), and output (the ranges it owns, the summary and report sheets
 *                               it wrote);
 *   cva.analysis.<id>.runs, …   its kept runs (core/sharing/runHistory.ts).
 *
 * The document settings keep only Office's auto-open tag. Workbooks of the first version kept the owned ranges and
 * the summary sheet's name in settings and one configuration and run history in the store: they are read as one
 * analysis, and moved into this layout (the settings deleted) the next time the pane writes.
 */
export const ANALYSES_KEY = "cva.analyses";
const ANALYSES_FORMAT = "cva.analyses";
const ANALYSES_VERSION = 1;

const LEGACY_CONFIG_KEY = "cva.segmentation.config";
const LEGACY_SNAPSHOTS_KEY = "cva.segmentation.snapshots";
/** The settings of the first version: owned ranges ({"v":1,"ranges":[…]}) and the summary sheet's name. */
export const LEGACY_SETTINGS = {
  owned: "cva.segmentation.owned",
  summarySheet: "cva.segmentation.summarySheet",
} as const;

/** What an analysis wrote: the ranges it owns and the sheets it writes on each run. */
export interface AnalysisOutput {
  owned: SheetRange[];
  /** The Segment summary sheet it wrote, or null. */
  summarySheet: string | null;
  /** The sheet its transactions are summarised on (their customer summary), or null for a customer table. */
  customerSheet: string | null;
  /** The method's report sheet it wrote (the Cohorts sheet), if any. */
  reportSheet: string | null;
}

export interface StoredAnalysis {
  id: string;
  /** Its configuration, or why it cannot be used. */
  config: StoredConfig;
  /** The configuration as it was read, written back as it is while it cannot be used. */
  stored: unknown;
  output: AnalysisOutput;
  history: RunHistory;
}

/** What the workbook remembers, as the pane holds it. */
export interface StoredRuns {
  analyses: StoredAnalysis[];
  /** Why stored data was set aside (damaged parts, an unreadable history), for the pane to say. */
  problems: Message[];
  /** Settings of the first version still in the document, deleted with the next write. */
  legacySettings: string[];
}

export const NO_OUTPUT: AnalysisOutput = {
  owned: [],
  summarySheet: null,
  customerSheet: null,
  reportSheet: null,
};

/** An analysis opened in the pane: its data read with its settings; `run` segments it at once (Run again). */
export interface OpenedAnalysis {
  id: string;
  config: SegmentationConfig;
  run: boolean;
}

/** The store key of the fingerprints of what the analysis's last run wrote (apart from its history's keys). */
export function writtenKey(id: string): string {
  return `cva.written.${id}`;
}

export function historyPrefix(id: string): string {
  return `cva.analysis.${id}`;
}

/** What the workbook remembers, read when the pane opens. */
export async function loadStoredRuns(store: StoreSession): Promise<StoredRuns> {
  const { entries, damaged } = await store.read();
  const problems: Message[] = damaged.map((key) => phrase("store.incomplete", { key }));
  const legacy = await readLegacySettings(store.port);
  const index = entries.get(ANALYSES_KEY);
  const analyses: StoredAnalysis[] = [];
  if (index !== undefined) {
    const parsed = parseIndex(index);
    if (parsed === null) problems.push(phrase("store.analysesUnusable"));
    else
      for (const stored of parsed) {
        const { history, problem } = readHistory(entries, historyPrefix(stored.id));
        if (problem) problems.push(problem);
        analyses.push({ ...stored, history });
      }
  } else {
    const configText = entries.get(LEGACY_CONFIG_KEY);
    const { history, problem } = readHistory(entries, historyPrefix("a1"), LEGACY_SNAPSHOTS_KEY);
    if (problem) problems.push(problem);
    if (configText !== undefined) {
      const output = legacyOutput(legacy.values);
      if (output === null) problems.push(phrase("store.outputUnusable"));
      history.stale.push(LEGACY_CONFIG_KEY);
      const config = parseConfig(configText);
      analyses.push({
        id: "a1",
        config,
        stored: config.ok ? config.config : configText,
        output: output ?? NO_OUTPUT,
        history,
      });
    }
  }
  return { analyses, problems, legacySettings: legacy.keys };
}

/** The settings of the first version that are still in the document, and their values. */
async function readLegacySettings(
  port: WorkbookPort
): Promise<{ keys: string[]; values: Partial<Record<keyof typeof LEGACY_SETTINGS, string>> }> {
  const values: Partial<Record<keyof typeof LEGACY_SETTINGS, string>> = {};
  const keys: string[] = [];
  for (const [name, key] of Object.entries(LEGACY_SETTINGS) as [
    keyof typeof LEGACY_SETTINGS,
    string,
  ][]) {
    const value = await port.readSetting(key);
    if (value === null) continue;
    values[name] = value;
    keys.push(key);
  }
  return { keys, values };
}

/** The output the first version recorded in settings; null when its record cannot be read. */
function legacyOutput(
  values: Partial<Record<keyof typeof LEGACY_SETTINGS, string>>
): AnalysisOutput | null {
  let owned: SheetRange[] | null = [];
  if (values.owned !== undefined) {
    try {
      const record = JSON.parse(values.owned) as { v?: unknown; ranges?: unknown };
      owned = record?.v === 1 ? rangesOfStored(record.ranges) : null;
    } catch {
      owned = null;
    }
  }
  // The first version wrote a transaction table's summary at A1 of its own sheet, recorded among the owned ranges.
  const customerSheet =
    owned?.find((range) => range.row === 0 && range.column === 0)?.sheet ?? null;
  return owned === null
    ? null
    : { owned, summarySheet: values.summarySheet ?? null, customerSheet, reportSheet: null };
}

/** The index's analyses (without their histories), or null when it cannot be used. */
function parseIndex(text: string): Omit<StoredAnalysis, "history">[] | null {
  let index: { format?: unknown; version?: unknown; analyses?: unknown };
  try {
    index = JSON.parse(text);
  } catch {
    return null;
  }
  if (index?.format !== ANALYSES_FORMAT || index.version !== ANALYSES_VERSION) return null;
  if (!Array.isArray(index.analyses)) return null;
  const analyses: Omit<StoredAnalysis, "history">[] = [];
  for (const entry of index.analyses as {
    id?: unknown;
    config?: unknown;
    owned?: unknown;
    summarySheet?: unknown;
    customerSheet?: unknown;
    reportSheet?: unknown;
  }[]) {
    if (typeof entry?.id !== "string" || !/^[a-z0-9]{1,16}$/.test(entry.id)) return null;
    const owned = rangesOfStored(entry.owned);
    analyses.push({
      id: entry.id,
      config: checkConfig(entry.config),
      stored: entry.config,
      output: {
        owned: owned ?? [],
        summarySheet: typeof entry.summarySheet === "string" ? entry.summarySheet : null,
        customerSheet: typeof entry.customerSheet === "string" ? entry.customerSheet : null,
        reportSheet: typeof entry.reportSheet === "string" ? entry.reportSheet : null,
      },
    });
  }
  return analyses;
}

/** The index as stored text; a configuration that could not be read is kept as it was. */
export function indexText(analyses: readonly Omit<StoredAnalysis, "history">[]): string {
  return JSON.stringify({
    format: ANALYSES_FORMAT,
    version: ANALYSES_VERSION,
    analyses: analyses.map(({ id, config, stored, output }) => ({
      id,
      config: config.ok ? config.config : stored,
      owned: storedRanges(output.owned),
      summarySheet: output.summarySheet,
      customerSheet: output.customerSheet,
      reportSheet: output.reportSheet,
    })),
  });
}

/** An analysis with nothing stored yet. */
export function newAnalysis(id: string, config: SegmentationConfig): StoredAnalysis {
  return {
    id,
    config: { ok: true, config },
    stored: config,
    output: NO_OUTPUT,
    history: emptyHistory(),
  };
}

/**
 * The analysis a run updates: the one opened in the pane; else the one of the same data (same kind of table on the
 * same sheet, starting at the same cell, so a range that grew by some rows is the same analysis); else one whose
 * stored configuration cannot be read and whose output, if any, is on the same sheet; else a new one.
 */
export function analysisFor(
  stored: StoredRuns,
  config: SegmentationConfig,
  opened?: string
): StoredAnalysis {
  const byId = stored.analyses.find((analysis) => analysis.id === opened);
  if (byId) return byId;
  const start = configRange(config);
  const same = stored.analyses.find((analysis) => {
    if (!analysis.config.ok) return false;
    const range = configRange(analysis.config.config);
    return (
      analysis.config.config.kind === config.kind &&
      range.sheet.toLowerCase() === start.sheet.toLowerCase() &&
      range.row === start.row &&
      range.column === start.column
    );
  });
  if (same) return same;
  // A stored analysis that cannot be read is replaced by a run on its sheet (or, if it wrote nothing, by any run).
  const unusable = stored.analyses.find(
    (analysis) =>
      !analysis.config.ok &&
      analysis.output.owned.every((range) => sameSheet(range.sheet, start.sheet))
  );
  if (unusable) return unusable;
  const next = 1 + Math.max(0, ...stored.analyses.map((a) => Number(a.id.slice(1)) || 0));
  return newAnalysis(`a${next}`, config);
}

/**
 * The name of a sheet an analysis writes: the one it has, else `base` unless another analysis has it, else
 * "base (2)", "base (3)"… (Excel's sheet names ignore case and hold 31 characters.)
 */
export function ownSheetName(
  base: string,
  current: string | null,
  taken: readonly string[]
): string {
  if (current !== null) return current;
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Removes an analysis with everything it wrote (after the user agreed): its output cleared, its summary sheets
 * deleted, its kept runs and its entry deleted from the store, in one write. Returns what the store then holds.
 */
export async function removeAnalysis(
  store: StoreSession,
  stored: StoredRuns,
  id: string
): Promise<StoredRuns> {
  const analysis = stored.analyses.find((candidate) => candidate.id === id);
  if (!analysis) return stored;
  const rest = stored.analyses.filter((candidate) => candidate.id !== id);
  const { entries } = await store.read();
  const changes: Record<string, string | null> = {
    [ANALYSES_KEY]: indexText(rest),
    [writtenKey(id)]: null,
  };
  for (const key of entries.keys())
    if (key.startsWith(`${historyPrefix(id)}.`)) changes[key] = null;
  const { summarySheet, customerSheet, reportSheet } = analysis.output;
  const sheets = [summarySheet, customerSheet, reportSheet].flatMap((name) => name ?? []);
  const onSheets = (range: SheetRange) =>
    sheets.some((sheet) => sheet.toLowerCase() === range.sheet.toLowerCase());
  await store.update(changes, {
    with: {
      sheets: sheets.map((name) => ({ name, remove: true })),
      clear: analysis.output.owned.filter((range) => !onSheets(range)),
      values: [],
      fills: [],
      settings: Object.fromEntries(stored.legacySettings.map((key) => [key, null])),
    },
  });
  return { analyses: rest, problems: stored.problems, legacySettings: [] };
}
