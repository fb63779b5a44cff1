import fc from "fast-check";
import { Ranker } from "../../../src/core/stats/ranker";

/** The definition: how many of sign·values are strictly below each. */
const bruteForce = (values: number[], sign: number) =>
  values.map((x) => values.filter((y) => sign * y < sign * x).length);

describe("Ranker (radix ranks)", () => {
  it("counts the values strictly below each, across negatives, zeros, infinities and ties", () => {
    const values = [3, -0, 0, -1.5, 2, -Infinity, Infinity, 2, -2, 1e-300, -1e-300];
    expect(Array.from(new Ranker(values.length).below(values, 1))).toEqual([
      9, 4, 4, 2, 7, 0, 10, 7, 1, 6, 3,
    ]);
    expect(Array.from(new Ranker(3).below([1, 3, 2], -1))).toEqual([2, 0, 1]);
    expect(new Ranker(0).below([], 1).length).toBe(0);
  });

  it("tells apart values closer than one part in a million, in short runs and long ones", () => {
    const close = Array.from({ length: 100 }, (_, i) => 1 + ((i * 37) % 100) * 2 ** -45);
    expect(Array.from(new Ranker(100).below(close, 1))).toEqual(bruteForce(close, 1));
    const few = [1 + 3e-15, 1 + 1e-15, 1, 1 + 1e-15];
    expect(Array.from(new Ranker(4).below(few, 1))).toEqual([3, 1, 0, 1]);
  });

  it("agrees with the definition on arbitrary doubles, reusing one ranker for several columns", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 })), {
          maxLength: 200,
        }),
        fc.constantFrom(1, -1),
        (values, sign) => {
          const ranker = new Ranker(values.length);
          for (const s of [sign, -sign])
            expect(Array.from(ranker.below(values, s))).toEqual(bruteForce(values, s));
        }
      ),
      { numRuns: 1000 }
    );
  });
});
