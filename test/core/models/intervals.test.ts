/**
 * Prediction intervals from parameter uncertainty, checked by simulation: data generated from known BG/NBD
 * parameters, fitted with details, and the 80 % interval of a customer's expected purchases compared with the value
 * the true parameters give, over 200 replications.
 */
import { isCvaError } from "../../../src/core/errors";
import { bgNbd, type BgNbdParams } from "../../../src/core/models/bgnbd";
import { type GammaGammaParams } from "../../../src/core/models/gammaGamma";
import {
  clvIntervals,
  intervals,
  parameterDraws,
  standardNormals,
} from "../../../src/core/models/intervals";
import { predictedClv } from "../../../src/core/models/predictiveClv";

/** Seeded uniforms (mulberry32), Gamma(shape, 1) by Marsaglia & Tsang (2000), Beta from two Gammas. */
function sampler(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = standardNormals(seed ^ 0x5bd1e995);
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = Math.pow(1 + c * z, 3);
      if (v <= 0) continue;
      if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    uniform,
    gamma,
    beta: (a: number, b: number) => {
      const x = gamma(a);
      return x / (x + gamma(b));
    },
  };
}

/** BG/NBD customers: Poisson purchases at λ ~ Gamma(r, α); after each repeat purchase, gone with probability p. */
function simulate(params: BgNbdParams, customers: number, seed: number) {
  const { uniform, gamma, beta } = sampler(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < customers; i++) {
    const age = 30 + 9 * uniform();
    const rate = gamma(params.r) / params.alpha;
    const p = beta(params.a, params.b);
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(uniform()) / rate;
      if (time > age) break;
      x++;
      last = time;
      if (uniform() < p) break;
    }
    frequency.push(x);
    recency.push(last);
    T.push(age);
  }
  return { frequency, recency, T };
}

describe("intervals from parameter uncertainty", () => {
  const truth: BgNbdParams = { model: "BG/NBD", r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  const customer = [2, 30, 39] as const;
  const expected = (params: BgNbdParams) =>
    bgNbd.conditionalExpectedPurchases(params, 39, ...customer);

  it("holds the true expected purchases in 75–85 % of 200 replications at the 80 % level", () => {
    let covered = 0;
    for (let replication = 0; replication < 200; replication++) {
      const data = simulate(truth, 1000, 1 + replication);
      const fit = bgNbd.fit(data.frequency, data.recency, data.T, { details: true });
      const draws = parameterDraws(
        { params: fit.params, covariance: fit.details!.covariance },
        200,
        7919 * (replication + 1)
      ) as BgNbdParams[];
      const [interval] = intervals(200, 0.8, (d) => [expected(draws[d])]);
      const [low, , high] = interval as readonly number[];
      if (low <= expected(truth) && expected(truth) <= high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(150);
    expect(covered).toBeLessThanOrEqual(170);
  });

  it("is the same on every recalculation (seeded), and refuses a level outside (0, 1)", () => {
    const block = {
      params: truth,
      covariance: Float64Array.from([1e-4, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.04]),
    };
    const once = parameterDraws(block, 50);
    expect(parameterDraws(block, 50)).toEqual(once);
    expect(() => intervals(10, 1.2, () => [1])).toThrow(/between 0 and 1/);
    expect(() => parameterDraws({ params: truth }, 10)).toThrow(/details block/);
  });
});

describe("CLV intervals over distinct histories", () => {
  const purchases = {
    params: { model: "BG/NBD", r: 0.25, alpha: 4, a: 0.8, b: 2.5 } as BgNbdParams,
    covariance: Float64Array.from([1e-4, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.04]),
  };
  const spend = {
    params: { model: "GG", p: 6, q: 4, v: 15 } as GammaGammaParams,
    covariance: Float64Array.from([0.2, 0, 0, 0, 0.05, 0, 0, 0, 4]),
  };
  // Repeated histories, one-time buyers with different (ignored) monetary values, and a bad row.
  const frequency = [0, 0, 2, 2, 2, 5, 0, 1, 3];
  const recency = [0, 0, 30, 30, 30, 35, 0, 10, 40];
  const T = [39, 39, 39, 39, 39, 38, 20, 25, 39];
  const monetary = [0, 12, 20, 20, 25, 18, 0, 40, 30];

  it("gives each customer the interval of predictedClv over the same draws", () => {
    const options = { months: 6, dataUnit: "W" } as const;
    const [tx, gg] = [purchases, spend].map((block) => parameterDraws(block, 50));
    const perDraw = intervals(50, 0.8, (d) =>
      predictedClv(
        tx[d] as BgNbdParams,
        gg[d] as GammaGammaParams,
        frequency,
        recency,
        T,
        monetary,
        options
      )
    );
    const grouped = clvIntervals(
      purchases,
      spend,
      frequency,
      recency,
      T,
      monetary,
      options,
      0.8,
      50
    );
    expect(grouped.slice(0, 8)).toEqual(perDraw.slice(0, 8));
    expect(isCvaError(grouped[8])).toBe(true);
    expect(grouped[8]).toEqual(perDraw[8]);
    expect(grouped[0]).toEqual(grouped[1]);
    expect(grouped[2]).toEqual(grouped[3]);
    expect(grouped[4]).not.toEqual(grouped[3]);
  });
});

describe("CLV intervals over long horizons", () => {
  const purchases = {
    params: { model: "BG/NBD", r: 0.25, alpha: 4, a: 0.8, b: 2.5 } as BgNbdParams,
    covariance: Float64Array.from([1e-4, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 0.04]),
  };
  const spend = {
    params: { model: "GG", p: 6, q: 4, v: 15 } as GammaGammaParams,
    covariance: Float64Array.from([0.2, 0, 0, 0, 0.05, 0, 0, 0, 4]),
  };
  const options = { months: 120, dataUnit: "W" } as const;

  it("values 120 months for a customer observed 39 weeks, and refuses them for one observed an hour", () => {
    // Over 120 months (522 weeks) the series of a customer observed for 0.006 weeks needs ~37·(4 + 522)/4 terms at
    // every month of every draw, beyond the work bound; the customer observed 39 weeks needs ~450.
    const both = clvIntervals(
      purchases,
      spend,
      [2, 0],
      [30, 0],
      [39, 0.006],
      [20, 0],
      options,
      0.8
    );
    const alone = clvIntervals(purchases, spend, [2], [30], [39], [20], options, 0.8);
    expect(both[0]).toEqual(alone[0]);
    const [low, median, high] = both[0] as readonly number[];
    expect(0 < low && low < median && median < high).toBe(true);
    expect(both[1]).toMatchObject({ code: "#VALUE!", messageCode: "model.horizonsTooCostly" });
    expect((both[1] as Error).message).toMatch(/^An interval over 120 months is too costly/);
  });
});
