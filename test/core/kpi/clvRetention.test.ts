import { clvRetention } from "../../../src/core/kpi/clvRetention";
import { cvaErrorWith } from "../cvaErrorMatcher";

function bySumming(m: number, r: number, d: number, periods: number, cac: number): number {
  let total = 0;
  for (let t = 1; t <= periods; t++) total += m * (r / (1 + d)) ** t;
  return total - cac;
}

describe("clvRetention", () => {
  it("is m·r/(1 + d − r) − AC over an infinite horizon (Gupta & Lehmann)", () => {
    expect(clvRetention(100, 0.8, 0.1)).toBeCloseTo(800 / 3, 10);
    expect(clvRetention(100, 0.8, 0.1, Infinity, 50)).toBeCloseTo(800 / 3 - 50, 10);
    expect(clvRetention(100, 0, 0.1)).toBe(0);
  });

  it("sums the first N periods", () => {
    expect(clvRetention(100, 0.8, 0.1, 1)).toBeCloseTo(100 * (0.8 / 1.1), 12);
    expect(clvRetention(100, 0.8, 0.1, 0, 10)).toBe(-10);
    for (const [m, r, d, n, cac] of [
      [100, 0.8, 0.1, 5, 0],
      [35, 0.95, 0.01, 36, 20],
      [-10, 0.5, 0, 4, 0],
    ]) {
      expect(clvRetention(m, r, d, n, cac)).toBeCloseTo(bySumming(m, r, d, n, cac), 9);
    }
    expect(clvRetention(10, 1, 0, 12)).toBe(120);
  });

  it("refuses an unbounded value and impossible inputs", () => {
    expect(() => clvRetention(100, 1, 0)).toThrow(
      expect.objectContaining({ code: "#VALUE!", messageCode: "kpi.unbounded" })
    );
    expect(() => clvRetention(100, 1.2, 0.1)).toThrow(
      cvaErrorWith("kpi.percentAsWhole", { value: 1.2, share: 0.012 })
    );
    expect(() => clvRetention(100, 180, 0.1)).toThrow(cvaErrorWith("kpi.fraction"));
    expect(() => clvRetention(100, 0.8, 12)).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "Discount rate is a share, not a percentage: for 12 % type 0.12.",
      })
    );
    expect(() => clvRetention(100, 0.8, 0.1, 2.5)).toThrow(cvaErrorWith("kpi.periodsWhole"));
    expect(() => clvRetention(100, 0.8, 0.1, -1)).toThrow(cvaErrorWith("kpi.negative"));
    expect(() => clvRetention(NaN, 0.8, 0.1)).toThrow(cvaErrorWith("cell.notFinite"));
  });
});
