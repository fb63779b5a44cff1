import { CvaError } from "../../../src/core/errors";
import { clv } from "../../../src/core/kpi/clv";

/** The definition summed term by term, as a user would in a spreadsheet column. */
function clvBySumming(
  aov: number,
  frequency: number,
  lifespan: number,
  cac: number,
  margin: number,
  d: number
): number {
  const cash = aov * frequency * margin;
  const whole = Math.floor(lifespan);
  let total = 0;
  for (let t = 1; t <= whole; t++) total += cash / (1 + d) ** t;
  return total + ((lifespan - whole) * cash) / (1 + d) ** (whole + 1) - cac;
}

describe("clv", () => {
  it("is the seed formula (AOV × frequency) × lifespan − CAC without margin or discounting", () => {
    expect(clv(50, 4, 3, 100)).toBe(500);
    expect(clv(50, 4, 3)).toBe(600);
    expect(clv(50, 4, 2.5, 0, 0.4)).toBeCloseTo(200, 12);
  });

  it("discounts each period, the partial last one as a whole period", () => {
    // 3 periods of 100 at 10 %: 100/1.1 + 100/1.21 + 100/1.331 = 248.6852…
    expect(clv(100, 1, 3, 0, 1, 0.1)).toBeCloseTo(248.68519909842224, 10);
    for (const [aov, f, life, cac, margin, d] of [
      [80, 2.5, 7.25, 120, 0.35, 0.08],
      [12, 30, 0.5, 0, 1, 0.01],
      [200, 1, 40, 500, 0.6, 0.2],
    ]) {
      expect(clv(aov, f, life, cac, margin, d)).toBeCloseTo(
        clvBySumming(aov, f, life, cac, margin, d),
        9
      );
    }
  });

  it("refuses negative or non-finite inputs and margins above 1 with #NUM!", () => {
    expect(() => clv(-1, 4, 3)).toThrow(CvaError);
    expect(() => clv(50, 4, 3, 0, 40)).toThrow(/between 0 and 1/);
    expect(() => clv(50, Infinity, 3)).toThrow(/finite/);
    expect(() => clv(50, 4, NaN)).toThrow(/Lifespan/);
    expect(() => clv(50, 4, 3, 0, 1, -0.1)).toThrow(/Discount rate/);
    try {
      clv(50, 4, 3, -5);
    } catch (error) {
      expect((error as CvaError).code).toBe("#NUM!");
    }
  });
});
