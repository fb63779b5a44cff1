import { rfmCode } from "../../core/rfm/rfmCode";
import type { Segment } from "../../core/rfm/segmentMap";
import {
  CONFIG_FORMAT,
  CONFIG_VERSION,
  ConfigMethod,
  SegmentationConfig,
  storedRange,
} from "../../core/sharing/config";
import type { ColumnMapping } from "../../core/table/detectColumns";
import type { CustomerTable } from "./customerTable";
import { FlowAction, FlowState, initialFlowState } from "./flowState";
import { MONTHLY_DISCOUNT_RATE, MethodName, MethodSettings } from "./methodSettings";
import type { SelectedData } from "./readSelection";
import { SegmentGrid, fmPairs, segmentMapOfGrid } from "./segmentGrid";
import { ROLES_BY_KIND, TableSetup } from "./tableSetup";
import { TierChoice, tierOptions } from "./tierChoice";
import { SharingOptions } from "./monitoring";

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
 * are summarised again on "Run again"), the column roles, the method and its settings in the engine's terms, and
 * the monitoring thresholds. The pane always uses the default palette and the latest date in the data.
 */
export function configOfRun(run: RunChoices): SegmentationConfig {
  const { setup, settings, table, options } = run;
  const columns: SegmentationConfig["columns"] = { ...setup.mapping };
  // The date columns of a summarised transaction table are the summary's own, found again on each run.
  if (run.method === "predictive" && setup.kind === "customers") {
    columns.firstPurchase = settings.predictive.firstPurchase;
    columns.lastPurchase = settings.predictive.lastPurchase;
  }
  return {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    range: storedRange(run.data.range),
    hasHeader: setup.hasHeader,
    kind: setup.kind,
    columns,
    method: configMethod(run.method, settings, table),
    palette: "sunset",
    asOfDate: null,
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

function configMethod(
  method: MethodName,
  settings: MethodSettings,
  table: CustomerTable
): ConfigMethod {
  switch (method) {
    case "rfm":
      return {
        method,
        bins: settings.rfm.bins,
        segmentMap: Object.fromEntries(segmentMapOfGrid(settings.rfm.grid)),
      };
    case "tiers":
      return {
        method,
        column: settings.tiers.column ?? table.mapping.monetary ?? 0,
        ...storedTiers(settings.tiers.tiers),
      };
    case "score": {
      const included = settings.score.factors.filter((factor) => factor.included);
      return {
        method,
        columns: included.map((factor) => factor.column),
        weights: included.map((factor) => factor.weight),
        directions: included.map((factor) => factor.direction),
        ...storedTiers(settings.score.tiers),
      };
    }
    case "predictive":
      return {
        method,
        model: "BG/NBD",
        months: settings.predictive.months,
        discount: MONTHLY_DISCOUNT_RATE,
        dataUnit: "D",
        aliveThreshold: settings.predictive.aliveThreshold / 100,
        ...storedTiers(settings.predictive.tiers),
      };
  }
}

/** Tiers as the configuration stores them: the engine's options (shares, trimmed names). */
function storedTiers(choice: TierChoice): {
  labels: string[];
  cutoffs: number[];
  basis: TierChoice["basis"];
} {
  const { labels, cutoffs, basis } = tierOptions(choice);
  return { labels: [...labels], cutoffs: [...cutoffs], basis };
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
  return { kind: config.kind, hasHeader: config.hasHeader, mapping };
}

/** The pane's settings for a stored method, starting from the settings the table proposes. */
export function settingsOfConfig(
  config: SegmentationConfig,
  proposed: MethodSettings
): MethodSettings {
  const { method } = config;
  switch (method.method) {
    case "rfm":
      return {
        ...proposed,
        rfm: { bins: method.bins, grid: gridOfSegmentMap(method.bins, method.segmentMap) },
      };
    case "tiers":
      return { ...proposed, tiers: { column: method.column, tiers: tierChoiceOf(method) } };
    case "score":
      return {
        ...proposed,
        score: {
          factors: proposed.score.factors.map((factor) => {
            const j = method.columns.indexOf(factor.column);
            return j < 0
              ? { ...factor, included: false }
              : {
                  column: factor.column,
                  included: true,
                  weight: method.weights[j],
                  direction: method.directions[j],
                };
          }),
          tiers: tierChoiceOf(method),
        },
      };
    case "predictive":
      return {
        ...proposed,
        predictive: {
          firstPurchase: config.columns.firstPurchase ?? proposed.predictive.firstPurchase,
          lastPurchase: config.columns.lastPurchase ?? proposed.predictive.lastPurchase,
          months: method.months,
          aliveThreshold: percent(method.aliveThreshold),
          tiers: tierChoiceOf(method),
        },
      };
  }
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

/**
 * The segment grid of a stored map: each (R, FM) cell takes the segment of its first (F, M) code. A map the pane
 * wrote gives every code of a cell the same segment, so this is the grid it came from.
 */
export function gridOfSegmentMap(bins: number, map: Readonly<Record<string, string>>): SegmentGrid {
  return Array.from({ length: bins }, (_, r) =>
    Array.from({ length: bins }, (_, fm) => {
      const [f, m] = fmPairs(bins, fm + 1)[0];
      return map[rfmCode(r + 1, f, m)] as Segment;
    })
  );
}

function tierChoiceOf(method: {
  labels: string[];
  cutoffs: number[];
  basis: TierChoice["basis"];
}): TierChoice {
  return { labels: [...method.labels], cutoffs: method.cutoffs.map(percent), basis: method.basis };
}

/** A share as the percentage the pane shows, without 0.07 × 100 = 7.000000000000001. */
function percent(share: number): number {
  return Math.round(share * 100 * 1e6) / 1e6;
}
