import { CONFIG_KEY, serializeConfig } from "../../core/sharing/config";
import {
  RunSnapshot,
  SNAPSHOTS_KEY,
  appendRun,
  decodeSnapshots,
  encodeSnapshots,
} from "../../core/sharing/snapshot";
import { readStore, updateStore } from "../../core/sharing/workbookStore";
import type { WorkbookPort } from "../../core/workbook/workbookPort";
import { SegmentationConfig, StoredConfig, parseConfig } from "./storedConfig";

/** What the workbook remembers of the pane's runs. */
export interface StoredRuns {
  /** The last segmentation's configuration, or why it cannot be used; null when none is stored. */
  config: StoredConfig | null;
  /** Kept runs, oldest first (empty when none or when they were damaged). */
  runs: RunSnapshot[];
  /** Why stored data was set aside (damaged parts, an unreadable history), for the pane to mention. */
  problems: string[];
}

/** What the workbook remembers, read when the pane opens. */
export async function loadStoredRuns(port: WorkbookPort): Promise<StoredRuns> {
  const { entries, damaged } = await readStore(port);
  const problems = damaged.map((key) => `The stored ${key} is incomplete and was set aside.`);
  const configText = entries.get(CONFIG_KEY);
  const snapshotsText = entries.get(SNAPSHOTS_KEY);
  let runs: RunSnapshot[] = [];
  if (snapshotsText !== undefined) {
    const decoded = decodeSnapshots(snapshotsText);
    if (decoded.ok) runs = decoded.runs;
    else problems.push(decoded.message);
  }
  return {
    config: configText === undefined ? null : parseConfig(configText),
    runs,
    problems,
  };
}

/**
 * Remembers a run: its configuration, and its snapshot after the kept ones (the newest config.monitoring.keepRuns).
 * The document's auto-open tag follows config.autoOpen. Returns the runs now kept.
 */
export async function saveRun(
  port: WorkbookPort,
  config: SegmentationConfig,
  previousRuns: readonly RunSnapshot[],
  run: RunSnapshot
): Promise<RunSnapshot[]> {
  const runs = appendRun(previousRuns, run, config.monitoring.keepRuns);
  await updateStore(port, {
    [CONFIG_KEY]: serializeConfig(config),
    [SNAPSHOTS_KEY]: encodeSnapshots(runs),
  });
  await port.applyWritePlan({
    clear: [],
    values: [],
    fills: [],
    settings: {},
    autoOpen: config.autoOpen,
  });
  return runs;
}
