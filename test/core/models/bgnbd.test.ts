import { bgNbd, type BgNbdParams } from "../../../src/core/models/bgnbd";
import { CvaError } from "../../../src/core/errors";
import { cdnowSummary, expectRelative } from "./cdnowData";

/** Fader, Hardie & Lee's (2005) estimate to 7 digits, as given in the data README. */
const PUBLISHED: BgNbdParams = {
  model: "BG/NBD",
  r: 0.2425945,
  alpha: 4.4136019,
  a: 0.7929199,
  b: 2.4258881,
};
/** The exact optimum on cdnow_customers_summary.csv, by an independent SciPy Nelder–Mead at xatol 1e-13. */
const OPTIMUM = {
  r: 0.2425929,
  alpha: 4.41353141,
  a: 0.79288618,
  b: 2.42575355,
  logLikelihood: -9582.42556056736,
};

describe("BG/NBD on the CDNOW sample", () => {
  const { frequency, recency, T } = cdnowSummary();
  const fit = bgNbd.fit(frequency, recency, T);

  it("reproduces the paper's estimates to their printed digits (0.243, 4.414, 0.793, 2.426; LL −9582.4)", () => {
    expect(fit.params.r.toFixed(3)).toBe("0.243");
    expect(fit.params.alpha.toFixed(3)).toBe("4.414");
    expect(fit.params.a.toFixed(3)).toBe("0.793");
    expect(fit.params.b.toFixed(3)).toBe("2.426");
    expect(fit.logLikelihood.toFixed(1)).toBe("-9582.4");
  });

  it("lands on the exact optimum: within 1e-6 of it, 1e-4 of the 7-digit published values, gradient ~0", () => {
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expectRelative(fit.params[name], OPTIMUM[name], 1e-6);
      expectRelative(fit.params[name], PUBLISHED[name], 1e-4);
    }
    expect(fit.logLikelihood).toBeCloseTo(OPTIMUM.logLikelihood, 8);
    expect(fit.converged).toBe(true);
    expect(fit.gradientNorm).toBeLessThan(1e-9 * (fit.customers + Math.abs(fit.logLikelihood)));
    expect(fit.customers).toBe(2357);
    expect(fit.distinctRows).toBe(1016);
  });
});

describe("BG/NBD predictions (published parameters; references by mpmath at 40 digits)", () => {
  it("expects 1.226 purchases in 39 weeks from x = 2, tₓ = 30.43, T = 38.86", () => {
    const expected = bgNbd.conditionalExpectedPurchases(PUBLISHED, 39, 2, 30.43, 38.86);
    expect(expected.toFixed(3)).toBe("1.226");
    expectRelative(expected, 1.2259057045100396496, 1e-13);
  });

  it("gives the population E[X(t)] at 1, 3, 32 and 78 weeks", () => {
    const reference = [
      0.053184281689749111349, 0.15063078397773560036, 1.0437308814404468902, 1.8579560091180785677,
    ];
    [1, 3, 32, 78].forEach((t, i) =>
      expectRelative(bgNbd.expectedPurchases(PUBLISHED, t), reference[i], 1e-13)
    );
    // The README's rounded figures; at t = 78 it prints 1.8576, but the formula gives 1.85796 (see docs/models.md).
    expect([1, 3, 32].map((t) => bgNbd.expectedPurchases(PUBLISHED, t).toFixed(4))).toEqual([
      "0.0532",
      "0.1506",
      "1.0437",
    ]);
  });

  it.each([
    [250, 5, 38.86, 5.2925557537560959102e-164, 1.1377374953319272402e-161],
    [250, 38, 38.86, 0.67609664601384548158, 145.3400852871881203],
    [7, 35.5, 38.86, 0.85544413002428870064, 5.5968827550786883704],
    [0, 0, 38.86, 1, 0.25166714904326344084],
  ])("keeps full precision for x = %p, tₓ = %p, T = %p", (x, tx, age, alive, next52) => {
    expectRelative(bgNbd.conditionalProbabilityAlive(PUBLISHED, x, tx, age), alive, 1e-12);
    expectRelative(bgNbd.conditionalExpectedPurchases(PUBLISHED, 52, x, tx, age), next52, 1e-12);
  });

  it("refuses an invalid row or horizon with that row's error", () => {
    expect(() => bgNbd.conditionalProbabilityAlive(PUBLISHED, 2, 40, 38.86)).toThrow(CvaError);
    expect(() => bgNbd.conditionalExpectedPurchases(PUBLISHED, -1, 2, 30, 38.86)).toThrow(
      "must not be negative"
    );
  });

  it("refuses a horizon too far beyond the time scale to sum, with #NUM! for that row", () => {
    for (const t of [1e6, 1e308]) {
      expect(() => bgNbd.conditionalExpectedPurchases(PUBLISHED, t, 0, 0, 0)).toThrow(
        `The horizon ${t} is too long for this model to value`
      );
    }
  });
});

describe("BG/NBD fit failures", () => {
  it("throws #VALUE! saying which parameter runs off and what it means when nobody ever drops out", () => {
    // Every customer bought right up to the end of observation: no evidence of drop-out at all.
    const frequency = Array.from({ length: 200 }, (_, i) => 1 + (i % 5));
    const T = Array.from({ length: 200 }, (_, i) => 20 + (i % 20));
    const fit = () => bgNbd.fit(frequency, T, T);
    expect(fit).toThrow(
      /^BG\/NBD has no best fit on these data: .*a runs off to zero: .*nobody seems to drop out/
    );
    expect(fit).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});
