import {
  bgbb,
  bgbbLogLikelihood,
  bgbbProbabilityOfPurchases,
  bgbbRowError,
  type BgbbParams,
  fitBgbb,
} from "../../../src/core/models/bgbb";
import { formatModelParams, parseModelParams } from "../../../src/core/models/parameterRow";
import { rfmSample } from "../../../src/core/models/groupedSample";
import betaln from "@stdlib/math-base-special-betaln";
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
  const fit = fitBgbb(data.frequency, data.recency, data.periods, { count: data.count });

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
      expect(bgbb.conditionalProbabilityAlive(fit.params, x, tx, 6).toFixed(2)).toBe(
        DONATIONS.publishedPAlive[i].toFixed(2)
      );
      expectRelative(bgbb.conditionalProbabilityAlive(exact, x, tx, 6), DONATIONS.pAlive[i], 1e-11);
    });
  });

  it("expects 12,884.2 donations in the next 5 years over all donors (Hardie's BG/BB workbook)", () => {
    const total = (params: BgbbParams) =>
      data.count.reduce(
        (sum, w, i) =>
          sum +
          w *
            bgbb.conditionalExpectedPurchases(
              params,
              5,
              data.frequency[i],
              data.recency[i],
              data.periods[i]
            ),
        0
      );
    expect(total(fit.params).toFixed(1)).toBe(DONATIONS.publishedNextFiveYears.toFixed(1));
    expectRelative(total(exact), DONATIONS.nextFiveYears, 1e-11);
    DONATIONS.histories.forEach(([x, tx], i) =>
      expectRelative(
        bgbb.conditionalExpectedPurchases(exact, 5, x, tx, 6),
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

describe("BG/BB likelihood over long histories (daily occasions)", () => {
  // Customers observed for up to 400 occasions, most of them long gone: the suffix sums must keep every digit.
  const frequency: number[] = [];
  const recency: number[] = [];
  const periods: number[] = [];
  for (let i = 0; i < 600; i++) {
    const n = 20 + ((i * 37) % 380);
    const x = (i * 7) % 13 === 0 ? 0 : 1 + ((i * 11) % Math.min(60, n));
    frequency.push(x);
    recency.push(x === 0 ? 0 : x + ((i * 5) % (n - x + 1)));
    periods.push(n);
  }

  /** Eq. 5 term by term with betaln, summed directly: a reference that shares nothing with the tables and sums. */
  function directLogLikelihood(p: BgbbParams): number {
    const { alpha: a, beta: b, gamma: g, delta: d } = p;
    let ll = 0;
    frequency.forEach((x, i) => {
      const [tx, n] = [recency[i], periods[i]];
      const logs = [betaln(a + x, b + n - x) - betaln(a, b) + betaln(g, d + n) - betaln(g, d)];
      for (let m = tx; m < n; m++)
        logs.push(betaln(a + x, b + m - x) - betaln(a, b) + betaln(g + 1, d + m) - betaln(g, d));
      const max = Math.max(...logs);
      ll += max + Math.log(logs.reduce((sum, v) => sum + Math.exp(v - max), 0));
    });
    return ll;
  }

  it("equals eq. 5 summed term by term to 1e-12, through the fit's and the registry's paths", () => {
    for (const p of [
      exact,
      { ...exact, alpha: 0.3, gamma: 0.05, delta: 40 },
      { ...exact, beta: 30, gamma: 4 },
    ]) {
      const at = Float64Array.of(p.alpha, p.beta, p.gamma, p.delta);
      const reference = directLogLikelihood(p);
      expectRelative(
        bgbbLogLikelihood(frequency, recency, periods)(at, new Float64Array(4)),
        reference,
        1e-12
      );
      const viaRegistry = bgbb.logLikelihood(rfmSample(frequency, recency, periods));
      expectRelative(viaRegistry(at, new Float64Array(4)), reference, 1e-12);
    }
  });

  it("has an analytic gradient that matches central differences there too", () => {
    const ll = bgbbLogLikelihood(frequency, recency, periods);
    const at = Float64Array.of(0.7, 2.5, 0.4, 6);
    const gradient = new Float64Array(4);
    ll(at, gradient);
    numericGradient((p) => ll(p, new Float64Array(4)), at).forEach((g, i) =>
      expectRelative(gradient[i], g, 1e-6)
    );
  });

  it("refuses times that are not whole occasions on the registry's path", () => {
    expectError(
      () => bgbb.logLikelihood(rfmSample([0, 2], [0, 30.43], [38.86, 38.86])),
      /whole number/
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
      expectRelative(mean, bgbb.expectedPurchases(exact, n), 1e-12);
      expect(bgbbProbabilityOfPurchases(exact, n + 1, n)).toBe(0);
    }
  });

  it("is exact through gamma = 1, where the paper's delta/(gamma − 1) form is 0/0 (mpmath, 50 digits)", () => {
    const atOne: BgbbParams = { model: "BG/BB", alpha: 1.2, beta: 0.75, gamma: 1, delta: 2.78 };
    expectRelative(
      bgbb.conditionalExpectedPurchases(atOne, 5, 2, 4, 6),
      0.79877312977885334208,
      1e-14
    );
    expectRelative(bgbb.expectedPurchases(atOne, 10), 2.3862476161733626406, 1e-14);
    for (const gamma of [1 - 1e-12, 1 + 1e-9]) {
      const near = { ...atOne, gamma };
      expectRelative(
        bgbb.conditionalExpectedPurchases(near, 5, 2, 4, 6),
        0.79877312977885334208,
        1e-8
      );
    }
  });

  it("gives the chance of no purchase at the next occasions from its row likelihood (mpmath)", () => {
    DONATIONS.histories.forEach(([x, tx], i) => {
      const none = Math.exp(
        bgbb.rowLogLikelihood(exact, x, tx, 11) - bgbb.rowLogLikelihood(exact, x, tx, 6)
      );
      expectRelative(none, DONATIONS.noneNextFive[i], 1e-12);
      expect(none).toBeGreaterThanOrEqual(1 - bgbb.conditionalProbabilityAlive(exact, x, tx, 6));
    });
  });

  it("conditional expectation = P(alive at the next occasion) × expectation if alive then", () => {
    const alive = bgbb.conditionalProbabilityAlive(exact, 2, 4, 6);
    expectRelative(
      bgbb.conditionalExpectedPurchases(exact, 5, 2, 4, 6),
      alive * bgbb.expectedPurchasesIfAlive(exact, 5, 2, 6),
      1e-15
    );
  });

  it("a customer who bought at every occasion is nearly surely alive; zero future occasions expect nothing", () => {
    expect(bgbb.conditionalProbabilityAlive(exact, 30, 30, 30)).toBeGreaterThan(0.96);
    expect(bgbb.conditionalExpectedPurchases(exact, 0, 2, 4, 6)).toBe(0);
    expect(bgbb.expectedPurchases(exact, 0)).toBe(0);
  });

  it("refuses impossible histories and horizons, saying why", () => {
    expect(bgbbRowError(2, 4, 6)).toBeNull();
    expect(bgbbRowError(0, 0, 6)).toBeNull();
    expectError(
      () => bgbb.conditionalProbabilityAlive(exact, 3, 2, 6),
      /frequency 3 exceeds recency 2/
    );
    expectError(
      () => bgbb.conditionalProbabilityAlive(exact, 1, 7, 6),
      /recency 7 exceeds periods 6/
    );
    expectError(
      () => bgbb.conditionalProbabilityAlive(exact, 0, 2, 6),
      /without purchases recency must be 0/
    );
    expectError(
      () => bgbb.conditionalProbabilityAlive(exact, 1.5, 2, 6),
      /BG\/BB counts whole occasions: frequency must be a whole number ≥ 0, got 1.5/
    );
    expectError(
      () => bgbb.conditionalProbabilityAlive(exact, NaN, 2, 6),
      /frequency must be a number/
    );
    expectError(() => bgbb.conditionalExpectedPurchases(exact, 2.5, 2, 4, 6), /future occasions/);
    expectError(() => bgbbProbabilityOfPurchases(exact, -1, 6), /number of purchases/);
  });
});

describe("BG/BB fit input", () => {
  it("names the first bad row and refuses samples without an answer", () => {
    expectError(
      () => fitBgbb([0, 2, 3], [0, 4, 2], [6, 6, 6]),
      /^Row 3: frequency 3 exceeds recency 2/
    );
    expectError(
      () => fitBgbb([0, 1], [0, 1], [6, 6], { count: [10, -1] }),
      /^Row 2: count must be/
    );
    expectError(() => fitBgbb([0, 1], [0, 1], [6]), /same number of rows/);
    expectError(() => fitBgbb([1], [1], [6]), /at least 2 customers/);
    expectError(() => fitBgbb([0, 0], [0, 0], [6, 6]), /Nobody bought/);
    expectError(() => fitBgbb([0, 1], [0, 1], [1, 1]), /at least 2 occasions/);
  });
});

describe("BG/BB parameter rows", () => {
  it("round-trips ['BG/BB', alpha, beta, gamma, delta] through the registry", () => {
    expect(formatModelParams(exact)).toEqual(["BG/BB", ...parameterNames.map((n) => exact[n])]);
    expect(parseModelParams(["bgbb", 1, 2, 3, 4])).toEqual({
      model: "BG/BB",
      alpha: 1,
      beta: 2,
      gamma: 3,
      delta: 4,
    });
  });
});
