// The probabilistic customer models: fits (BG/NBD family, Gamma-Gamma) and the predictions that take their parameter rows.
import {
  conditionalExpectedAverageSpend,
  fitGammaGamma,
  spendRowError,
} from "../core/models/gammaGamma";
import { isValidRfmRow, rfmRowError } from "../core/models/groupedSample";
import type { ModelFit } from "../core/models/model";
import { formatFitDetails, formatModelParams } from "../core/models/parameterRow";
import { predictedClv as predictedClvOf } from "../core/models/predictiveClv";
import {
  type ModelParams,
  transactionModel,
  type TransactionModelId,
} from "../core/models/registry";
import { broadcast } from "./broadcast";
import { toExcelCell } from "./excelValues";
import {
  columnSource,
  dataUnitOf,
  flag,
  FREQUENCY,
  fittingColumns,
  isOmitted,
  MONETARY,
  RECENCY,
  spendParams,
  spreadSingleCells,
  transactionParams,
} from "./modelArguments";
import {
  cellNumberOr,
  type ColumnSource,
  numericRows,
  optionalCell,
  spill,
  spillNumericRows,
} from "./ranges";

// ── Customer models: from a transaction table to predicted CLV ─────────────────────────────────────────────────
// Fits return their parameters as one row ([name, p1…p4]) that the prediction functions take back, so a model
// fitted once in a cell drives live predictions in every row that points at it.

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood: while active, customers buy at their own Poisson rate; after each repeat purchase they may drop out. Returns one row: "BG/NBD", r, alpha, a, b, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #VALUE! with the reason if the fit does not converge (and what it means about the data).
 * @customfunction BGNBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @param {number[][]} [count] How many customers each row stands for, so a grouped table (frequency, recency, T, count) fits exactly like the customers it summarises. Default 1 per row.
 * @param {boolean} [details] TRUE to spill, below the parameter row, the standard errors ("SE"), a row "LL", log-likelihood, "AIC", …, "BIC", …, "n", customers, and the covariance matrix. Default FALSE. The block is accepted wherever a parameter row is.
 * @returns {any[][]} One row: "BG/NBD", r, alpha, a, b (with details, the block below it).
 */
export function bgNbd(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  count?: number[][],
  details?: boolean
): any[][] {
  return fitTransactions("BG/NBD", frequency, recency, T, count, details);
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood: while active, customers buy at their own Poisson rate and may drop out at any time at their own rate. Returns one row: "Pareto/NBD", r, alpha, s, beta, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #VALUE! with the reason if the fit does not converge (and what it means about the data).
 * @customfunction PARETONBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @param {number[][]} [count] How many customers each row stands for, so a grouped table (frequency, recency, T, count) fits exactly like the customers it summarises. Default 1 per row.
 * @param {boolean} [details] TRUE to spill, below the parameter row, the standard errors ("SE"), a row "LL", log-likelihood, "AIC", …, "BIC", …, "n", customers, and the covariance matrix. Default FALSE. The block is accepted wherever a parameter row is.
 * @returns {any[][]} One row: "Pareto/NBD", r, alpha, s, beta (with details, the block below it).
 */
export function paretoNbd(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  count?: number[][],
  details?: boolean
): any[][] {
  return fitTransactions("Pareto/NBD", frequency, recency, T, count, details);
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood: as BG/NBD, but customers may also drop out right after their first purchase, so one-time buyers are not all presumed active. Returns one row: "MBG/NBD", r, alpha, a, b, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #VALUE! with the reason if the fit does not converge (and what it means about the data).
 * @customfunction MBGNBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @param {number[][]} [count] How many customers each row stands for, so a grouped table (frequency, recency, T, count) fits exactly like the customers it summarises. Default 1 per row.
 * @param {boolean} [details] TRUE to spill, below the parameter row, the standard errors ("SE"), a row "LL", log-likelihood, "AIC", …, "BIC", …, "n", customers, and the covariance matrix. Default FALSE. The block is accepted wherever a parameter row is.
 * @returns {any[][]} One row: "MBG/NBD", r, alpha, a, b (with details, the block below it).
 */
export function mbgNbd(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  count?: number[][],
  details?: boolean
): any[][] {
  return fitTransactions("MBG/NBD", frequency, recency, T, count, details);
}

/**
 * Fits the Gamma-Gamma spend model (Fader & Hardie 2013) by maximum likelihood on the customers with repeat purchases (frequency > 0; the others are skipped): the value of each purchase varies around the customer's own mean, and those means vary across customers. Assumes spend does not depend on purchase frequency. Returns one row: "GG", p, q, v, for CVA.EXPECTEDSPEND and CVA.PREDICTEDCLV. #VALUE! with the reason if the fit does not converge (and what it means about the data).
 * @customfunction GAMMAGAMMA
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} monetary Mean spend of each customer's repeat purchases, > 0 where frequency > 0 (one column, same length).
 * @param {number[][]} [count] How many customers each row stands for, so a grouped table (frequency, monetary, count) fits exactly like the customers it summarises. Default 1 per row.
 * @param {boolean} [details] TRUE to spill, below the parameter row, the standard errors ("SE"), a row "LL", log-likelihood, "AIC", …, "BIC", …, "n", customers, and the covariance matrix. Default FALSE. The block is accepted wherever a parameter row is.
 * @returns {any[][]} One row: "GG", p, q, v (with details, the block below it).
 */
export function gammaGamma(
  frequency: number[][],
  monetary: number[][],
  count?: number[][],
  details?: boolean
): any[][] {
  return spill(() => {
    const withDetails = flag(details, "details");
    const [f, m, counts] = fittingColumns(
      withCount([columnSource(frequency, FREQUENCY), columnSource(monetary, MONETARY)], count),
      ([x, spend], i) => spendRowError(x[i], spend[i])
    );
    const fit = fitGammaGamma(f, m, { count: counts, details: withDetails });
    return withDetails ? formatFitDetails(fit) : [formatModelParams(fit.params).slice(0, 4)];
  });
}

// Predictions broadcast like the KPI formulas; each call's formula closes over the parameter row it was given.
const RFM_ARGS = [{ what: FREQUENCY }, { what: RECENCY }, { what: "T" }];
const HORIZON_RFM_ARGS = [{ what: "t" }, ...RFM_ARGS];
const SPEND_ARGS = [{ what: FREQUENCY }, { what: MONETARY }];

/**
 * Probability that each customer is still active ("alive") at the end of observation, given their frequency, recency and T, under a fitted BG/NBD, Pareto/NBD, MBG/NBD or BG/BB model. recency and T must be in the time unit of the data the model was fitted on. With a BG/BB row (purchases at discrete occasions) frequency, recency and T count occasions, and the result is the probability of being alive at the next occasion, T + 1 (Fader, Hardie & Shang 2010, "P(alive in 2002)"). Columns spill one result per row.
 * @customfunction PALIVE
 * @param {number[][]} frequency Repeat purchases (a value or a column).
 * @param {number[][]} recency Time from first to last purchase, in the model's time unit (a value or a column).
 * @param {number[][]} T Time from first purchase to the end of observation, in the model's time unit (a value or a column).
 * @param {any[][]} modelParams The row a model fit returned, e.g. the result of CVA.BGNBD: model name, then its four parameters.
 * @returns {any[][]} Probability between 0 and 1, per row.
 */
export function pAlive(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  modelParams: any[][]
): any[][] {
  return spill(() => {
    const params = transactionParams(modelParams);
    const model = transactionModel(params);
    return broadcast(
      {
        args: RFM_ARGS,
        compute: (v) => model.conditionalProbabilityAlive(params, v[0], v[1], v[2]),
      },
      [frequency, recency, T]
    );
  });
}

/**
 * Purchases each customer is expected to make in the next t time units, given their frequency, recency and T, under a fitted BG/NBD, Pareto/NBD, MBG/NBD or BG/BB model. UNITS: t, recency and T are all in the time unit of the data the model was fitted on: on weekly data t = 39 means 39 weeks, on daily data 39 days; with BG/BB they count occasions, t the next t occasions (a whole number). Columns spill one result per row.
 * @customfunction EXPECTEDPURCHASES
 * @param {number[][]} t Horizon, in the model's time unit (days if fitted on days, weeks if on weeks).
 * @param {number[][]} frequency Repeat purchases (a value or a column).
 * @param {number[][]} recency Time from first to last purchase, in the model's time unit (a value or a column).
 * @param {number[][]} T Time from first purchase to the end of observation, in the model's time unit (a value or a column).
 * @param {any[][]} modelParams The row a model fit returned, e.g. the result of CVA.BGNBD: model name, then its four parameters.
 * @returns {any[][]} Expected number of purchases, per row.
 */
export function expectedPurchases(
  t: number[][],
  frequency: number[][],
  recency: number[][],
  T: number[][],
  modelParams: any[][]
): any[][] {
  return spill(() => {
    const params = transactionParams(modelParams);
    const model = transactionModel(params);
    return broadcast(
      {
        args: HORIZON_RFM_ARGS,
        compute: (v) => model.conditionalExpectedPurchases(params, v[0], v[1], v[2], v[3]),
      },
      [t, frequency, recency, T]
    );
  });
}

/**
 * Expected average spend per purchase of each customer under a fitted Gamma-Gamma model: the population mean p·v/(q−1) and the customer's own mean spend, weighted by p·frequency/(p·frequency + q − 1). Customers without repeat purchases get the population mean. Columns spill one result per row.
 * @customfunction EXPECTEDSPEND
 * @param {number[][]} frequency Repeat purchases (a value or a column).
 * @param {number[][]} monetary Mean spend of the repeat purchases, 0 for customers without any (a value or a column).
 * @param {any[][]} ggParams The row CVA.GAMMAGAMMA returned: "GG", p, q, v.
 * @returns {any[][]} Expected spend per purchase, per row.
 */
export function expectedSpend(
  frequency: number[][],
  monetary: number[][],
  ggParams: any[][]
): any[][] {
  return spill(() => {
    const params = spendParams(ggParams);
    return broadcast(
      { args: SPEND_ARGS, compute: (v) => conditionalExpectedAverageSpend(params, v[0], v[1]) },
      [frequency, monetary]
    );
  });
}

/**
 * Predicted customer lifetime value over the next months: the purchases a transaction model expects month by month × the spend per purchase Gamma-Gamma expects, discounted monthly (lifetimes' customer_lifetime_value). UNITS MATTER: dataUnit must be the time unit of recency and T: "D" days (30 per month; the default, as CVA.RFMSUMMARY gives), "W" weeks (4.345 per month) or "M" months. The wrong unit silently scales CLV many times over. Columns of the same length spill one value per customer.
 * @customfunction PREDICTEDCLV
 * @param {number[][]} frequency Repeat purchases: a cell, or a column with one row per customer.
 * @param {number[][]} recency Time from first to last purchase, in dataUnit (same size as frequency, or one value for all).
 * @param {number[][]} T Time from first purchase to the end of observation, in dataUnit (same size as frequency, or one value for all).
 * @param {number[][]} monetary Mean spend of the repeat purchases (same size as frequency, or one value for all).
 * @param {any[][]} modelParams The row a transaction model fit returned, e.g. the result of CVA.BGNBD.
 * @param {any[][]} ggParams The row CVA.GAMMAGAMMA returned: "GG", p, q, v.
 * @param {number} [months] Months ahead to sum over, a whole number. Default 12.
 * @param {number} [monthlyDiscountRate] Discount rate per month, as a fraction: 0.01 (the default) is 1 % a month, about 12.7 % a year. A value above 1 is refused (12 % is 0.12).
 * @param {string} [dataUnit] THE TIME UNIT OF recency AND T: "D" days (the default), "W" weeks or "M" months.
 * @returns {any[][]} Predicted lifetime value, per customer.
 */
export function predictedClv(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  monetary: number[][],
  modelParams: any[][],
  ggParams: any[][],
  months?: number,
  monthlyDiscountRate?: number,
  dataUnit?: string
): any[][] {
  return spill(() => {
    const rows = numericRows(
      spreadSingleCells([
        columnSource(frequency, FREQUENCY),
        columnSource(recency, RECENCY),
        columnSource(T, "T"),
        columnSource(monetary, MONETARY),
      ])
    );
    const [f, r, age, m] = rows.columns;
    const values = predictedClvOf(
      transactionParams(modelParams),
      spendParams(ggParams),
      f,
      r,
      age,
      m,
      {
        months: cellNumberOr(optionalCell(months, "months"), "months", 12),
        monthlyDiscountRate: cellNumberOr(
          optionalCell(monthlyDiscountRate, "monthlyDiscountRate"),
          "monthlyDiscountRate",
          0.01
        ),
        dataUnit: dataUnitOf(dataUnit),
      }
    );
    return spillNumericRows(rows, 1, (i) => [toExcelCell(values[i])]);
  });
}

/** Fits a transaction model on every row of the three columns (and the count column, when given). */
function fitTransactions(
  model: TransactionModelId,
  frequency: unknown,
  recency: unknown,
  T: unknown,
  count: unknown,
  details: unknown
): any[][] {
  return spill(() => {
    const withDetails = flag(details, "details");
    const [f, r, age, counts] = fittingColumns(
      withCount(
        [columnSource(frequency, FREQUENCY), columnSource(recency, RECENCY), columnSource(T, "T")],
        count
      ),
      ([x, tx, t], i) => (isValidRfmRow(x[i], tx[i], t[i]) ? null : rfmRowError(x[i], tx[i], t[i]))
    );
    const fit: ModelFit<ModelParams> = transactionModel(model).fit(f, r, age, {
      count: counts,
      details: withDetails,
    });
    return withDetails ? formatFitDetails(fit) : [formatModelParams(fit.params)];
  });
}

/** The fitting columns, with the count column when one is given. */
function withCount(sources: ColumnSource[], count: unknown): ColumnSource[] {
  return isOmitted(count) ? sources : [...sources, columnSource(count, "count")];
}
