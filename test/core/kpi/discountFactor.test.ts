import { discountFactor } from "../../../src/core/kpi/discountFactor";

describe("discountFactor", () => {
  it("is (1 + d)^(−n) for whole n", () => {
    expect(discountFactor(0.1, 0)).toBe(1);
    expect(discountFactor(0.1, 1)).toBeCloseTo(1 / 1.1, 15);
    expect(discountFactor(0.1, 2)).toBeCloseTo(1 / 1.21, 15);
    for (const n of [3, 7, 12, 60, 1000])
      expect(discountFactor(0.05, n) / 1.05 ** -n).toBeCloseTo(1, 12);
    // Beyond 2³¹ periods Math.pow takes over: (1 + 1e-9)^(−3e9) ≈ e^(−3).
    expect(discountFactor(1e-9, 3e9)).toBeCloseTo(Math.exp(-3), 5);
  });
});
