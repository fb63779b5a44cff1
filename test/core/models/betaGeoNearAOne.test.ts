/**
 * BG/NBD and MBG/NBD at and near a = 1, where the conditional expectation's formula is 0/0 (a removable
 * singularity), MBG/NBD with a tiny b, and PREDICTEDCLV there. References: reference/betaGeoNearAOne.json, made by
 * reference/betaGeoNearAOne.py (mpmath 1.3.0 at 60 digits, the published formulas evaluated literally).
 */
import { predictedClv } from "../../../src/core/models/predictiveClv";
import { transactionModel } from "../../../src/core/models/registry";
import { expectRelative } from "./cdnowData";
import references from "./reference/betaGeoNearAOne.json";

type Id = "BG/NBD" | "MBG/NBD";

describe("BG/NBD and MBG/NBD at and near a = 1", () => {
  it.each(references.expectedPurchases.map((c) => [c.model, c.a, c.frequency, c.t, c] as const))(
    "%s, a = %p, x = %p: E[X(%p) | x, tₓ, T] within 1e-12 of mpmath",
    (_, a, x, t, c) => {
      const params = { model: c.model as Id, r: c.r, alpha: c.alpha, a, b: c.b };
      const model = transactionModel(params);
      expectRelative(
        model.conditionalExpectedPurchases(params, t, x, c.recency, c.T),
        Number(c.value),
        1e-12
      );
    }
  );

  it("gives the issue's example exactly: BG/NBD with a = 1 expects 1.101977 purchases", () => {
    const params = { model: "BG/NBD" as const, r: 0.2426, alpha: 4.4135, a: 1, b: 2.4258 };
    const value = transactionModel(params).conditionalExpectedPurchases(
      params,
      39,
      2,
      30.43,
      38.86
    );
    expect(value.toFixed(6)).toBe("1.101977");
  });

  it.each(references.predictedClv.map((c) => [c.model, c.a, c.frequency, c] as const))(
    "%s, a = %p, x = %p: PREDICTEDCLV within 1e-12 of lifetimes' formula in mpmath",
    (_, a, x, c) => {
      const params = { model: c.model as Id, r: c.r, alpha: c.alpha, a, b: c.b };
      const [value] = predictedClv(
        params,
        { model: "GG", p: c.p, q: c.q, v: c.v },
        [x],
        [c.recency],
        [c.T],
        [c.monetary],
        { months: c.months, monthlyDiscountRate: c.monthlyDiscountRate, dataUnit: "W" }
      );
      expectRelative(value as number, Number(c.value), 1e-12);
    }
  );
});

describe("MBG/NBD with a tiny b", () => {
  it.each(references.tinyB.map((c) => [c.b, c.frequency, c] as const))(
    "b = %p, x = %p: P(alive) and expected purchases keep their digits",
    (b, x, c) => {
      const params = { model: "MBG/NBD" as const, r: c.r, alpha: c.alpha, a: c.a, b };
      const model = transactionModel(params);
      expectRelative(
        model.conditionalProbabilityAlive(params, x, c.recency, c.T),
        Number(c.pAlive),
        1e-13
      );
      expectRelative(
        model.conditionalExpectedPurchases(params, c.t, x, c.recency, c.T),
        Number(c.expectedPurchases),
        1e-12
      );
    }
  );
});
