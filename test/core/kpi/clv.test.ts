import { clv } from "../../../src/core/kpi/clv";
import { cvaErrorWith } from "../cvaErrorMatcher";

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

  it("keeps full precision for tiny rates and long lifespans (expm1/log1p annuity)", () => {
    // mpmath at 50 digits of the definition, Σ c/(1+d)^t + (L − n)·c/(1+d)^(n+1) − CAC, with each double argument
    // taken exactly (mp.mpf(1e-16)); closed form c·(1 − v^n)/d for the million-period case.
    const references: [number[], number][] = [
      [[50, 4, 10, 0, 1, 1e-16], 1999.9999999999989],
      [[50, 4, 10, 0, 1, 1e-9], 1999.999989000000044],
      [[80, 2.5, 7.25, 120, 0.35, 0.08], 253.90060962441725448],
      [[1, 1, 1_000_000, 0, 1, 1e-12], 999999.49999966666713],
      [[12, 30, 0.5, 0, 1, 0.01], 178.21782178217821779],
    ];
    for (const [[aov, f, life, cac, margin, d], reference] of references)
      expect(Math.abs(clv(aov, f, life, cac, margin, d) / reference - 1)).toBeLessThan(1e-14);
  });

  it("refuses negative or non-finite inputs, and shares or rates typed as percentages, with #VALUE!", () => {
    expect(() => clv(-1, 4, 3)).toThrow(cvaErrorWith("kpi.negative", { value: -1 }));
    expect(() => clv(50, 4, 3, 0, 40)).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "Gross margin is a share, not a percentage: for 40 % type 0.4.",
      })
    );
    expect(() => clv(50, 4, 3, 0, 1, 12)).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "Discount rate is a share, not a percentage: for 12 % type 0.12.",
      })
    );
    expect(() => clv(50, 4, 3, 0, 1, 1)).toThrow(
      cvaErrorWith("kpi.percentAsWhole", { share: 0.01 })
    );
    expect(() => clv(50, 4, 3, 0, 400)).toThrow(cvaErrorWith("kpi.fraction", { value: 400 }));
    expect(() => clv(50, 4, 3, 0, 1, 250)).toThrow(cvaErrorWith("kpi.rate", { value: 250 }));
    expect(() => clv(50, Infinity, 3)).toThrow(/finite/);
    expect(() => clv(50, 4, NaN)).toThrow(/Lifespan/);
    expect(() => clv(50, 4, 3, 0, 1, -0.1)).toThrow(/Discount rate/);
  });
});
