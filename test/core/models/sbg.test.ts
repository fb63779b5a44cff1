import {
  fitSbg,
  sbg,
  sbgClv,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedResidualLifetime,
  sbgLogLikelihood,
  type SbgParams,
} from "../../../src/core/models/sbg";
import {
  checkedRetentionParams,
  formatModelParams,
  parseModelParams,
} from "../../../src/core/models/parameterRow";
import { clvRetention } from "../../../src/core/kpi/clvRetention";
import { CvaError } from "../../../src/core/errors";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expectRelative, numericGradient } from "./cdnowData";
import { countsOf, FH2007 } from "./retentionData";

const { regular, highEnd } = FH2007;

function expectError(run: () => unknown, code: string, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CvaError);
    expect((error as CvaError).code).toBe(code);
    expect((error as CvaError).message).toMatch(message);
    return;
  }
  throw new Error("expected a CvaError");
}

/** The cells after the label of a row of docs/models.md's table of projected and actual survival. */
function docsRow(label: string): string[] {
  const docs = readFileSync(resolve(__dirname, "../../../docs/models.md"), "utf8");
  const line = docs.split("\n").find((l) => l.startsWith(`| ${label} |`));
  if (line === undefined) throw new Error(`docs/models.md has no row "${label}"`);
  return line
    .split("|")
    .slice(2, -1)
    .map((cell) => cell.trim());
}

describe.each([
  ["regular", regular],
  ["high end", highEnd],
] as const)("sBG on Fader & Hardie's (2007) %s customers, years 0–7", (name, data) => {
  const fit = fitSbg([countsOf(data.calibration)]);

  it("reproduces the published alpha and beta within 1e-3, and the exact optimum within 1e-7", () => {
    expect(Math.abs(fit.params.alpha - data.published.alpha)).toBeLessThan(1e-3);
    expect(Math.abs(fit.params.beta - data.published.beta)).toBeLessThan(1e-3);
    // The fits' convergence test (docs/models.md) puts parameters well within 1e-6 of the exact optimum.
    expectRelative(fit.params.alpha, data.optimum.alpha, 1e-7);
    expectRelative(fit.params.beta, data.optimum.beta, 1e-7);
    expect(fit.logLikelihood).toBeCloseTo(data.optimum.logLikelihood, 9);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(1000);
  });

  it("reads percentages with the cohort size as the same 1,000 customers", () => {
    const fromPercentages = fitSbg([data.calibration], [FH2007.cohortSize]);
    expectRelative(fromPercentages.params.alpha, fit.params.alpha, 1e-12);
    expectRelative(fromPercentages.params.beta, fit.params.beta, 1e-12);
    const fromShares = fitSbg([data.calibration.map((p) => p / 100)], [FH2007.cohortSize]);
    expectRelative(fromShares.params.alpha, fit.params.alpha, 1e-12);
  });

  it("projects years 8–12 as mpmath does at the optimum (the holdout beside them is in docs/models.md)", () => {
    [8, 9, 10, 11, 12].forEach((t, i) =>
      expectRelative(100 * sbg.survival(fit.params, t), data.projected[i], 1e-7)
    );
  });

  it("is printed in docs/models.md: years 8–12 projected by this fit beside the paper's holdout", () => {
    const row = (label: string) => docsRow(`${name}, ${label}`);
    expect(row("projected")).toEqual(
      [8, 9, 10, 11, 12].map((t) => (100 * sbg.survival(fit.params, t)).toFixed(2))
    );
    expect(row("actual")).toEqual(data.holdout.map((p) => p.toFixed(1)));
  });

  it("gives the discounted expected (residual) lifetimes of Fader & Hardie (2010) at d = 0.1", () => {
    const exact: SbgParams = { model: "sBG", ...data.optimum };
    expectRelative(sbgDiscountedExpectedLifetime(exact, 0.1), data.del, 1e-12);
    FH2007.renewals.forEach((n, i) =>
      expectRelative(sbgDiscountedResidualLifetime(exact, 0.1, n), data.derl[i], 1e-12)
    );
  });
});

describe("sBG likelihood and fit", () => {
  it("has an analytic gradient that matches central differences", () => {
    const ll = sbgLogLikelihood([countsOf(regular.calibration), [500, 400, 330]]);
    const at = Float64Array.of(0.8, 2.5);
    const gradient = new Float64Array(2);
    ll(at, gradient);
    numericGradient((p) => ll(p, new Float64Array(2)), at).forEach((g, i) =>
      expectRelative(gradient[i], g, 1e-7)
    );
  });

  it("pools cohorts as rows of one fit: a triangle's likelihood is the sum of its rows'", () => {
    const rows = [
      countsOf(regular.calibration),
      countsOf(regular.calibration).slice(0, 6),
      countsOf(highEnd.calibration).slice(0, 4),
    ];
    const pooled = sbgLogLikelihood(rows);
    const at = Float64Array.of(0.7, 1.9);
    const gradient = new Float64Array(2);
    const sum = rows.reduce((total, row) => total + sbgLogLikelihood([row])(at, gradient), 0);
    expect(pooled(at, gradient)).toBeCloseTo(sum, 9);
    const fit = fitSbg(rows);
    expect(fit.customers).toBe(3000);
    expect(fit.distinctRows).toBe(3);
    // The same cohort twice is the same fit.
    const twice = fitSbg([countsOf(regular.calibration), countsOf(regular.calibration)]);
    expectRelative(twice.params.alpha, regular.optimum.alpha, 1e-7);
    expectRelative(twice.params.beta, regular.optimum.beta, 1e-7);
  });

  it("takes one cohort size per cohort, and skips empty rows", () => {
    const fit = fitSbg([regular.calibration, [], highEnd.calibration], [1000, 1, 2000]);
    expect(fit.customers).toBe(3000);
    expect(fit.distinctRows).toBe(2);
  });

  it("refuses rising counts, naming the cohort and period", () => {
    expectError(
      () => fitSbg([countsOf(regular.calibration), [100, 80, 85]]),
      "#VALUE!",
      /^Cohort 2, period 2: 85 customers after 80 at period 1\. Survivors cannot rise.*"retained"/
    );
    expectError(() => fitSbg([[100, 80, 85]]), "#VALUE!", /^Period 2: 85 customers/);
  });

  it("refuses data that cannot identify alpha and beta, saying why", () => {
    expectError(() => fitSbg([[100, 60]]), "#VALUE!", /at least two renewals/);
    expectError(() => fitSbg([[100, 100, 100]]), "#VALUE!", /Nobody was lost/);
    expectError(() => fitSbg([[100, 50, 0]]), "#VALUE!", /none is still active/);
    expectError(() => fitSbg([[], []]), "#N/A", /every row is blank/);
    expectError(() => fitSbg([[0, 0, 0]]), "#VALUE!", /period 0 must be a number > 0, got 0/);
    expectError(
      () => fitSbg([[100, -1, -2]]),
      "#VALUE!",
      /Period 1: customers still active must be a number ≥ 0/
    );
    expectError(() => fitSbg([[100, NaN, 20]]), "#VALUE!", /got NaN/);
    expectError(() => fitSbg([[1, 0.6, 0.5]], [0]), "#VALUE!", /cohort size must be a number > 0/);
    expectError(
      () =>
        fitSbg(
          [
            [1, 0.6, 0.5],
            [1, 0.6, 0.5],
            [1, 0.5, 0.4],
          ],
          [10, 20]
        ),
      "#VALUE!",
      /one value or one per cohort: got 2 for 3 cohorts/
    );
  });

  it("explains a fit without a finite maximum: constant retention, or nobody leaving after a while", () => {
    // Retention 0.5 every year: a homogeneous cohort, alpha and beta grow without bound.
    expectError(
      () => fitSbg([[1000, 500, 250, 125]]),
      "#VALUE!",
      /^sBG has no best fit on these data: alpha and beta grow without bound together \(alpha\/\(alpha\+beta\), the churn probability per period, stays near 0\.5\).*CVA\.CLVRETENTION/
    );
    expectError(
      () => fitSbg([[1000, 900, 900, 900]]),
      "#VALUE!",
      /alpha runs off to zero: after the first periods almost nobody leaves any more/
    );
  });
});

describe("sBG predictions", () => {
  const params: SbgParams = { model: "sBG", alpha: 0.704, beta: 1.182 };

  it("survival is the product of the retention rates, S(0) = 1", () => {
    expect(sbg.survival(params, 0)).toBe(1);
    let product = 1;
    for (let t = 1; t <= 30; t++) {
      product *= sbg.retention(params, t);
      expectRelative(sbg.survival(params, t), product, 1e-13);
    }
    expect(sbg.retention(params, 1)).toBeCloseTo(1.182 / 1.886, 15);
    expect(sbg.retention(params, 5)).toBeGreaterThan(sbg.retention(params, 4));
  });

  it("DEL counts period 0 in full, then the discounted residual lifetime of a new customer", () => {
    for (const d of [0.01, 0.1, 0.5]) {
      expectRelative(
        sbgDiscountedExpectedLifetime(params, d),
        1 + sbgDiscountedResidualLifetime(params, d, 0) / (1 + d),
        1e-13
      );
      // Directly as the series Σ S(t)/(1+d)^t.
      let series = 0;
      for (let t = 0; t < 20_000; t++) series += sbg.survival(params, t) / (1 + d) ** t;
      expectRelative(sbgDiscountedExpectedLifetime(params, d), series, 1e-10);
    }
  });

  it("without discounting: (alpha+beta−1)/(alpha−1) and (beta+n)/(alpha−1), infinite for alpha ≤ 1", () => {
    const longLived: SbgParams = { model: "sBG", alpha: 3, beta: 5 };
    expect(sbgDiscountedExpectedLifetime(longLived, 0)).toBeCloseTo(7 / 2, 14);
    expect(sbgDiscountedResidualLifetime(longLived, 0, 4)).toBeCloseTo(9 / 2, 14);
    // Against the series Σ S(t): S(t) ≈ 210/t³ here, so the tail beyond 10⁶ is ≈ 1e-10.
    let lifetime = 0;
    for (let t = 0; t < 1_000_000; t++) lifetime += sbg.survival(longLived, t);
    expectRelative(sbgDiscountedExpectedLifetime(longLived, 0), lifetime, 1e-9);
    expectError(
      () => sbgDiscountedExpectedLifetime(params, 0),
      "#VALUE!",
      /infinite when alpha ≤ 1/
    );
  });

  it("CLV: margin × DERL / (1 + d), equal to CVA.CLVRETENTION for a homogeneous cohort", () => {
    expectRelative(
      sbgClv(100, params, 0.1, 3),
      (100 * sbgDiscountedResidualLifetime(params, 0.1, 3)) / 1.1,
      1e-15
    );
    expect(sbgClv(100, params, 0.1)).toBe(sbgClv(100, params, 0.1, 0));
    for (const r of [0.5, 0.8, 0.95]) {
      // Beta(k(1−r), k·r) concentrates on the churn probability 1 − r as k grows: deviation O(1/k).
      const homogeneous: SbgParams = { model: "sBG", alpha: 1e9 * (1 - r), beta: 1e9 * r };
      expectRelative(sbgClv(100, homogeneous, 0.1), clvRetention(100, r, 0.1), 1e-7);
    }
  });

  it("refuses what has no meaning: fractional periods, negative rates and margins that are not numbers", () => {
    expectError(() => sbg.survival(params, 1.5), "#VALUE!", /t counts whole periods/);
    expectError(() => sbg.retention(params, 0), "#VALUE!", /whole number ≥ 1, got 0/);
    expectError(
      () => sbgDiscountedResidualLifetime(params, 0.1, -1),
      "#VALUE!",
      /^Renewals counts whole periods/
    );
    expectError(() => sbgDiscountedExpectedLifetime(params, -0.1), "#VALUE!", /discount rate/);
    expectError(() => sbgClv(NaN, params, 0.1), "#VALUE!", /margin must be a finite number/);
    expectError(() => sbgDiscountedExpectedLifetime(params, 1e-9), "#VALUE!", /too small/);
  });

  it("a rate invisible in 1 + d: the undiscounted value when the mean lifetime is finite (alpha > 2), else too small", () => {
    const longLived: SbgParams = { model: "sBG", alpha: 3, beta: 5 };
    for (const d of [1e-17, 1e-300, 5e-324]) {
      expect(sbgDiscountedExpectedLifetime(longLived, d)).toBe(
        sbgDiscountedExpectedLifetime(longLived, 0)
      );
      expect(sbgDiscountedResidualLifetime(longLived, d, 4)).toBe(
        sbgDiscountedResidualLifetime(longLived, 0, 4)
      );
      for (const alpha of [0.704, 1.5, 2])
        expectError(
          () => sbgDiscountedExpectedLifetime({ model: "sBG", alpha, beta: 1.182 }, d),
          "#VALUE!",
          /too small/
        );
    }
  });
});

describe("sBG parameter rows", () => {
  it("round-trips ['sBG', alpha, beta] through the registry and refuses other models' rows with a reason", () => {
    const params: SbgParams = { model: "sBG", alpha: 0.7, beta: 1.2 };
    expect(formatModelParams(params)).toEqual(["sBG", 0.7, 1.2, "", ""]);
    expect(parseModelParams(["SBG", 0.7, 1.2, null, ""])).toEqual(params);
    expect(checkedRetentionParams(parseModelParams(["sbg", 0.7, 1.2]))).toEqual(params);
    expectError(
      () => checkedRetentionParams(parseModelParams(["BG/NBD", 1, 2, 3, 4])),
      "#VALUE!",
      /^Expected the parameters of a retention model \(sBG: the row CVA\.SBG returns\) here, got BG\/NBD ones\.$/
    );
    expectError(() => parseModelParams(["sBG", 0.7, 1.2, 5]), "#VALUE!", /sBG takes 2 parameters/);
  });
});
