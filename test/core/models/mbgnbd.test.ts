import { mbgNbd, type MbgNbdParams } from "../../../src/core/models/mbgnbd";
import { cdnowSummary, expectRelative } from "./cdnowData";

/** The optimum on cdnow_customers_summary.csv by an independent SciPy Nelder–Mead on lifetimes' MBG/NBD likelihood. */
const OPTIMUM = {
  r: 0.52483788,
  alpha: 6.18299097,
  a: 0.89135632,
  b: 1.61399996,
  logLikelihood: -9582.132684899902,
};

describe("MBG/NBD on the CDNOW sample", () => {
  const { frequency, recency, T } = cdnowSummary();
  const fit = mbgNbd.fit(frequency, recency, T);

  it("lands on the exact optimum with the gradient ~0", () => {
    for (const name of ["r", "alpha", "a", "b"] as const)
      expectRelative(fit.params[name], OPTIMUM[name], 1e-6);
    expect(fit.logLikelihood).toBeCloseTo(OPTIMUM.logLikelihood, 7);
    expect(fit.gradientNorm).toBeLessThan(1e-9 * (fit.customers + Math.abs(fit.logLikelihood)));
    expect(fit.params.model).toBe("MBG/NBD");
  });
});

describe("MBG/NBD predictions (BG/NBD's published parameters; mpmath references, 40 digits)", () => {
  const params: MbgNbdParams = {
    model: "MBG/NBD",
    r: 0.2425945,
    alpha: 4.4136019,
    a: 0.7929199,
    b: 2.4258881,
  };

  it.each([
    [0, 0, 0, 0.75366039229429030871, 0.98970242817885159801],
    [0, 0, 38.86, 0.63747543226461368071, 0.12729831199274321018],
    [2, 30.43, 38.86, 0.77444694788490459322, 1.3403516444768962132],
    [250, 38, 38.86, 0.67696530228992875425, 116.70772663199244813],
  ])(
    "P(alive) and E[purchases in 39 weeks] for x = %p, tₓ = %p, T = %p",
    (x, tx, T, alive, next39) => {
      expectRelative(mbgNbd.conditionalProbabilityAlive(params, x, tx, T), alive, 1e-13);
      expectRelative(mbgNbd.conditionalExpectedPurchases(params, 39, x, tx, T), next39, 1e-13);
    }
  );

  it("doubts one-time buyers, unlike BG/NBD: P(alive) at x = 0 is b/(a+b) at T = 0", () => {
    expectRelative(
      mbgNbd.conditionalProbabilityAlive(params, 0, 0, 0),
      params.b / (params.a + params.b),
      1e-15
    );
  });

  it("gives the population E[X(t)] = b/(a−1)·[1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]", () => {
    expectRelative(mbgNbd.expectedPurchases(params, 1), 0.04038808458074892459, 1e-13);
    expectRelative(mbgNbd.expectedPurchases(params, 32), 0.85814112366141071695, 1e-13);
  });
});
