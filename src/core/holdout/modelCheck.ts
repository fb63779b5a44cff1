import type { CellValue } from "../cells";
import { CvaError, cvaError, isCvaError } from "../errors";
import { type Message, phrase } from "../messages/catalogue";
import { groupRows } from "../models/groupedSample";
import {
  TRANSACTION_MODELS,
  type TransactionModelParams,
  transactionModel,
} from "../models/registry";
import { PERIOD_ANCHOR } from "../summary/rfmSummary";
import { type CalibrationHoldout, calibrationAndHoldout } from "./calibrationHoldout";

/**
 * "Check the model": fit every registered transaction model on a calibration period and hold its predictions
 * against what the customers did in the holdout period after it (the backtest lifetimes users assemble from
 * calibration_and_holdout_data and the plot_* helpers). A pure function of the transaction table and the dates.
 */
export interface ModelCheckOptions {
  /** Last date (Excel serial) of the calibration period, included. */
  calibrationEnd: number;
  /** Last date of the holdout period. Default: the latest transaction date. */
  observationEnd?: number;
  /** Days per model time unit: 1 (days, the default) or 7 (weeks). */
  periodDays?: number;
}

/** One model's fit on the calibration period and its holdout accuracy; `error` when it could not be fitted. */
export interface ModelScore {
  id: string;
  displayName: string;
  params?: TransactionModelParams;
  logLikelihood: number;
  aic: number;
  bic: number;
  /** Mean absolute and root mean square error of the holdout purchases per customer. */
  mae: number;
  rmse: number;
  /** Holdout purchases predicted, summed over customers, and the error against the actual sum, in %. */
  predictedTotal: number;
  totalErrorPercent: number;
  error?: CvaError;
}

export interface ModelCheck {
  calibrationEnd: number;
  observationEnd: number;
  periodDays: number;
  customers: number;
  /** Holdout length in model time units, and the holdout purchases the customers made. */
  holdoutPeriods: number;
  actualTotal: number;
  models: ModelScore[];
  /** Mean holdout purchases by calibration frequency 0…6 and "7+": actual, and predicted per model (models' order). */
  byFrequency: { frequency: string; customers: number; actual: number; predicted: number[] }[];
  /** Cumulative repeat purchases at each week's end (Excel serial), actual and expected per model. */
  tracking: { date: number; actual: number; expected: number[] }[];
  /** Customers by calibration repeat purchases 0…6 and "7+", actual and expected per model. */
  histogram: { repeats: string; actual: number; expected: number[] }[];
  /** Per calibration customer, in order of first appearance: id, holdout purchases made and predicted per model. */
  perCustomer: {
    customer: readonly (string | number)[];
    actual: Float64Array;
    predicted: Float64Array[];
  };
  /** The model that predicts the holdout best, and by how much: a message in the user's language. */
  verdict: Message;
  best?: string;
}

/** Calibration frequencies (and repeat-purchase counts) 0…6 get a bin each, the rest share "7+". */
const BINS = 8;
const binLabel = (k: number) => (k === BINS - 1 ? `${BINS - 1}+` : String(k));

export function checkModels(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  amounts: readonly CellValue[],
  options: ModelCheckOptions
): ModelCheck {
  const periodDays = options.periodDays ?? 1;
  const table = calibrationAndHoldout(
    customerIds,
    dates,
    amounts,
    options.calibrationEnd,
    options.observationEnd,
    periodDays
  );
  const { calibration } = table;
  const customers = calibration.customer.length;
  const frequency = Float64Array.from(calibration.frequency);
  const recency = Float64Array.from(calibration.recency);
  const T = Float64Array.from(calibration.T);
  const actual = table.frequencyHoldout;
  const actualTotal = actual.reduce((sum, x) => sum + x, 0);
  const horizon = table.durationHoldout;
  const observationEnd = calibration.asOfDate + horizon * periodDays;

  const rows = groupRows([frequency, recency, T]);
  const models: ModelScore[] = [];
  const predictions: Float64Array[] = [];
  for (const model of TRANSACTION_MODELS) {
    const score: ModelScore = {
      id: model.id,
      displayName: model.displayName,
      logLikelihood: Number.NaN,
      aic: Number.NaN,
      bic: Number.NaN,
      mae: Number.NaN,
      rmse: Number.NaN,
      predictedTotal: Number.NaN,
      totalErrorPercent: Number.NaN,
    };
    models.push(score);
    try {
      const fit = model.fit(frequency, recency, T);
      const params = fit.params as TransactionModelParams;
      const k = model.parameterNames.length;
      score.params = params;
      score.logLikelihood = fit.logLikelihood;
      score.aic = 2 * k - 2 * fit.logLikelihood;
      score.bic = k * Math.log(fit.customers) - 2 * fit.logLikelihood;
      const [x, tx, age] = rows.columns;
      const distinct = Float64Array.from({ length: rows.size }, (_, i) =>
        transactionModel(params).conditionalExpectedPurchases(params, horizon, x[i], tx[i], age[i])
      );
      const predicted = Float64Array.from(rows.groupOf, (group) => distinct[group]);
      predictions.push(predicted);
      let absolute = 0;
      let squared = 0;
      let total = 0;
      for (let i = 0; i < customers; i++) {
        const difference = predicted[i] - actual[i];
        absolute += Math.abs(difference);
        squared += difference * difference;
        total += predicted[i];
      }
      score.mae = absolute / customers;
      score.rmse = Math.sqrt(squared / customers);
      score.predictedTotal = total;
      score.totalErrorPercent = (100 * (total - actualTotal)) / actualTotal;
    } catch (error) {
      if (!isCvaError(error)) throw error;
      score.error = error;
      predictions.push(new Float64Array(customers).fill(Number.NaN));
    }
  }

  return {
    calibrationEnd: calibration.asOfDate,
    observationEnd,
    periodDays,
    customers,
    holdoutPeriods: horizon,
    actualTotal,
    models,
    perCustomer: { customer: calibration.customer, actual, predicted: predictions },
    byFrequency: byCalibrationFrequency(frequency, actual, predictions),
    tracking: tracking(customerIds, dates, table, models, periodDays, observationEnd),
    histogram: repeatHistogram(frequency, T, models),
    ...verdictOf(models, actualTotal),
  };
}

function byCalibrationFrequency(
  frequency: Float64Array,
  actual: Float64Array,
  predictions: Float64Array[]
): ModelCheck["byFrequency"] {
  const count = new Float64Array(BINS);
  const actualSum = new Float64Array(BINS);
  const predictedSum = predictions.map(() => new Float64Array(BINS));
  frequency.forEach((x, i) => {
    const bin = Math.min(x, BINS - 1);
    count[bin]++;
    actualSum[bin] += actual[i];
    predictions.forEach((predicted, m) => (predictedSum[m][bin] += predicted[i]));
  });
  return Array.from({ length: BINS }, (_, bin) => ({
    frequency: binLabel(bin),
    customers: count[bin],
    actual: count[bin] > 0 ? actualSum[bin] / count[bin] : 0,
    predicted: predictedSum.map((sums) => (count[bin] > 0 ? sums[bin] / count[bin] : 0)),
  }));
}

/**
 * Cumulative repeat purchases week by week from the first purchase to the observation end: actual (each customer's
 * distinct purchase periods after the first, at their dates) against expected, Σ over customers of the model's
 * E[X(t)] with t the customer's age in model units (lifetimes' expected_cumulative_transactions). Customers are
 * grouped by first-purchase day, so the expectation is evaluated once per (day, week).
 */
function tracking(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  table: CalibrationHoldout,
  models: ModelScore[],
  periodDays: number,
  observationEnd: number
): ModelCheck["tracking"] {
  const { calibration } = table;
  const first = calibration.firstPurchase;
  const start = Math.min(...first);
  const weekEnds: number[] = [];
  for (let day = start + 6; day < observationEnd + 7; day += 7)
    weekEnds.push(Math.min(day, observationEnd));
  const periodOf = (day: number) => Math.floor((day - PERIOD_ANCHOR) / periodDays);
  const index = new Map<string | number, number>();
  calibration.customer.forEach((id, k) => index.set(id, k));
  // Distinct (customer, period) pairs after each customer's first period, up to the observation end.
  const keys: number[] = [];
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    if (typeof date !== "number" || Math.floor(date) > observationEnd) continue;
    const k = index.get(customerIds[i] as string | number);
    if (k === undefined) continue;
    const period = periodOf(Math.floor(date));
    if (period > periodOf(first[k])) keys.push(k * 2 ** 32 + (period - periodOf(start)));
  }
  const sorted = Float64Array.from(keys).sort();
  const repeatsByWeek = new Float64Array(weekEnds.length);
  for (let j = 0; j < sorted.length; j++) {
    if (j > 0 && sorted[j] === sorted[j - 1]) continue;
    // The period's first day stands for its date: periods are days or weeks, the tracking is weekly.
    const day = (sorted[j] % 2 ** 32) * periodDays + periodOf(start) * periodDays + PERIOD_ANCHOR;
    const week = Math.max(0, Math.ceil((day - start - 6) / 7));
    repeatsByWeek[Math.min(week, weekEnds.length - 1)]++;
  }
  const births = new Map<number, number>();
  for (const day of first) births.set(day, (births.get(day) ?? 0) + 1);
  let cumulative = 0;
  return weekEnds.map((date, w) => {
    cumulative += repeatsByWeek[w];
    return {
      date,
      actual: cumulative,
      expected: models.map(({ params }) => {
        if (!params) return Number.NaN;
        const model = transactionModel(params);
        let sum = 0;
        for (const [birth, count] of births)
          if (date > birth)
            sum += count * model.expectedPurchases(params, (date - birth) / periodDays);
        return sum;
      }),
    };
  });
}

/**
 * Customers by calibration repeat purchases 0…6 and 7+, actual against expected Σᵢ P(X(Tᵢ) = k) (the analytic
 * form of lifetimes' plot_period_transactions), one term per distinct T.
 */
function repeatHistogram(
  frequency: Float64Array,
  T: Float64Array,
  models: ModelScore[]
): ModelCheck["histogram"] {
  const actual = new Float64Array(BINS);
  frequency.forEach((x) => actual[Math.min(x, BINS - 1)]++);
  const ages = new Map<number, number>();
  T.forEach((age) => ages.set(age, (ages.get(age) ?? 0) + 1));
  const expected = models.map(({ params }) => {
    const bins = new Float64Array(BINS);
    if (!params) return bins.fill(Number.NaN);
    const model = transactionModel(params);
    for (const [age, count] of ages) {
      let below = 0;
      for (let k = 0; k < BINS - 1; k++) {
        const p = model.probabilityOfPurchases(params, k, age);
        bins[k] += count * p;
        below += p;
      }
      bins[BINS - 1] += count * Math.max(0, 1 - below);
    }
    return bins;
  });
  return Array.from({ length: BINS }, (_, k) => ({
    repeats: binLabel(k),
    actual: actual[k],
    expected: expected.map((bins) => bins[k]),
  }));
}

/** The model with the lowest holdout MAE per customer, and its margin over the next best. */
function verdictOf(models: ModelScore[], actualTotal: number): { verdict: Message; best?: string } {
  const ranked = models.filter((m) => !m.error).sort((a, b) => a.mae - b.mae);
  if (ranked.length === 0) throw cvaError("model.checkNoFit");
  const [best, next] = ranked;
  const common = {
    best: best.displayName,
    mae: Number(best.mae.toPrecision(3)),
    predicted: Math.round(best.predictedTotal),
    actual: actualTotal,
    error: Number(best.totalErrorPercent.toFixed(1)),
  };
  return {
    best: best.id,
    verdict: next
      ? phrase("model.verdict", {
          ...common,
          runnerUp: next.displayName,
          margin: Number(((100 * (next.mae - best.mae)) / next.mae).toFixed(1)),
        })
      : phrase("model.verdictOnly", common),
  };
}
