/**
 * The guardrails of a predictive run on the 2,357-customer CDNOW sample (weeks, with mean repeat spend zbar).
 * The frequency–spend correlation among the 946 repeat customers is 0.113884 in lifetimes' Gamma-Gamma
 * documentation; numpy.corrcoef on data/cdnow_customers_summary_with_transactions.csv gives 0.11388391048600445.
 */
import {
  predictionGuardrails,
  SPEND_CORRELATION_LIMIT,
  spendCorrelation,
} from "../../../src/core/models/guardrails";
import { cdnowSummaryWithSpend } from "./cdnowData";

const data = cdnowSummaryWithSpend();
const histories = { x: data.frequency, recency: data.recency, T: data.T, m: data.monetary };

describe("guardrails before a predictive run", () => {
  it("measures the frequency–spend correlation among repeat customers as lifetimes documents it", () => {
    const { correlation, customers } = spendCorrelation(data.frequency, data.monetary);
    expect(customers).toBe(946);
    expect(correlation).toBeCloseTo(0.11388391048600445, 12);
    expect(correlation).toBeLessThan(SPEND_CORRELATION_LIMIT);
  });

  it("flags BG/NBD's P(alive) = 1 for every one-time buyer, and not MBG/NBD's", () => {
    const bg = predictionGuardrails(histories, "BG/NBD");
    expect(bg.guardrails).toEqual([
      { kind: "oneTimeAlive", customers: 1411, share: 1411 / 2357, model: "BG/NBD" },
    ]);
    expect(bg.params?.model).toBe("BG/NBD");
    expect(predictionGuardrails(histories, "MBG/NBD").guardrails).toEqual([]);
    expect(predictionGuardrails(histories, "Pareto/NBD").guardrails).toEqual([]);
  });

  it("flags spend that follows frequency, and repeat customers who spent nothing", () => {
    const m = data.frequency.map((x, i) => (x > 0 ? 10 * x : data.monetary[i]));
    const repeat = data.frequency.findIndex((x) => x > 0);
    m[repeat] = -5;
    const kinds = predictionGuardrails({ ...histories, m }, "MBG/NBD").guardrails;
    expect(kinds[0]).toMatchObject({ kind: "spendCorrelation" });
    expect((kinds[0] as { correlation: number }).correlation).toBeGreaterThan(0.9);
    expect(kinds[1]).toEqual({ kind: "nonPositiveSpend", customers: 1 });
  });

  it("says why a fit fails instead of predicting", () => {
    // Nobody ever came back: the purchase rate and dropout cannot be told apart, there is no finite maximum.
    const none = { x: [0, 0, 0, 0], recency: [0, 0, 0, 0], T: [10, 20, 30, 40], m: [0, 0, 0, 0] };
    const { guardrails, params } = predictionGuardrails(none, "Pareto/NBD");
    expect(params).toBeUndefined();
    expect(guardrails).toHaveLength(1);
    expect(guardrails[0]).toMatchObject({ kind: "fitFailed", model: "Pareto/NBD" });
  });
});
