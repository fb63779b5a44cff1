import {
  CONFIG_FORMAT,
  CONFIG_VERSION,
  ConfigOf,
  ParsedConfig,
  checkConfigWith,
  configSchema,
  parseConfigWith,
  storedRange,
} from "../../core/sharing/config";
import type { ColumnMapping } from "../../core/table/detectColumns";
import { MethodName, MethodSettings, STORED_METHOD, methodOf } from "../methods/registry";
import type { CustomerTable } from "./customerTable";
import { FlowAction, FlowState, initialFlowState } from "./flowState";
import type { SharingOptions } from "./monitoring";
import type { SelectedData } from "./readSelection";
import { ROLES_BY_KIND, TableSetup } from "./tableSetup";

/** The configuration stored with a run: its envelope (core/sharing/config) around one of the pane's methods. */
const CONFIG_SCHEMA = configSchema(STORED_METHOD);
export type SegmentationConfig = ConfigOf<typeof STORED_METHOD>;
export type StoredConfig = ParsedConfig<SegmentationConfig>;

/** Reads a stored configuration; never throws (see parseConfigWith). */
export function parseConfig(text: unknown): StoredConfig {
  return parseConfigWith(CONFIG_SCHEMA, text);
}

/** checkConfigWith for a configuration already read from JSON. */
export function checkConfig(value: unknown): StoredConfig {
  return checkConfigWith(CONFIG_SCHEMA, value);
}

/** What the pane knows about a run when it saves it with the workbook. */
export interface RunChoices {
  data: SelectedData;
  setup: TableSetup;
  method: MethodName;
  settings: MethodSettings;
  table: CustomerTable;
  options: SharingOptions;
  locale: string;
  savedAt: string;
}

/**
 * The configuration stored with a run: the selection as read (for a transaction table, the transactions, which
 * are summarised again on "Run again"), the column roles, the method and its settings as the method stores them,
 * and the monitoring thresholds. The pane always uses the default palette and the latest date in the data.
 */
export function configOfRun(run: RunChoices): SegmentationConfig {
  return configOf(run, run.method);
}

function configOf<N extends MethodName>(run: RunChoices, name: N): SegmentationConfig {
  const { setup, table, options } = run;
  const method = methodOf(name);
  const settings = run.settings[name];
  // The date columns of a summarised transaction table are the summary's own, found again on each run.
  const extra = setup.kind === "customers" ? (method.storedColumns?.(settings) ?? {}) : {};
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    range: storedRange(run.data.range),
    hasHeader: setup.hasHeader,
    kind: setup.kind,
    columns: { ...setup.mapping, ...extra },
    method: method.toStored(settings, table),
    palette: "sunset",
    asOfDate: setup.asOfDate ?? null,
    locale: run.locale,
    autoOpen: options.autoOpen,
    monitoring: {
      keepRuns: options.keepRuns,
      valueDropShare: options.valueDropPercent / 100,
      aliveDrop: options.aliveDropPoints / 100,
    },
    savedAt: run.savedAt,
  };
}

/** The table setup a configuration stored, keeping only the columns the data still has. */
export function setupOfConfig(config: SegmentationConfig, data: SelectedData): TableSetup {
  const width = data.values[0]?.length ?? 0;
  const mapping: ColumnMapping = {};
  // Roles of both kinds, as detection proposes them, so switching the kind afterwards still finds its columns.
  for (const role of new Set(Object.values(ROLES_BY_KIND).flat())) {
    const column = config.columns[role];
    if (column !== undefined && column < width) mapping[role] = column;
  }
  const setup: TableSetup = { kind: config.kind, hasHeader: config.hasHeader, mapping };
  if (config.asOfDate !== null) setup.asOfDate = config.asOfDate;
  return setup;
}

/** The pane's settings for a stored method, starting from the settings the table proposes. */
export function settingsOfConfig(
  config: SegmentationConfig,
  proposed: MethodSettings
): MethodSettings {
  return restoreMethod(config.method.method, config, proposed);
}

function restoreMethod<N extends MethodName>(
  name: N,
  config: SegmentationConfig,
  proposed: MethodSettings
): MethodSettings {
  const stored = config.method as Parameters<ReturnType<typeof methodOf<N>>["fromStored"]>[0];
  return {
    ...proposed,
    [name]: methodOf(name).fromStored(stored, config.columns, proposed[name]),
  };
}

/**
 * The pane's state for a stored configuration over data read from its range: the stored setup, then its method
 * and settings, through the same reducer the user's clicks go through (so a setup that no longer makes a table
 * stops there, with the reducer's own problems).
 */
export function restoredFlowState(
  reducer: (state: FlowState, action: FlowAction) => FlowState,
  data: SelectedData,
  config: SegmentationConfig
): FlowState {
  let state = reducer(initialFlowState, { type: "loaded", data });
  state = reducer(state, { type: "setup", setup: setupOfConfig(config, data) });
  const proposed = state.settings;
  if (!state.table || !proposed) return state;
  state = reducer(state, { type: "method", method: config.method.method });
  return reducer(state, { type: "settings", settings: settingsOfConfig(config, proposed) });
}
