/**
 * Fits on grouped rows and the fits' details: standard errors from the observed information, covariance, AIC/BIC.
 * lifetimes 0.11.3 (BetaGeoFitter().fit on cdnow_customers_summary.csv, `summary` column "se(coef)") reports
 * r 0.01256, alpha 0.3782, a 0.1857, b 0.7053 (issue 12); ours are checked against those and, independently, against
 * a Hessian of the log-likelihood's values (not its gradient) by second differences.
 */
import { bgNbd } from "../../../src/core/models/bgnbd";
import { fitGammaGamma } from "../../../src/core/models/gammaGamma";
import { rfmSample } from "../../../src/core/models/groupedSample";
import { invertPositiveDefinite } from "../../../src/core/models/minimize";
import { TRANSACTION_MODELS } from "../../../src/core/models/registry";
import { cdnowSummary, cdnowSummaryWithSpend, expectRelative } from "./cdnowData";

/** The distinct rows of the columns with how many customers each stands for. */
function grouped(columns: number[][]) {
  const counts = new Map<string, number>();
  columns[0].forEach((_, i) => {
    const key = columns.map((c) => c[i]).join(",");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const rows = [...counts].map(([key, n]) => [...key.split(",").map(Number), n]);
  return columns
    .map((_, c) => rows.map((row) => row[c]))
    .concat([rows.map((row) => row[columns.length])]);
}

describe("grouped rows", () => {
  const { frequency, recency, T } = cdnowSummary();
  const [gf, gr, gT, count] = grouped([frequency, recency, T]);

  it.each(TRANSACTION_MODELS.map((model) => [model.id, model] as const))(
    "%s fits a grouped table exactly like the customers it summarises",
    (_, model) => {
      expect(gf.length).toBeLessThan(frequency.length);
      const perCustomer = model.fit(frequency, recency, T);
      const byGroup = model.fit(gf, gr, gT, { count });
      expect(byGroup.customers).toBe(2357);
      expectRelative(byGroup.logLikelihood, perCustomer.logLikelihood, 1e-12);
      for (const name of model.parameterNames)
        expectRelative(
          (byGroup.params as Record<string, number>)[name],
          (perCustomer.params as Record<string, number>)[name],
          1e-7
        );
    }
  );

  it("Gamma-Gamma too, and counts of 0 leave a row out", () => {
    const data = cdnowSummaryWithSpend();
    const [x, m, spendCount] = grouped([data.frequency, data.monetary]);
    const plain = fitGammaGamma(data.frequency, data.monetary);
    const byGroup = fitGammaGamma(x, m, { count: spendCount });
    expectRelative(byGroup.params.p, plain.params.p, 1e-7);
    expect(byGroup.customers).toBe(946);
    const withEmpty = bgNbd.fit([...gf, 3], [...gr, 5], [...gT, 10], { count: [...count, 0] });
    expectRelative(withEmpty.logLikelihood, bgNbd.fit(gf, gr, gT, { count }).logLikelihood, 1e-14);
  });

  it("refuses a negative or non-numeric count, naming the row", () => {
    expect(() => bgNbd.fit([1, 0], [2, 0], [3, 3], { count: [1, -2] })).toThrow(
      "Row 2: count must not be negative, got -2."
    );
    expect(() => bgNbd.fit([1, 0], [2, 0], [3, 3], { count: [1] })).toThrow(
      "frequency, recency, T and count must have the same number of rows"
    );
  });
});

describe("fit details on the 2,357 CDNOW customers", () => {
  const { frequency, recency, T } = cdnowSummary();
  const fit = bgNbd.fit(frequency, recency, T, { details: true });
  const details = fit.details!;

  it("gives lifetimes' BG/NBD standard errors: r 0.01256, alpha 0.3782, a 0.1857, b 0.7053", () => {
    expect(Array.from(details.standardErrors, (se) => Number(se.toPrecision(4)))).toEqual([
      0.01256, 0.3782, 0.1857, 0.7053,
    ]);
  });

  it("agrees with the inverse of a Hessian of the log-likelihood's values by second differences", () => {
    const ll = bgNbd.logLikelihood(rfmSample(frequency, recency, T));
    const theta = Float64Array.of(fit.params.r, fit.params.alpha, fit.params.a, fit.params.b);
    const value = (p: Float64Array) => ll(p, new Float64Array(4));
    const h = 1e-3;
    const information = new Float64Array(16);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const at = (si: number, sj: number) => {
          const p = Float64Array.from(theta);
          p[i] += si * h * theta[i];
          p[j] += sj * h * theta[j];
          return value(p);
        };
        information[i * 4 + j] =
          -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h * theta[i] * theta[j]);
      }
    const covariance = invertPositiveDefinite(information, 4)!;
    // Each entry within 1e-4 of its scale √(cᵢᵢ cⱼⱼ) (values differenced twice lose ~8 of their 16 digits).
    covariance.forEach((c, k) => {
      const scale = Math.sqrt(covariance[(k >> 2) * 5] * covariance[(k & 3) * 5]);
      expect(Math.abs(details.covariance[k] - c)).toBeLessThan(1e-4 * scale);
    });
  });

  it("reports AIC and BIC from the log-likelihood, and costs at most twice the plain fit's evaluations", () => {
    expectRelative(details.aic, 8 - 2 * fit.logLikelihood, 1e-15);
    expectRelative(details.bic, 4 * Math.log(2357) - 2 * fit.logLikelihood, 1e-15);
    expect(bgNbd.fit(frequency, recency, T).details).toBeUndefined();
  });
});
