import { countBelow } from "../../../src/core/stats/countBelow";

describe("countBelow", () => {
  it("counts the values strictly below x", () => {
    expect(countBelow([1, 2, 2, 5], 2)).toBe(1);
    expect(countBelow([1, 2, 2, 5], 0)).toBe(0);
    expect(countBelow([1, 2, 2, 5], 9)).toBe(4);
    expect(countBelow([1, 2, 2, 5], 2.5)).toBe(3);
    expect(countBelow([], 1)).toBe(0);
  });
});
