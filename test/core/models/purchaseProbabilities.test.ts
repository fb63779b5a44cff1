/**
 * P(X(t) = n) for a new customer and P(no purchase in the next t | history). References: lifetimes 0.11.3's
 * probability_of_n_purchases_up_to_time (reference/lifetimes.json, see lifetimesReferences.py) for BG/NBD and
 * MBG/NBD; mpmath quadrature of the definition for Pareto/NBD (reference/paretoNbdPurchaseCounts.py).
 */
import { bgNbd } from "../../../src/core/models/bgnbd";
import { mbgNbd } from "../../../src/core/models/mbgnbd";
import { paretoNbd } from "../../../src/core/models/paretoNbd";
import { frequencyRecencyGrid, probabilityNoPurchase } from "../../../src/core/models/predictions";
import { logPurchasesIfAlive, purchasesAtLeast } from "../../../src/core/models/purchaseCounts";
import { TRANSACTION_MODELS } from "../../../src/core/models/registry";
import { expectRelative } from "./cdnowData";
import lifetimes from "./reference/lifetimes.json";
import paretoCounts from "./reference/paretoNbdPurchaseCounts.json";

const PUBLISHED = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

describe("P(X(t) = n), purchases of a new customer", () => {
  it("BG/NBD: the published P(X(39) = 0) = 0.5737864 with the paper's rounded parameters", () => {
    const rounded = { model: "BG/NBD" as const, r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgNbd.probabilityOfPurchases(rounded, 0, 39).toFixed(7)).toBe("0.5737864");
  });

  it.each([
    ["BG/NBD", bgNbd, lifetimes.pnPurchases["BG/NBD"]],
    ["MBG/NBD", mbgNbd, lifetimes.pnPurchases["MBG/NBD"]],
  ] as const)(
    "%s: lifetimes' probability_of_n_purchases_up_to_time(39, n), n = 0…10",
    (id, model, reference) => {
      const params = { model: id, ...PUBLISHED } as never;
      reference.forEach((p, n) =>
        expectRelative(model.probabilityOfPurchases(params, n, 39), p, 1e-12)
      );
    }
  );

  it.each(paretoCounts.map((c) => [c.alpha, c.beta, c.t, c] as const))(
    "Pareto/NBD, alpha %p, beta %p, t = %p: mpmath's quadrature of the definition, n = 0…10",
    (_, __, t, c) => {
      const params = { model: "Pareto/NBD" as const, r: c.r, alpha: c.alpha, s: c.s, beta: c.beta };
      c.probabilities.forEach((p, n) =>
        expectRelative(paretoNbd.probabilityOfPurchases(params, n, t), Number(p), 1e-11)
      );
    }
  );

  it("P(N(t) ≥ n) far beyond the counts that matter: the tail from NB(n; t) itself, without summing up to n", () => {
    const { r, alpha } = PUBLISHED;
    for (const n of [200, 5000]) {
      let tail = 0;
      for (let j = n; j < n + 2000; j++) tail += Math.exp(logPurchasesIfAlive(r, alpha, j, 39));
      // Both start from exp(log NB(n; t)), whose log (−541 at n = 5000) is off by ~1e-12 from gammaln's rounding.
      expectRelative(purchasesAtLeast(r, alpha, n, 39), tail, 1e-10);
    }
    // NB(10⁶; 39) ≈ 0.9^(10⁶): below the smallest double, and found so without a million terms.
    expect(purchasesAtLeast(r, alpha, 1_000_000, 39)).toBe(0);
    expect(purchasesAtLeast(r, alpha, 3, 39)).toBeCloseTo(
      1 - [0, 1, 2].reduce((sum, j) => sum + Math.exp(logPurchasesIfAlive(r, alpha, j, 39)), 0),
      15
    );
  });

  it.each(TRANSACTION_MODELS.map((m) => [m.id, m] as const))(
    "%s: the probabilities add up to 1",
    (id, model) => {
      const params = (
        id === "Pareto/NBD"
          ? { model: id, r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6685 }
          : { model: id, ...PUBLISHED }
      ) as never;
      let total = 0;
      for (let n = 0; n < 600; n++) total += model.probabilityOfPurchases(params, n, 39);
      expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    }
  );
});

describe("P(no purchase in the next t | frequency, recency, T)", () => {
  it("BG/NBD: 1 − P(alive) + P(alive)·((α+T)/(α+T+t))^(r+x)", () => {
    const params = { model: "BG/NBD" as const, ...PUBLISHED };
    for (const [x, tx, T] of [
      [2, 30.43, 38.86],
      [0, 0, 38.86],
      [7, 35.5, 38.86],
    ]) {
      const alive = bgNbd.conditionalProbabilityAlive(params, x, tx, T);
      const expected =
        1 - alive + alive * Math.pow((4.4136019 + T) / (4.4136019 + T + 39), 0.2425945 + x);
      expectRelative(probabilityNoPurchase(params, 39, x, tx, T), expected, 1e-13);
    }
  });

  it.each(TRANSACTION_MODELS.map((m) => [m.id] as const))(
    "%s: lies between 1 − P(alive) and 1, and is 1 for t = 0",
    (id) => {
      const params = (
        id === "Pareto/NBD"
          ? { model: id, r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6685 }
          : { model: id, ...PUBLISHED }
      ) as never;
      const model = TRANSACTION_MODELS.find((m) => m.id === id)!;
      const alive = model.conditionalProbabilityAlive(params, 2, 30.43, 38.86);
      const none = probabilityNoPurchase(params, 39, 2, 30.43, 38.86);
      expect(none).toBeGreaterThan(1 - alive);
      expect(none).toBeLessThan(1);
      expect(probabilityNoPurchase(params, 0, 2, 30.43, 38.86)).toBe(1);
    }
  );
});

describe("frequency × recency grids", () => {
  it("refuse more than a million cells, however large T, before computing any", () => {
    let computed = 0;
    const value = () => ++computed;
    // Each side within its own bound, 160 million cells together: over half a minute of work for one formula.
    expect(() => frequencyRecencyGrid(2_958_465, 10_000, 16_000, value)).toThrow(
      expect.objectContaining({ code: "#VALUE!", messageCode: "model.gridCells" })
    );
    expect(() => frequencyRecencyGrid(2_958_465, 1_000, 999, value)).toThrow(
      /^A grid up to frequency 1000 and recency 999 would have 1001000 cells, more than 1000000: /
    );
    expect(computed).toBe(0);
    const grid = frequencyRecencyGrid(2_958_465, 999, 999, value);
    expect([grid.length, grid[0].length]).toEqual([1001, 1001]);
    expect(computed).toBe(999 * 999 + 1);
  });
});
