import {
  conditionalExpectedAverageSpend,
  fitGammaGamma,
  type GammaGammaParams,
} from "../../../src/core/models/gammaGamma";
import { cdnowSummaryWithSpend, expectRelative } from "./cdnowData";

/** The optimum by an independent SciPy Nelder–Mead on the 946 repeat customers (lifetimes' likelihood). */
const OPTIMUM = {
  p: 6.24880318,
  q: 3.74458844,
  v: 15.44774595,
  logLikelihood: -4055.9232435028584,
};

describe("Gamma-Gamma on the CDNOW repeat customers (Fader & Hardie 2013, note 025)", () => {
  const { frequency, monetary } = cdnowSummaryWithSpend();
  const fit = fitGammaGamma(frequency, monetary);

  it("reproduces the note's p = 6.25, q = 3.74, v = 15.44, LL = −4055.92", () => {
    expect([fit.params.p, fit.params.q, fit.params.v].map((x) => x.toFixed(2))).toEqual([
      "6.25",
      "3.74",
      "15.45",
    ]);
    expect(fit.logLikelihood.toFixed(2)).toBe("-4055.92");
    expect(fit.customers).toBe(946);
  });

  it("lands on the exact optimum with the gradient ~0", () => {
    for (const name of ["p", "q", "v"] as const)
      expectRelative(fit.params[name], OPTIMUM[name], 1e-6);
    expect(fit.logLikelihood).toBeCloseTo(OPTIMUM.logLikelihood, 8);
    expect(fit.gradientNorm).toBeLessThan(1e-9 * (fit.customers + Math.abs(fit.logLikelihood)));
  });

  it("gives the first ten customers' expected average spend as published (24.65, 18.91, 35.17 …)", () => {
    // The note (and lifetimes' docs: 24.658619, 18.911489, 35.171005 …) print these truncated to cents.
    const spends = frequency
      .slice(0, 10)
      .map((x, i) => conditionalExpectedAverageSpend(fit.params, x, monetary[i]));
    expect(spends.map((s) => (Math.floor(s * 100) / 100).toFixed(2))).toEqual([
      "24.65",
      "18.91",
      "35.17",
      "35.17",
      "35.17",
      "71.46",
      "18.91",
      "35.17",
      "27.28",
      "35.17",
    ]);
    expectRelative(spends[0], 24.658619, 2e-7);
  });
});

describe("conditionalExpectedAverageSpend", () => {
  const params: GammaGammaParams = { model: "GG", p: 6.25, q: 3.74, v: 15.44 };

  it("weights the population mean pv/(q−1) against the customer's own mean by px/(px+q−1)", () => {
    const population = (6.25 * 15.44) / 2.74;
    expectRelative(conditionalExpectedAverageSpend(params, 0, 0), population, 1e-15);
    const weight = (6.25 * 3) / (6.25 * 3 + 2.74);
    expectRelative(
      conditionalExpectedAverageSpend(params, 3, 40),
      (1 - weight) * population + weight * 40,
      1e-14
    );
  });

  it("refuses a repeat customer without positive spend, and q ≤ 1", () => {
    expect(() => conditionalExpectedAverageSpend(params, 2, 0)).toThrow("monetary must be > 0");
    expect(() => conditionalExpectedAverageSpend({ ...params, q: 0.9 }, 2, 10)).toThrow(
      "infinite mean spend"
    );
  });
});

describe("fitGammaGamma input errors", () => {
  it("names the row of a repeat customer with non-positive spend, or an impossible purchase count", () => {
    expect(() => fitGammaGamma([0, 2, 1], [0, 10, -5])).toThrow("Row 3: monetary must be > 0");
    expect(() => fitGammaGamma([1, 2, 1e300], [5, 10, 5])).toThrow(
      "Row 3: frequency 1e+300 is beyond any real customer's purchase count"
    );
  });

  it("needs two repeat customers, and reports identical spends as p running off, in words about spend", () => {
    expect(() => fitGammaGamma([0, 2, 0], [0, 10, 0])).toThrow(
      "at least 2 customers with repeat purchases"
    );
    const identical = () => fitGammaGamma([1, 2, 3, 1], [10, 10, 10, 10]);
    expect(identical).toThrow(
      /^Gamma-Gamma has no best fit on these data: p runs off to infinity: each customer's purchases seem to have exactly the same value/
    );
    expect(identical).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(identical).not.toThrow(/drop/);
  });
});
