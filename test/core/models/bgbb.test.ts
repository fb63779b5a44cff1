import {
  bgbbExpectedPurchases,
  bgbbLogLikelihood,
  bgbbPopulationPurchases,
  bgbbProbabilityAlive,
  bgbbProbabilityOfPurchases,
  bgbbRowError,
  type BgbbParams,
  fitBgbb,
  formatBgbbParams,
  parseBgbbParams,
} from "../../../src/core/models/bgbb";
import { CvaError } from "../../../src/core/errors";
import { expectRelative, numericGradient } from "./cdnowData";
import { donations, DONATIONS } from "./retentionData";

function expectError(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CvaError);
    expect((error as CvaError).code).toBe("#VALUE!");
    expect((error as CvaError).message).toMatch(message);
    return;
  }
  throw new Error("expected a CvaError");
}

const data = donations();
const exact: BgbbParams = { model: "BG/BB", ...DONATIONS.optimum };
const parameterNames = ["alpha", "beta", "gamma", "delta"] as const;

describe("BG/BB on the donations data (Fader, Hardie & Shang 2010: 22 patterns, 11,104 donors)", () => {
  const fit = fitBgbb(data.frequency, data.recency, data.periods, data.count);

  it("reproduces the published alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, and the exact optimum", () => {
    for (const name of parameterNames) {
      expect(fit.params[name].toFixed(3)).toBe(DONATIONS.published[name].toFixed(3));
      expectRelative(fit.params[name], DONATIONS.optimum[name], 1e-7);
    }
    expect(fit.logLikelihood).toBeCloseTo(DONATIONS.optimum.logLikelihood, 7);
    expect(fit.customers).toBe(11104);
    expect(fit.distinctRows).toBe(22);
  });

  it("fits the 11,104 per-customer rows exactly like the 22 patterns with counts", () => {
    const expand = (column: number[]) => column.flatMap((v, i) => Array(data.count[i]).fill(v));
    const perCustomer = fitBgbb(expand(data.frequency), expand(data.recency), expand(data.periods));
    for (const name of parameterNames)
      expectRelative(perCustomer.params[name], fit.params[name], 1e-9);
    expect(perCustomer.distinctRows).toBe(22);
  });

  it("gives P(alive in 2002) of Table 6: 0.11, 0.59, 0.93 for (x, tₓ) = (0, 0), (2, 4), (6, 6)", () => {
    DONATIONS.histories.forEach(([x, tx], i) => {
      expect(bgbbProbabilityAlive(fit.params, x, tx, 6).toFixed(2)).toBe(
        DONATIONS.publishedPAlive[i].toFixed(2)
      );
      expectRelative(bgbbProbabilityAlive(exact, x, tx, 6), DONATIONS.pAlive[i], 1e-11);
    });
  });

  it("expects 12,884.2 donations in the next 5 years over all donors (Hardie's BG/BB workbook)", () => {
    const total = (params: BgbbParams) =>
      data.count.reduce(
        (sum, w, i) =>
          sum +
          w * bgbbExpectedPurchases(params, 5, data.frequency[i], data.recency[i], data.periods[i]),
        0
      );
    expect(total(fit.params).toFixed(1)).toBe(DONATIONS.publishedNextFiveYears.toFixed(1));
    expectRelative(total(exact), DONATIONS.nextFiveYears, 1e-11);
    DONATIONS.histories.forEach(([x, tx], i) =>
      expectRelative(
        bgbbExpectedPurchases(exact, 5, x, tx, 6),
        DONATIONS.expectedNextFive[i],
        1e-11
      )
    );
  });

  it("expects 3,454.9 donors with 0 and 1,253.1 with 6 repeat donations in 6 years (Hardie's workbook)", () => {
    const donors = (params: BgbbParams, x: number) =>
      11104 * bgbbProbabilityOfPurchases(params, x, 6);
    expect(donors(fit.params, 0).toFixed(1)).toBe(DONATIONS.publishedDonorsWithZero.toFixed(1));
    expect(donors(fit.params, 6).toFixed(1)).toBe(DONATIONS.publishedDonorsWithSix.toFixed(1));
    DONATIONS.donorsByRepeatDonations.forEach((expected, x) =>
      expectRelative(donors(exact, x), expected, 1e-11)
    );
  });

  it("has an analytic gradient that matches central differences", () => {
    const ll = bgbbLogLikelihood(data.frequency, data.recency, data.periods, data.count);
    const at = Float64Array.of(0.9, 1.3, 0.5, 3.5);
    const gradient = new Float64Array(4);
    ll(at, gradient);
    // Central differences of ℓ ≈ −3e4 carry rounding ~1e-5 absolute: 1e-6 relative is their resolution here.
    numericGradient((p) => ll(p, new Float64Array(4)), at).forEach((g, i) =>
      expectRelative(gradient[i], g, 1e-6)
    );
  });
});

describe("BG/BB predictions", () => {
  it("P(X(n) = x) sums to 1 over x and its mean is the population E[X(n)]", () => {
    for (const n of [1, 6, 25]) {
      let total = 0;
      let mean = 0;
      for (let x = 0; x <= n; x++) {
        const p = bgbbProbabilityOfPurchases(exact, x, n);
        total += p;
        mean += x * p;
      }
      expect(total).toBeCloseTo(1, 13);
      expectRelative(mean, bgbbPopulationPurchases(exact, n), 1e-12);
      expect(bgbbProbabilityOfPurchases(exact, n + 1, n)).toBe(0);
    }
  });

  it("is exact through gamma = 1, where the paper's delta/(gamma − 1) form is 0/0 (mpmath, 50 digits)", () => {
    const atOne: BgbbParams = { model: "BG/BB", alpha: 1.2, beta: 0.75, gamma: 1, delta: 2.78 };
    expectRelative(bgbbExpectedPurchases(atOne, 5, 2, 4, 6), 0.79877312977885334208, 1e-14);
    expectRelative(bgbbPopulationPurchases(atOne, 10), 2.3862476161733626406, 1e-14);
    for (const gamma of [1 - 1e-12, 1 + 1e-9]) {
      const near = { ...atOne, gamma };
      expectRelative(bgbbExpectedPurchases(near, 5, 2, 4, 6), 0.79877312977885334208, 1e-8);
    }
  });

  it("a customer who bought at every occasion is nearly surely alive; zero future occasions expect nothing", () => {
    expect(bgbbProbabilityAlive(exact, 30, 30, 30)).toBeGreaterThan(0.96);
    expect(bgbbExpectedPurchases(exact, 0, 2, 4, 6)).toBe(0);
    expect(bgbbPopulationPurchases(exact, 0)).toBe(0);
  });

  it("refuses impossible histories and horizons, saying why", () => {
    expect(bgbbRowError(2, 4, 6)).toBeNull();
    expect(bgbbRowError(0, 0, 6)).toBeNull();
    expectError(() => bgbbProbabilityAlive(exact, 3, 2, 6), /frequency 3 exceeds recency 2/);
    expectError(() => bgbbProbabilityAlive(exact, 1, 7, 6), /recency 7 exceeds periods 6/);
    expectError(() => bgbbProbabilityAlive(exact, 0, 2, 6), /without purchases recency must be 0/);
    expectError(() => bgbbProbabilityAlive(exact, 1.5, 2, 6), /frequency counts occasions/);
    expectError(() => bgbbProbabilityAlive(exact, NaN, 2, 6), /frequency must be a number/);
    expectError(() => bgbbExpectedPurchases(exact, 2.5, 2, 4, 6), /future occasions/);
    expectError(() => bgbbProbabilityOfPurchases(exact, -1, 6), /number of purchases/);
  });
});

describe("BG/BB fit input", () => {
  it("names the first bad row and refuses samples without an answer", () => {
    expectError(
      () => fitBgbb([0, 2, 3], [0, 4, 2], [6, 6, 6]),
      /^Row 3: frequency 3 exceeds recency 2/
    );
    expectError(() => fitBgbb([0, 1], [0, 1], [6, 6], [10, -1]), /^Row 2: count must be/);
    expectError(() => fitBgbb([0, 1], [0, 1], [6]), /same number of rows/);
    expectError(() => fitBgbb([1], [1], [6]), /at least 2 customers/);
    expectError(() => fitBgbb([0, 0], [0, 0], [6, 6]), /Nobody bought/);
    expectError(() => fitBgbb([0, 1], [0, 1], [1, 1]), /at least 2 occasions/);
  });
});

describe("BG/BB parameter rows", () => {
  it("round-trips ['BG/BB', alpha, beta, gamma, delta] and refuses other rows with a reason", () => {
    expect(formatBgbbParams(exact)).toEqual(["BG/BB", ...parameterNames.map((n) => exact[n])]);
    expect(parseBgbbParams(["bgbb", 1, 2, 3, 4])).toEqual({
      model: "BG/BB",
      alpha: 1,
      beta: 2,
      gamma: 3,
      delta: 4,
    });
    expectError(() => parseBgbbParams(["sBG", 1, 2]), /must start with "BG\/BB"/);
    expectError(() => parseBgbbParams(["BG/BB", 1, 2, 3, -4]), /delta must be > 0/);
    expectError(() => parseBgbbParams(["BG/BB", 1, 2, 3, 4, 5]), /4 parameters/);
  });
});
