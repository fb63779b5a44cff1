import fc from "fast-check";
import { between, percentilesInc } from "../../../src/core/stats/percentileInc";
import { selectRanks } from "../../../src/core/stats/selectRanks";

/** PERCENTILE.INC by its definition, on a sorted copy. */
function bySorting(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * k;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

describe("percentilesInc (Excel PERCENTILE.INC)", () => {
  it("interpolates between order statistics as Excel documents", () => {
    // Excel: =PERCENTILE.INC({1,3,2,4},0.3) → 1.9
    const [at30, at0, at100] = percentilesInc(Float64Array.of(1, 3, 2, 4), [0.3, 0, 1]);
    expect(at30).toBeCloseTo(1.9, 12);
    expect([at0, at100]).toEqual([1, 4]);
    expect(percentilesInc(Float64Array.of(7), [0.5])).toEqual([7]);
  });

  it("equals the sorted definition on random columns, ties and all", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            // Within ±1e307 the definition's own arithmetic cannot overflow; the edge has its test below.
            fc.double({ min: -1e307, max: 1e307, noNaN: true })
          ),
          {
            minLength: 1,
            maxLength: 300,
          }
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 }),
        (values, ks) => {
          const got = percentilesInc(Float64Array.from(values), ks);
          ks.forEach((k, j) => expect(got[j]).toBe(bySorting(values, k)));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("cannot overflow between values of opposite signs near the largest double", () => {
    expect(percentilesInc(Float64Array.of(-1.5e308, 1.5e308), [0.5, 0.25])).toEqual([0, -7.5e307]);
    expect(between(-Number.MAX_VALUE, Number.MAX_VALUE, 0.75) / (Number.MAX_VALUE / 2)).toBeCloseTo(
      1,
      15
    );
    expect(between(1, 3, 0.5)).toBe(2);
  });

  it("refuses an empty column and k outside [0, 1]", () => {
    expect(() => percentilesInc(new Float64Array(0), [0.5])).toThrow(RangeError);
    expect(() => percentilesInc(Float64Array.of(1), [1.5])).toThrow(RangeError);
  });
});

describe("selectRanks", () => {
  it("puts the value of each wanted rank where sorting would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 500 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        (values, picks) => {
          const a = Float64Array.from(values);
          const ranks = picks.map((p) => p % values.length);
          selectRanks(a, ranks);
          const sorted = Float64Array.from(values).sort();
          for (const r of ranks) expect(a[r]).toBe(sorted[r]);
          expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from(sorted));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("stays fast on adversarial orders (sorted, reversed, organ pipe, all equal)", () => {
    const n = 200_000;
    const shapes = [
      Float64Array.from({ length: n }, (_, i) => i),
      Float64Array.from({ length: n }, (_, i) => n - i),
      Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      new Float64Array(n),
    ];
    for (const a of shapes) {
      const sorted = Float64Array.from(a).sort();
      const ranks = [0, n >> 2, n >> 1, n - 1];
      selectRanks(a, ranks);
      for (const r of ranks) expect(a[r]).toBe(sorted[r]);
    }
  });
});
