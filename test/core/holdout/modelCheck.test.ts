/**
 * "Check the model" on CDNOW_master: calibration to 1997-09-30, holdout to 1998-06-30 (days), every registered
 * transaction model. The holdout figures are checked against lifetimes' calibration_and_holdout_data
 * (test/core/models/reference/lifetimes.json) and against the models' own predictions.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { excelSerial, parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import { checkModels } from "../../../src/core/holdout/modelCheck";
import { renderMessage } from "../../../src/core/messages/render";
import { TRANSACTION_MODELS, transactionModel } from "../../../src/core/models/registry";
import { REFERENCE_DATA } from "../models/cdnowData";
import lifetimes from "../models/reference/lifetimes.json";

const t = parseCdnowMaster(readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8"));
const check = checkModels(t.customerId, t.date, t.amount, {
  calibrationEnd: excelSerial(1997, 9, 30),
  observationEnd: excelSerial(1998, 6, 30),
});

describe("checking the models on CDNOW_master", () => {
  it("scores every registered model on lifetimes' holdout: 23,570 customers, 273 days, 19,684 purchases", () => {
    expect(check.customers).toBe(lifetimes.calHoldout.customers);
    expect(check.holdoutPeriods).toBe(273);
    expect(check.actualTotal).toBe(lifetimes.calHoldout.columnSums.frequency_holdout);
    expect(check.models.map((m) => m.id)).toEqual(TRANSACTION_MODELS.map((m) => m.id));
    for (const score of check.models) {
      expect(score.error).toBeUndefined();
      const k = transactionModel(score.params!).parameterNames.length;
      expect(score.aic).toBeCloseTo(2 * k - 2 * score.logLikelihood, 8);
      expect(score.bic).toBeCloseTo(k * Math.log(23570) - 2 * score.logLikelihood, 8);
      expect(score.rmse).toBeGreaterThanOrEqual(score.mae);
      expect(score.totalErrorPercent).toBeCloseTo(
        (100 * (score.predictedTotal - 19684)) / 19684,
        10
      );
    }
  });

  it("predicts each customer's holdout purchases with the model's conditional expectation", () => {
    const byFrequency = check.byFrequency;
    expect(byFrequency.map((b) => b.frequency)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(byFrequency.reduce((sum, b) => sum + b.customers, 0)).toBe(23570);
    const actual = byFrequency.reduce((sum, b) => sum + b.actual * b.customers, 0);
    expect(actual).toBeCloseTo(19684, 6);
    check.models.forEach((score, m) => {
      const predicted = byFrequency.reduce((sum, b) => sum + b.predicted[m] * b.customers, 0);
      expect(predicted).toBeCloseTo(score.predictedTotal, 6);
    });
  });

  it("tracks cumulative repeat purchases week by week and the repeat-purchase histogram", () => {
    const last = check.tracking[check.tracking.length - 1];
    expect(last.date).toBe(excelSerial(1998, 6, 30));
    expect(check.tracking.length).toBe(78);
    check.tracking.forEach((week, w) => {
      if (w > 0) expect(week.actual).toBeGreaterThanOrEqual(check.tracking[w - 1].actual);
    });
    // Repeat purchase days in the whole period: the calibration's frequencies plus the holdout's.
    expect(last.actual).toBe(
      lifetimes.calHoldout.columnSums.frequency_cal +
        lifetimes.calHoldout.columnSums.frequency_holdout
    );
    for (const bin of check.histogram) bin.expected.forEach((e) => expect(e).toBeGreaterThan(0));
    expect(check.histogram.reduce((sum, b) => sum + b.actual, 0)).toBe(23570);
    check.models.forEach((_, m) =>
      expect(check.histogram.reduce((sum, b) => sum + b.expected[m], 0)).toBeCloseTo(23570, 6)
    );
  });

  it("names the model with the lowest error per customer, by how much, in both languages", () => {
    const ranked = [...check.models].sort((a, b) => a.mae - b.mae);
    expect(check.best).toBe(ranked[0].id);
    const margin = (100 * (ranked[1].mae - ranked[0].mae)) / ranked[1].mae;
    expect(renderMessage(check.verdict, "en-US")).toBe(
      `${ranked[0].displayName} predicts the holdout best: its error per customer (MAE ${Number(ranked[0].mae.toPrecision(3))}) is ${Number(margin.toFixed(1))} % below ${ranked[1].displayName}'s. It predicts ${Math.round(ranked[0].predictedTotal)} holdout purchases against 19684 made (${Number(ranked[0].totalErrorPercent.toFixed(1))} %).`
    );
    expect(renderMessage(check.verdict, "zh-CN")).toMatch(/^.+ 对留出期的预测最好/);
  });
});
