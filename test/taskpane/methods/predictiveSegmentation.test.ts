import { predictedClv } from "../../../src/core/models/predictiveClv";
import { TRANSACTION_MODELS } from "../../../src/core/models/registry";
import { MONTHLY_DISCOUNT_RATE } from "../../../src/taskpane/methods/predictive";
import {
  customerSheetInputs,
  segmentByPrediction,
} from "../../../src/taskpane/methods/predictive/predictiveSegmentation";
import { CUSTOMERS, sampleSelection } from "../sample";

const COLUMNS = { frequency: 4, monetary: 5, firstPurchase: 1, lastPurchase: 2 };
const HEADERS = {
  probabilityAlive: "P(alive)",
  expectedPurchases: "Expected purchases",
  predictedClv: "Predicted CLV",
  tier: "Tier",
  likelyLost: "Likely lost",
  action: "Recommended action",
};

describe("model inputs from a customer-level sheet", () => {
  it("derives repeat purchases, recency, age and spend per purchase day, in days", () => {
    const inputs = customerSheetInputs(
      {
        rows: [
          ["Id", "First", "Last", "Recency", "Days", "Total"],
          ["a", 45000, 45000, 30, 1, 40],
          ["b", 45000, 45020, 10, 3, 90],
          ["c", 45010, 45030, 0, 2, 50],
        ],
        hasHeader: true,
        customer: 0,
      },
      COLUMNS
    );
    expect(Array.from(inputs.x)).toEqual([0, 2, 1]);
    expect(Array.from(inputs.recency)).toEqual([0, 20, 20]);
    expect(Array.from(inputs.T)).toEqual([30, 30, 20]);
    expect(Array.from(inputs.m)).toEqual([40, 30, 25]);
    expect(inputs.inconsistent).toEqual([]);
  });

  it("leaves out rows whose dates and counts contradict each other, with their row numbers", () => {
    const inputs = customerSheetInputs(
      {
        rows: [
          ["Id", "First", "Last", "Recency", "Days", "Total"],
          ["ok", 45000, 45010, 0, 2, 10],
          ["one day over ten days", 45000, 45010, 0, 1, 10],
          ["two days on one", 45000, 45000, 0, 2, 10],
          ["last before first", 45010, 45000, 0, 2, 10],
          ["half a purchase", 45000, 45010, 0, 1.5, 10],
          ["repeats worth nothing", 45000, 45010, 0, 2, 0],
        ],
        hasHeader: true,
        firstRow: 4,
        customer: 0,
      },
      COLUMNS
    );
    expect(inputs.rows).toEqual([1]);
    expect(inputs.inconsistent).toEqual([
      { sheetRow: 7, reason: "inconsistent", column: 2 },
      { sheetRow: 8, reason: "inconsistent", column: 2 },
      { sheetRow: 9, reason: "inconsistent", column: 2 },
      { sheetRow: 10, reason: "inconsistent", column: 4 },
      { sheetRow: 11, reason: "inconsistent", column: 5 },
    ]);
  });
});

const OPTIONS = {
  model: "BG/NBD" as const,
  months: 12,
  monthlyDiscountRate: MONTHLY_DISCOUNT_RATE,
  aliveThreshold: 0.3,
  tiers: { labels: ["High", "Medium", "Low"], cutoffs: [0.2, 0.5], basis: "customers" as const },
  headers: HEADERS,
  likelyLost: "yes",
  translate: (key: string) => key,
};

describe("predictive segmentation of the CDNOW sample", () => {
  it("writes P(alive), expected purchases, predicted CLV, a CLV tier and the likely-lost flag", async () => {
    const { data } = await sampleSelection(CUSTOMERS);
    const table = { rows: data.values, hasHeader: true, customer: 0 };
    const inputs = customerSheetInputs(table, COLUMNS);
    const segmented = segmentByPrediction(table, inputs, {
      model: "BG/NBD",
      months: 12,
      monthlyDiscountRate: MONTHLY_DISCOUNT_RATE,
      aliveThreshold: 0.3,
      tiers: { labels: ["High", "Medium", "Low"], cutoffs: [0.2, 0.5], basis: "customers" },
      headers: HEADERS,
      likelyLost: "yes",
      translate: (key) => key,
    });
    const [alive, expected, clv, tier, lost, action] = segmented.result.columns.map(
      (c) => c.values
    );
    expect(segmented.result.columns.map((c) => c.header)).toEqual(Object.values(HEADERS));
    expect(alive).toHaveLength(2357);
    expect(alive.every((p) => typeof p === "number" && p >= 0 && p <= 1)).toBe(true);
    expect(expected.every((e) => typeof e === "number" && e >= 0)).toBe(true);
    // Tiers on the unrounded predicted CLV: rounded to cents, two customers would tie with the Medium/Low border
    // and stay Low (693, 1192).
    expect(segmented.result.tiers.map((t) => t.customers)).toEqual([472, 695, 1190]);
    expect(new Set(tier)).toEqual(new Set(["High", "Medium", "Low"]));
    expect(lost.filter((flag) => flag === "yes")).toHaveLength(segmented.likelyLost);
    expect(alive.filter((p) => (p as number) < 0.3).length).toBeLessThanOrEqual(
      segmented.likelyLost
    );

    // The CLV column is the engine's predicted CLV with the fitted parameters, unrounded (Excel's format rounds).
    const engine = predictedClv(
      segmented.purchases,
      segmented.spend,
      inputs.x,
      inputs.recency,
      inputs.T,
      inputs.m,
      { months: 12, monthlyDiscountRate: MONTHLY_DISCOUNT_RATE, dataUnit: "D" }
    );
    expect(clv[0]).toBe(engine[0]);
    expect(clv[1234]).toBe(engine[1234]);
    expect(segmented.result.columns.map((c) => c.numberFormat)).toEqual([
      "0.000",
      "0.00",
      "#,##0.00",
      undefined,
      undefined,
      undefined,
    ]);

    // One recommendation per customer: a likely-lost customer is offered a win-back worth their tier, never the
    // tier's service (C00020 was "High", "Likely lost" and "VIP service" at once).
    const expectedAction = (k: number) => {
      const place = ["High", "Medium", "Low"].indexOf(tier[k] as string);
      return lost[k] === "yes"
        ? ["action.winBackPersonally", "action.winBack", "action.reviveOrLetGo"][place]
        : ["action.vip", "action.personalised", "action.basicService"][place];
    };
    expect(action.map((_, k) => expectedAction(k))).toEqual(action);
    expect(action.filter((a) => a === "action.winBackPersonally").length).toBeGreaterThan(0);
    expect(segmented.result.tiers.map((t) => t.action)).toEqual([
      "predictiveAdvice.vipOrWinBack",
      "predictiveAdvice.personalisedOrWinBack",
      "predictiveAdvice.basicOrLetGo",
    ]);
  });

  it.each(TRANSACTION_MODELS.map((model) => [model.id, model] as const))(
    "fits the chosen purchase model, %s, and predicts with it",
    async (id, model) => {
      const { data } = await sampleSelection(CUSTOMERS);
      const table = { rows: data.values, hasHeader: true, customer: 0 };
      const inputs = customerSheetInputs(table, COLUMNS);
      const segmented = segmentByPrediction(table, inputs, { ...OPTIONS, model: id });
      const params = model.fit(inputs.x, inputs.recency, inputs.T).params;
      expect(segmented.purchases).toEqual(params);
      const alive = segmented.result.columns[0].values;
      const row = inputs.rows[7] - 1;
      expect(alive[row]).toBe(
        model.conditionalProbabilityAlive(
          params as never,
          inputs.x[7],
          inputs.recency[7],
          inputs.T[7]
        )
      );
    }
  );
});
