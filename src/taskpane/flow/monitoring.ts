import type { CellValue } from "../../core/cells";
import { phrase } from "../../core/messages/catalogue";
import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { changeColumnValues, withChangeColumn } from "../../core/sharing/changeColumn";
import {
  DEFAULT_THRESHOLDS,
  FlaggedCustomer,
  RunComparison,
  compareRuns,
  flaggedCustomers,
} from "../../core/sharing/compareRuns";
import type { Translate } from "../../core/sharing/sharingText";
import {
  CurrentRun,
  DEFAULT_KEPT_RUNS,
  IdTable,
  SlotRun,
  placeRun,
} from "../../core/sharing/snapshot";
import { AUTO_OPEN_SETTING } from "../../core/workbook/workbookPort";
import { MethodName, methodOf } from "../methods/registry";
import type { CustomerTable } from "./customerTable";
import { StoredAnalysis, StoredRuns, loadStoredRuns } from "./runStore";
import type { StoreSession } from "./storeSession";
import type { SegmentationConfig } from "./storedConfig";

/** What the user sets for monitoring and sharing, in the units the pane shows. */
export interface SharingOptions {
  /** Flag a customer whose predicted value fell by more than this percentage. */
  valueDropPercent: number;
  /** Flag a customer whose P(alive) fell by more than this many percentage points. */
  aliveDropPoints: number;
  /** Runs kept in the workbook for comparison. */
  keepRuns: number;
  /** Write the "Segment summary" sheet on each run. */
  summarySheet: boolean;
  /** Tag the workbook so the pane opens with it for everyone who has the add-in. */
  autoOpen: boolean;
}

export const DEFAULT_SHARING_OPTIONS: SharingOptions = {
  valueDropPercent: DEFAULT_THRESHOLDS.valueDropShare * 100,
  aliveDropPoints: DEFAULT_THRESHOLDS.aliveDrop * 100,
  keepRuns: DEFAULT_KEPT_RUNS,
  summarySheet: true,
  autoOpen: false,
};

/** The limits of the pane's inputs (keepRuns as the configuration schema allows). */
export const KEEP_RUNS = { min: 1, max: 60 } as const;

/** The options a stored configuration carries; the rest stay as they are. */
export function optionsOfConfig(
  config: SegmentationConfig,
  options: SharingOptions
): SharingOptions {
  return {
    ...options,
    valueDropPercent: Math.round(config.monitoring.valueDropShare * 1000) / 10,
    aliveDropPoints: Math.round(config.monitoring.aliveDrop * 1000) / 10,
    keepRuns: config.monitoring.keepRuns,
    autoOpen: config.autoOpen,
  };
}

/** Whether the options can be saved: numbers in range (the configuration schema's limits). */
export function optionsValid(options: SharingOptions): boolean {
  const within = (value: number, min: number, max: number) =>
    Number.isFinite(value) && value >= min && value <= max;
  return (
    within(options.valueDropPercent, 0, 100) &&
    within(options.aliveDropPoints, 0, 100) &&
    Number.isInteger(options.keepRuns) &&
    within(options.keepRuns, KEEP_RUNS.min, KEEP_RUNS.max)
  );
}

/**
 * What shapes a run's tiers and measures besides the data: the method's stored settings (but its thresholds), the
 * column roles and the as-of date (not the range, which grows with the data). Kept with each run, so runs made differently are told apart.
 */
export function runBasis(config: SegmentationConfig): string {
  const thresholds: readonly string[] = methodOf(config.method.method).thresholds ?? [];
  const shaping = Object.entries(config.method).filter(([key]) => !thresholds.includes(key));
  return JSON.stringify([shaping, config.columns, config.asOfDate]);
}

/**
 * The kept run this one is compared with: the analysis's newest, when its stored configuration says it segmented the
 * same sheet with the same method and it was made with the same settings (runBasis): otherwise a customer would be
 * flagged for a change the settings made. A run without customer ids has nothing to compare; a run kept before
 * runs recorded their settings is taken as made the same way.
 */
export function comparableRun(
  analysis: StoredAnalysis | null,
  current: SegmentationConfig
): SlotRun | null {
  return sameMethodRun(analysis, current) && !settingsChanged(analysis, current)
    ? (analysis?.history.latest ?? null)
    : null;
}

/** Whether the newest kept run used the same method on the same sheet, with customers to compare. */
function sameMethodRun(analysis: StoredAnalysis | null, current: SegmentationConfig): boolean {
  if (!analysis?.history.latest || !analysis.config.ok) return false;
  const { config } = analysis.config;
  return (
    config.kind === current.kind &&
    config.range.sheet === current.range.sheet &&
    config.method.method === current.method.method &&
    analysis.history.runs.at(-1)?.customers !== 0
  );
}

/**
 * Whether this run would have been compared with the newest kept run but for its settings, which changed since: the
 * pane says so, and this run starts a new baseline.
 */
export function settingsChanged(
  analysis: StoredAnalysis | null,
  current: SegmentationConfig
): boolean {
  const basis = analysis?.history.runs.at(-1)?.basis;
  return sameMethodRun(analysis, current) && basis !== undefined && basis !== runBasis(current);
}

/** A run on its id table and, when there is a run to compare with, the comparison and the Change column. */
export interface MonitoredRun {
  /** The result to write: with the Change column when compared. */
  result: SegmentationResult;
  current: CurrentRun;
  comparison: RunComparison | null;
}

/**
 * Places a segmentation on the analysis's id table and compares it with the previous run: the Change column is
 * added after the result's own columns, so it is written, coloured and owned with them.
 */
export function monitorRun(input: {
  table: CustomerTable;
  method: MethodName;
  result: SegmentationResult;
  ids: IdTable;
  previous: SlotRun | null;
  options: SharingOptions;
  savedAt: string;
  t: Translate;
}): MonitoredRun {
  const { table, result, previous, options, t } = input;
  const customer = table.mapping.customer;
  const start = table.hasHeader ? 1 : 0;
  const dataRows = table.rows.length - start;
  const ids = new Array<CellValue>(dataRows);
  for (let row = 0; row < dataRows; row++)
    ids[row] = customer === undefined ? null : table.rows[start + row][customer];
  const current = placeRun(
    input.ids,
    result,
    ids,
    input.savedAt,
    methodOf(input.method).measures(result)
  );
  if (!previous) return { result, current, comparison: null };
  const comparison = compareRuns(previous, current, input.ids, {
    valueDropShare: options.valueDropPercent / 100,
    aliveDrop: options.aliveDropPoints / 100,
  });
  const values = changeColumnValues(comparison, current, dataRows, t);
  return { result: withChangeColumn(result, values, t("change.header")), current, comparison };
}

/** What the pane shows after a compared run. */
export interface ChangeReport {
  /** When the run compared with was saved. */
  previousSavedAt: string;
  from: string[];
  to: string[];
  movement: number[][];
  flaggedCount: number;
  /** The first flagged customers, in the data's order. */
  flagged: FlaggedCustomer[];
}

/** Flagged customers listed in the pane; the Change column has them all. */
export const LISTED_FLAGGED = 20;

export function changeReport(
  comparison: RunComparison,
  current: CurrentRun,
  previous: SlotRun,
  ids: IdTable
): ChangeReport {
  return {
    previousSavedAt: previous.savedAt,
    from: comparison.from,
    to: comparison.to,
    movement: comparison.movement,
    flaggedCount: comparison.flagged,
    flagged: flaggedCustomers(comparison, current, ids).slice(0, LISTED_FLAGGED),
  };
}

/**
 * What the pane starts from on a workbook: its stored analyses, and the options the last one carries; whether the
 * pane opens with the workbook is read from the document's own tag, which is what Office acts on. A store that
 * cannot be read at all is reported like a damaged one, and the pane carries on with its defaults.
 */
export async function openStoredRuns(
  store: StoreSession
): Promise<{ stored: StoredRuns; options: SharingOptions }> {
  let stored: StoredRuns;
  try {
    stored = await loadStoredRuns(store);
  } catch {
    // A store that cannot be read at all is said to be so, and the pane starts afresh.
    stored = { analyses: [], problems: [phrase("store.analysesUnusable")], legacySettings: [] };
  }
  const last = stored.analyses.at(-1)?.config;
  const options = last?.ok
    ? optionsOfConfig(last.config, DEFAULT_SHARING_OPTIONS)
    : DEFAULT_SHARING_OPTIONS;
  let autoOpen = options.autoOpen;
  try {
    autoOpen = (await store.port.readSetting(AUTO_OPEN_SETTING)) === "true";
  } catch {
    // The stored configuration's answer stands.
  }
  return { stored, options: { ...options, autoOpen } };
}
