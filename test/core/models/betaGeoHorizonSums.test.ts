/**
 * The BG/NBD family's sums over many horizons (one dot product per customer against moments shared by every
 * customer of the same age) against the plain sum of one expectation per horizon, which the point predictions and
 * their mpmath references rest on.
 */
import fc from "fast-check";
import { CvaError } from "../../../src/core/errors";
import { bgNbd, type BgNbdParams } from "../../../src/core/models/bgnbd";
import { sumOverHorizons } from "../../../src/core/models/horizonSums";
import { mbgNbd } from "../../../src/core/models/mbgnbd";
import { clvHorizons } from "../../../src/core/models/predictiveClv";
import { transactionModel, type TransactionModelParams } from "../../../src/core/models/registry";

const modelIds = [bgNbd.id, mbgNbd.id] as const;

function bothWays(
  modelId: (typeof modelIds)[number],
  params: BgNbdParams,
  months: number,
  rate: number,
  unit: "D" | "W" | "M",
  frequency: number[],
  T: number[]
) {
  const typed = { ...params, model: modelId } as TransactionModelParams;
  const model = transactionModel(typed);
  const { horizons, weights } = clvHorizons({ months, monthlyDiscountRate: rate, dataUnit: unit });
  const fast = new Float64Array(frequency.length);
  const plain = new Float64Array(frequency.length);
  const fastErrors = model.purchasesIfAliveOverHorizons(
    typed,
    horizons,
    weights,
    frequency,
    T,
    fast
  );
  // Each expectation once: the plain sum and the scale below share them.
  const known = new Map<string, number>();
  const ifAlive = (t: number, x: number, age: number) => {
    const key = `${t} ${x} ${age}`;
    let value = known.get(key);
    if (value === undefined)
      known.set(key, (value = model.expectedPurchasesIfAlive(typed, t, x, age)));
    return value;
  };
  const plainErrors = sumOverHorizons(ifAlive, horizons, weights, frequency, T, plain);
  // The scale of the sum's terms, Σ |wₖ| Eₖ (expectations are ≥ 0): the accuracy either way is relative to it, not
  // to a sum that may cancel.
  const scale = new Float64Array(frequency.length);
  sumOverHorizons(ifAlive, horizons, weights.map(Math.abs), frequency, T, scale);
  return { fast, plain, fastErrors, plainErrors, scale };
}

describe("purchasesIfAliveOverHorizons (BG/NBD, MBG/NBD)", () => {
  it("equals the sum of one expectation per horizon, over parameters, ages, purchase counts and horizons", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...modelIds),
        fc.record({
          r: fc.double({ min: 0.02, max: 8, noNaN: true }),
          alpha: fc.double({ min: 0.05, max: 300, noNaN: true }),
          a: fc.oneof(fc.constant(1), fc.double({ min: 0.02, max: 6, noNaN: true })),
          b: fc.double({ min: 0.02, max: 12, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 240 }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.constantFrom("D" as const, "W" as const, "M" as const),
        fc.array(fc.tuple(fc.nat(400), fc.double({ min: 0, max: 800, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (modelId, parts, months, rate, unit, rows) => {
          const params = { model: "BG/NBD", ...parts } as BgNbdParams;
          const frequency = rows.map((row) => row[0]);
          const T = rows.map((row) => row[1] * (unit === "D" ? 1 : 0.1));
          const { fast, plain, fastErrors, plainErrors, scale } = bothWays(
            modelId,
            params,
            months,
            rate,
            unit,
            frequency,
            T
          );
          expect([...fastErrors.keys()]).toEqual([...plainErrors.keys()]);
          frequency.forEach((_, i) => {
            if (plainErrors.has(i)) return;
            expect(Math.abs(fast[i] - plain[i])).toBeLessThanOrEqual(1e-12 * scale[i]);
          });
        }
      ),
      { numRuns: 300 }
    );
  });

  it("shares the moments of an age among its customers and the coefficients of a purchase count among theirs", () => {
    const params: BgNbdParams = { model: "BG/NBD", r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 };
    const frequency = [0, 2, 2, 7, 0, 2, 150];
    const T = [38.86, 38.86, 20, 38.86, 20, 38.86, 38.86];
    const { fast, plain, scale } = bothWays(bgNbd.id, params, 1200, 0.01, "W", frequency, T);
    frequency.forEach((_, i) =>
      expect(Math.abs(fast[i] - plain[i])).toBeLessThanOrEqual(1e-12 * scale[i])
    );
    expect(fast[1]).toBe(fast[5]);
  });

  it("names the horizon it cannot sum for a customer, and values the others", () => {
    // With α = 0.001 days, a customer first seen today makes a month 30,000 × (α + T): as predictedClv refuses it.
    const params: BgNbdParams = { model: "BG/NBD", r: 0.2426, alpha: 0.001, a: 0.7929, b: 2.426 };
    const { fast, plain, fastErrors, plainErrors } = bothWays(
      bgNbd.id,
      params,
      12,
      0.01,
      "D",
      [0, 2],
      [0, 38.86]
    );
    expect(fastErrors.get(0)).toBeInstanceOf(CvaError);
    expect(fastErrors.get(0)?.message).toBe(plainErrors.get(0)?.message);
    expect(fastErrors.has(1)).toBe(false);
    expect(fast[1]).toBeCloseTo(plain[1], 12);
  });
});
