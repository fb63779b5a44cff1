import { hyp2f1Increment, unitHyp2f1 } from "../../../src/core/models/hyp2f1";
import { expectRelative } from "./cdnowData";

describe("hyp2f1Increment: (2F1(a, b; c; z) − 1)/b", () => {
  it("matches closed forms, at b = 0 too", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.999]) {
      // 2F1(1, 1; 2; z) = −ln(1 − z)/z and 2F1(a, b; b; z) = (1 − z)^−a
      expectRelative(hyp2f1Increment(1, 1, 2, z) + 1, z === 0 ? 1 : -Math.log1p(-z) / z, 1e-14);
      expectRelative(1 + 1.3 * hyp2f1Increment(2.7, 1.3, 1.3, z), Math.pow(1 - z, -2.7), 1e-13);
    }
    // ∂2F1(1, b; 2; ½)/∂b at b = 0 = Σ ½ⁿ/(n(n+1)) = 1 − ln 2
    expectRelative(hyp2f1Increment(1, 0, 2, 0.5), 1 - Math.LN2, 1e-15);
  });

  // Reference values of 2F1: mpmath 1.3 hyp2f1 at 40 digits.
  it.each([
    [1, 1, 2, 0.5, 1.3862943611198906188],
    [2.5, 3.5, 1.5, 0.9, 69570.108523704415755],
    [-2.5, 1.25, 3.75, 0.3, 0.7758727609863329743],
    [3.0, -4.0, 2.5, 0.7, -0.019539393939393941203],
    [60.5, 0.6, 61.5, 0.99, 10.192608932709237887],
    [1, 300.55, 301.16, 0.5, 1.9959703985216981789],
    // BG/NBD-sized arguments for a customer with 250 purchases, before and after Euler's transformation
    [250.2425, 252.4259, 252.2188, 0.6, 4.6077801042283456594e99],
    [1.9762, -0.2071, 252.2188, 0.95, 0.99845156633692654717],
  ])("2F1(%p, %p; %p; %p) = %p", (a, b, c, z, expected) => {
    expectRelative(1 + b * hyp2f1Increment(a, b, c, z), expected, 1e-12);
  });

  it("refuses z outside [0, 1) and c a non-positive integer", () => {
    expect(() => hyp2f1Increment(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1Increment(1, 1, 2, -0.5)).toThrow(RangeError);
    expect(() => hyp2f1Increment(1, 1, 2, Number.NaN)).toThrow(RangeError);
    expect(() => hyp2f1Increment(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});

describe("unitHyp2f1: 2F1(1, d; c; z) with its derivatives", () => {
  // mpmath: value and ∂/∂d, ∂/∂c, ∂/∂z by mp.diff at 40 digits.
  it.each([
    [
      2.5533, 3.7595, 0.0935, 1.0682890684771951676, 0.028176038013634797107,
      -0.019236296722532549686, 0.78568340099794814256,
    ],
    [
      250.55, 251.76, 0.4, 1.6613573519503110304, 0.0043739761207286879109,
      -0.0043530084392426293664, 2.7469343225008345199,
    ],
    [
      1.6062, 252.16, 0.9, 1.0057865937018432735, 0.0036234994366952559883,
      -0.000023163394631875132483, 0.006490110761712846997,
    ],
  ])("d = %p, c = %p, z = %p", (d, c, z, value, dd, dc, dz) => {
    const gradient = new Float64Array(3);
    expectRelative(unitHyp2f1(d, c, z, gradient), value, 1e-14);
    expectRelative(gradient[0], dd, 1e-12);
    expectRelative(gradient[1], dc, 1e-12);
    expectRelative(gradient[2], dz, 1e-12);
    expect(unitHyp2f1(d, c, z)).toBe(unitHyp2f1(d, c, z, new Float64Array(3)));
  });

  it("is 1 with derivative d/c in z at z = 0, and agrees with the general series", () => {
    const gradient = new Float64Array(3);
    expect(unitHyp2f1(3, 5, 0, gradient)).toBe(1);
    expect(Array.from(gradient)).toEqual([0, 0, 3 / 5]);
    expectRelative(
      unitHyp2f1(40.5, 41.7, 0.8),
      1 + 40.5 * hyp2f1Increment(1, 40.5, 41.7, 0.8),
      1e-13
    );
  });

  it("returns NaN instead of summing forever when z is too close to 1", () => {
    expect(unitHyp2f1(0.5, 1.5, 1 - 1e-9)).toBeNaN();
  });

  it("returns NaN beyond a given number of terms, and the same value within them", () => {
    // At z = 0.999 the series needs ~37/(1 − z) ≈ 37,000 terms (fewer without the gradient's stricter tail test).
    const gradient = new Float64Array(3);
    const full = unitHyp2f1(2.09, 8.98, 0.999, gradient);
    expect(Number.isFinite(full)).toBe(true);
    expect(unitHyp2f1(2.09, 8.98, 0.999, new Float64Array(3), 5_000)).toBeNaN();
    expect(unitHyp2f1(2.09, 8.98, 0.999, new Float64Array(3), 100_000)).toBe(full);
  });
});
