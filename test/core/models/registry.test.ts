import { rfmSample } from "../../../src/core/models/groupedSample";
import { formatModelParams, parseModelParams } from "../../../src/core/models/parameterRow";
import {
  MODELS,
  modelById,
  modelNamed,
  TRANSACTION_MODELS,
  transactionModel,
} from "../../../src/core/models/registry";
import { cdnowSummary, numericGradient } from "./cdnowData";

describe("the model registry", () => {
  it("lists the transaction models the pane offers: id, display name, parameter names", () => {
    expect(
      TRANSACTION_MODELS.map(({ id, displayName, parameterNames }) => ({
        id,
        displayName,
        parameterNames,
      }))
    ).toEqual([
      { id: "BG/NBD", displayName: "BG/NBD", parameterNames: ["r", "alpha", "a", "b"] },
      { id: "Pareto/NBD", displayName: "Pareto/NBD", parameterNames: ["r", "alpha", "s", "beta"] },
      { id: "MBG/NBD", displayName: "MBG/NBD", parameterNames: ["r", "alpha", "a", "b"] },
    ]);
    expect(MODELS.filter((m) => m.kind === "spend").map((m) => m.id)).toEqual(["GG"]);
    expect(MODELS.filter((m) => m.kind === "retention").map((m) => m.id)).toEqual(["sBG"]);
    // BG/BB is a transaction model of whole occasions: PALIVE and EXPECTEDPURCHASES take its row, the
    // continuous-time lists (the pane's choice, the model check) leave it out.
    expect(
      MODELS.filter((m) => m.kind === "transaction" && !TRANSACTION_MODELS.includes(m)).map(
        (m) => m.id
      )
    ).toEqual(["BG/BB"]);
  });

  it("gives every model distinct names and one unit per parameter", () => {
    const names = MODELS.flatMap((m) => [m.id.toUpperCase(), ...m.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const model of MODELS) {
      expect(model.parameterUnits).toHaveLength(model.parameterNames.length);
      expect(modelById(model.id)).toBe(model);
      expect(modelNamed(` ${model.id.toLowerCase()} `)).toBe(model);
      for (const alias of model.aliases) expect(modelNamed(alias.toLowerCase())).toBe(model);
    }
    expect(modelNamed("NBD")).toBeUndefined();
  });

  it("fits and predicts by id, and finds the model of a parameter set", () => {
    const { frequency, recency, T } = cdnowSummary();
    for (const { id } of TRANSACTION_MODELS) {
      const fit = transactionModel(id).fit(frequency, recency, T);
      expect(fit.params.model).toBe(id);
      expect(parseModelParams(formatModelParams(fit.params))).toEqual(fit.params);
      const model = transactionModel(fit.params);
      expect(model.id).toBe(id);
      const alive = model.conditionalProbabilityAlive(fit.params, 2, 30.43, 38.86);
      expect(alive).toBeGreaterThan(0);
      expect(alive).toBeLessThan(1);
      expect(model.conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86)).toBeCloseTo(
        alive * model.expectedPurchasesIfAlive(fit.params, 39, 2, 38.86),
        12
      );
    }
  });

  it.each(TRANSACTION_MODELS.map((model) => [model.id, model] as const))(
    "%s: the analytic gradient of the likelihood matches central differences",
    (_, model) => {
      const { frequency, recency, T } = cdnowSummary();
      const ll = model.logLikelihood(rfmSample(frequency, recency, T));
      const at = Float64Array.of(0.3, 5, 0.6, 2);
      const gradient = new Float64Array(4);
      ll(at, gradient);
      const numeric = numericGradient((p) => ll(p, new Float64Array(4)), at);
      numeric.forEach((g, i) => expect(Math.abs(gradient[i] - g)).toBeLessThan(1e-6 * Math.abs(g)));
    }
  );
});
