import fc from "fast-check";
import { sortOrder } from "../../../src/core/stats/sortOrder";

describe("sortOrder (radix argsort)", () => {
  it("orders negatives, zeros, infinities and ties, keeping equal values in input order", () => {
    const values = [3, -0, 0, -1.5, 2, -Infinity, Infinity, 2, -2, 1e-300, -1e-300];
    const { order, sorted } = sortOrder(values);
    expect(Array.from(sorted)).toEqual([
      -Infinity,
      -2,
      -1.5,
      -1e-300,
      0,
      0,
      1e-300,
      2,
      2,
      3,
      Infinity,
    ]);
    expect(Array.from(order)).toEqual([5, 8, 3, 10, 1, 2, 9, 4, 7, 0, 6]);
    expect(sortOrder([]).order.length).toBe(0);
  });

  it("agrees with a comparison sort on arbitrary doubles", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (values) => {
        const { order, sorted } = sortOrder(values);
        const expected = values
          .map((v, i) => [v + 0, i] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(Array.from(order)).toEqual(expected.map(([, i]) => i));
        expect(Array.from(sorted)).toEqual(expected.map(([v]) => v));
      }),
      { numRuns: 500 }
    );
  });
});
