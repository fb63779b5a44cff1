import { FlowState, flowReducer, initialFlowState } from "../../../src/taskpane/flow/flowState";
import { METHODS, MethodSettings, methodProblems } from "../../../src/taskpane/methods/registry";
import { purchaseDateColumns } from "../../../src/taskpane/methods/predictive";
import { rfmEngineMethod } from "../../../src/taskpane/methods/rfm";
import { scoreEngineMethod } from "../../../src/taskpane/methods/score";
import { tiersEngineMethod } from "../../../src/taskpane/methods/tiers";
import { CustomerTable } from "../../../src/taskpane/flow/customerTable";
import { DEFAULT_SEGMENT_MAP } from "../../../src/core/rfm/segmentMap";
import { CUSTOMERS, sampleSelection, tierNames } from "../sample";

async function sample(): Promise<{ table: CustomerTable; settings: MethodSettings }> {
  const { data } = await sampleSelection(CUSTOMERS);
  const state: FlowState = flowReducer({ summarySheet: "S", tierNames })(initialFlowState, {
    type: "loaded",
    data,
  });
  return { table: state.table as CustomerTable, settings: state.settings as MethodSettings };
}

describe("the method registry", () => {
  it("lists each method once, and every method fulfils the contract", () => {
    const ids = METHODS.map((method) => method.id);
    expect(ids).toEqual(["rfm", "tiers", "score", "predictive", "cohorts", "modelCheck"]);
    for (const method of METHODS) {
      expect(typeof method.defaults).toBe("function");
      expect(typeof method.run).toBe("function");
      expect(method.stored.safeParse({ method: method.id }).success).toBe(false);
      expect(method.Settings).toBeDefined();
    }
  });

  it("turn into the engine's methods", async () => {
    const { table, settings } = await sample();
    expect(methodProblems("rfm", settings, table)).toEqual([]);
    expect(rfmEngineMethod(settings.rfm, table)).toEqual({
      method: "rfm",
      recency: 3,
      frequency: 4,
      monetary: 5,
      bins: 5,
      segmentMap: DEFAULT_SEGMENT_MAP,
    });
    expect(tiersEngineMethod(settings.tiers)).toEqual({
      method: "tiers",
      column: 5,
      labels: ["High", "Medium", "Low"],
      cutoffs: [0.2, 0.5],
      basis: "customers",
    });
    expect(scoreEngineMethod(settings.score, table)).toMatchObject({
      method: "score",
      columns: [3, 4, 5],
      weights: [1, 1, 1],
      directions: [-1, 1, 1],
      valueColumn: 5,
    });
  });

  it("say what is missing for each method", async () => {
    const { table, settings } = await sample();
    const unmapped = { ...table, mapping: { customer: 0 } };
    expect(methodProblems("rfm", settings, unmapped)).toEqual([
      { key: "needsRoles", values: { roles: "recency,frequency,monetary" }, intent: "error" },
    ]);
    const keys = (method: Parameters<typeof methodProblems>[0], s: MethodSettings) =>
      methodProblems(method, s, table).map((p) => p.key);
    expect(keys("tiers", { ...settings, tiers: { ...settings.tiers, column: undefined } })).toEqual(
      ["chooseColumn"]
    );
    const none = settings.score.factors.map((f) => ({ ...f, included: false }));
    expect(keys("score", { ...settings, score: { ...settings.score, factors: none } })).toEqual([
      "chooseFactors",
    ]);
    const zero = settings.score.factors.map((f) => ({ ...f, weight: 0 }));
    expect(keys("score", { ...settings, score: { ...settings.score, factors: zero } })).toEqual([
      "weights",
    ]);
    const predictive = { ...settings.predictive, lastPurchase: 1, months: 0, aliveThreshold: 120 };
    expect(keys("predictive", { ...settings, predictive })).toEqual([
      "choosePurchaseDates",
      "months",
      "aliveThreshold",
    ]);
  });

  it("find the first and last purchase dates by their headers, English or Chinese", () => {
    expect(
      purchaseDateColumns({ dateColumns: [1, 2], labels: ["Id", "Last order", "First order"] })
    ).toEqual([2, 1]);
    expect(
      purchaseDateColumns({
        dateColumns: [2, 3],
        labels: ["a", "b", "末次购买日期", "首次购买日期"],
      })
    ).toEqual([3, 2]);
    expect(purchaseDateColumns({ dateColumns: [4, 6], labels: [] })).toEqual([4, 6]);
  });
});
