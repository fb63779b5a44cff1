import { serializeConfig } from "../../src/core/sharing/config";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { MethodName, MethodSettings } from "../../src/taskpane/methods/registry";
import { rfmEngineMethod } from "../../src/taskpane/methods/rfm";
import { scoreEngineMethod } from "../../src/taskpane/methods/score";
import { tiersEngineMethod } from "../../src/taskpane/methods/tiers";
import { DEFAULT_SHARING_OPTIONS } from "../../src/taskpane/flow/monitoring";
import { SelectedData } from "../../src/taskpane/flow/readSelection";
import { defaultSegmentGrid, withSegment } from "../../src/taskpane/methods/rfm/rfmGrid";
import {
  configOfRun,
  parseConfig,
  restoredFlowState,
  setupOfConfig,
} from "../../src/taskpane/flow/storedConfig";
import { CUSTOMERS, TRANSACTIONS, sampleSelection, tierNames } from "./sample";

const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });
const SAVED_AT = "2026-11-20T09:30:00.000Z";

async function loaded(range = CUSTOMERS): Promise<{ data: SelectedData; state: FlowState }> {
  const { data } = await sampleSelection(range);
  return { data, state: reduce(initialFlowState, { type: "loaded", data }) };
}

/** Settings a user might have chosen, away from every default, for each method. */
function edited(settings: MethodSettings): MethodSettings {
  return {
    rfm: { bins: 4, grid: withSegment(defaultSegmentGrid(4), 1, 1, "Hibernating") },
    tiers: {
      column: 4,
      tiers: { labels: ["A", "B", "C", "D"], cutoffs: [7, 30, 65], basis: "value" },
    },
    score: {
      factors: settings.score.factors.map((factor, j) =>
        j === 0 ? { ...factor, included: false } : { ...factor, weight: j + 1 }
      ),
      tiers: { labels: ["Gold", "Silver"], cutoffs: [15], basis: "customers" },
    },
    predictive: {
      ...settings.predictive,
      months: 6,
      aliveThreshold: 45,
      tiers: { labels: ["Top", "Rest"], cutoffs: [10], basis: "customers" },
    },
    cohorts: { ...settings.cohorts, period: "Q", dropPoints: 3.5 },
    // 1997-09-30 and 1998-06-30 as Excel serials.
    modelCheck: { calibrationEnd: 35703, observationEnd: 35976 },
  };
}

function run(data: SelectedData, state: FlowState, method: MethodName, settings: MethodSettings) {
  return configOfRun({
    data,
    setup: state.setup as FlowState["setup"] & object,
    method,
    settings,
    table: state.table as CustomerTable,
    options: { ...DEFAULT_SHARING_OPTIONS, keepRuns: 6, valueDropPercent: 40, autoOpen: true },
    locale: "en-US",
    savedAt: SAVED_AT,
  });
}

describe("the configuration stored with a run", () => {
  it.each<MethodName>(["rfm", "tiers", "score", "predictive", "cohorts", "modelCheck"])(
    "%s: saved, read back and restored gives the same setup, method and settings",
    async (method) => {
      const { data, state } = await loaded();
      const settings = edited(state.settings as MethodSettings);
      const config = run(data, state, method, settings);
      const parsed = parseConfig(serializeConfig(config));
      expect(parsed).toEqual({ ok: true, config });
      if (!parsed.ok) return;
      expect(parsed.config.range).toEqual({ sheet: "Customers", address: "A1:F2358" });
      expect(parsed.config.monitoring).toEqual({
        keepRuns: 6,
        valueDropShare: 0.4,
        aliveDrop: 0.2,
      });

      const restored = restoredFlowState(reduce, data, parsed.config);
      expect(restored.setup).toEqual(state.setup);
      expect(restored.method).toBe(method);
      expect((restored.settings as MethodSettings)[method]).toEqual(settings[method]);
    }
  );

  it("rfm, tiers and score: the restored settings make the same engine call as the settings saved", async () => {
    const { data, state } = await loaded();
    const settings = edited(state.settings as MethodSettings);
    const table = state.table as CustomerTable;
    const engineCalls = (s: MethodSettings, t: CustomerTable) => [
      rfmEngineMethod(s.rfm, t),
      tiersEngineMethod(s.tiers),
      scoreEngineMethod(s.score, t),
    ];
    const methods = ["rfm", "tiers", "score"] as const;
    methods.forEach((method, j) => {
      const restored = restoredFlowState(reduce, data, run(data, state, method, settings));
      const again = engineCalls(
        restored.settings as MethodSettings,
        restored.table as CustomerTable
      );
      expect(again[j]).toEqual(engineCalls(settings, table)[j]);
    });
  });

  it("a transaction table stores the transactions, and restoring summarises them again", async () => {
    const { data, state } = await loaded(TRANSACTIONS);
    const config = run(data, state, "tiers", state.settings as MethodSettings);
    expect(config.kind).toBe("transactions");
    expect(config.range).toEqual({ sheet: "Transactions", address: "A1:D6788" });
    const restored = restoredFlowState(reduce, data, config);
    expect(restored.table?.summary?.sourceRange).toEqual(TRANSACTIONS);
    expect(restored.setup).toEqual(state.setup);
    expect(restored.method).toBe("tiers");
  });

  it("leaves out stored columns the data no longer has", async () => {
    const { data, state } = await loaded();
    const config = run(data, state, "rfm", state.settings as MethodSettings);
    const narrow = { ...data, values: data.values.map((row) => row.slice(0, 4)) };
    expect(setupOfConfig(config, narrow).mapping).toEqual({ customer: 0, recency: 3, date: 1 });
    const restored = restoredFlowState(reduce, narrow, config);
    expect(restored.table?.mapping.monetary).toBeUndefined();
  });
});
