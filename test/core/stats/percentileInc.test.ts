import { percentileIncSorted } from "../../../src/core/stats/percentileInc";

describe("percentileIncSorted (Excel PERCENTILE.INC)", () => {
  it("interpolates between order statistics as Excel documents", () => {
    // Excel: =PERCENTILE.INC({1,3,2,4},0.3) → 1.9
    expect(percentileIncSorted([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    expect(percentileIncSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(percentileIncSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileIncSorted([7], 0.5)).toBe(7);
  });

  it("refuses an empty array and k outside [0, 1]", () => {
    expect(() => percentileIncSorted([], 0.5)).toThrow(RangeError);
    expect(() => percentileIncSorted([1], 1.5)).toThrow(RangeError);
  });
});
