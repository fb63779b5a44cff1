// What the fitted models say about purchase counts and their uncertainty: probabilities of n purchases and of none,
// frequency × recency grids for heat maps, and prediction intervals from a fit's details block.
import { cvaError } from "../core/errors";
import { clvIntervals, expectedPurchasesIntervals } from "../core/models/intervals";
import { frequencyRecencyGrid, probabilityNoPurchase } from "../core/models/predictions";
import { transactionModel } from "../core/models/registry";
import { broadcast } from "./broadcast";
import { toExcelCell } from "./excelValues";
import {
  columnSource,
  dataUnitOf,
  FREQUENCY,
  modelBlock,
  MONETARY,
  RECENCY,
  spreadSingleCells,
  transactionParams,
} from "./modelArguments";
import {
  cellNumber,
  cellNumberOr,
  numericRows,
  optionalCell,
  spill,
  spillNumericRows,
} from "./ranges";

/** Beyond this many purchases the probability is a sum of as many terms, and no customer makes them. */
const MAX_PURCHASE_COUNT = 1_000_000;

const RFM_ARGS = [{ what: FREQUENCY }, { what: RECENCY }, { what: "T" }];

/**
 * Probability that a new customer makes exactly n repeat purchases in their first t time units, under a fitted BG/NBD, Pareto/NBD, MBG/NBD or BG/BB model (lifetimes' probability_of_n_purchases_up_to_time). t is in the model's time unit; with BG/BB, t counts occasions (a whole number). n and t may be columns: one result per row.
 * @customfunction PNPURCHASES
 * @param {number[][]} n Number of repeat purchases, a whole number from 0 to 1,000,000 (a value or a column).
 * @param {number[][]} t Time span from the first purchase, in the model's time unit (a value or a column).
 * @param {any[][]} modelParams The row (or details block) a model fit returned, e.g. the result of CVA.BGNBD.
 * @returns {any[][]} Probability between 0 and 1, per row.
 */
export function pnPurchases(n: number[][], t: number[][], modelParams: any[][]): any[][] {
  return spill(() => {
    const params = transactionParams(modelParams);
    const model = transactionModel(params);
    return broadcast(
      {
        args: [{ what: "n" }, { what: "t" }],
        compute: ([count, horizon]) => {
          if (!(Number.isInteger(count) && count >= 0 && count <= MAX_PURCHASE_COUNT))
            throw cvaError("model.purchaseCount", { value: count });
          return model.probabilityOfPurchases(params, count, checkedHorizon(horizon));
        },
      },
      [n, t]
    );
  });
}

/**
 * Probability that each customer makes no purchase in the next t time units, given their frequency, recency and T: 1 − P(alive) + P(alive) × P(no purchase while alive). The churn-like figure marketers ask for. t, recency and T are in the model's time unit. Columns spill one result per row.
 * @customfunction PNOPURCHASE
 * @param {number[][]} t Horizon, in the model's time unit (a value or a column).
 * @param {number[][]} frequency Repeat purchases (a value or a column).
 * @param {number[][]} recency Time from first to last purchase, in the model's time unit (a value or a column).
 * @param {number[][]} T Time from first purchase to the end of observation, in the model's time unit (a value or a column).
 * @param {any[][]} modelParams The row (or details block) a model fit returned, e.g. the result of CVA.BGNBD.
 * @returns {any[][]} Probability between 0 and 1, per row.
 */
export function pNoPurchase(
  t: number[][],
  frequency: number[][],
  recency: number[][],
  T: number[][],
  modelParams: any[][]
): any[][] {
  return spill(() => {
    const params = transactionParams(modelParams);
    return broadcast(
      {
        args: [{ what: "t" }, ...RFM_ARGS],
        compute: (v) => probabilityNoPurchase(params, v[0], v[1], v[2], v[3]),
      },
      [t, frequency, recency, T]
    );
  });
}

/**
 * A frequency × recency grid of P(alive) for customers observed for T time units: a header row of recencies 0…maxRecency, then one row per frequency 0…maxFrequency. Cells no customer can have are blank. Apply a colour scale to turn it into a heat map (lifetimes' probability-alive matrix).
 * @customfunction PALIVEMATRIX
 * @param {any[][]} modelParams The row (or details block) a model fit returned, e.g. the result of CVA.BGNBD.
 * @param {number} T Time from first purchase to the end of observation, in the model's time unit.
 * @param {number} [maxFrequency] The largest frequency (row). Default 20.
 * @param {number} [maxRecency] The largest recency (column), a whole number. Default T rounded down.
 * @returns {any[][]} The grid with its header row and column.
 */
export function pAliveMatrix(
  modelParams: any[][],
  T: number,
  maxFrequency?: number,
  maxRecency?: number
): any[][] {
  return spill(() => {
    const params = transactionParams(modelParams);
    const model = transactionModel(params);
    const age = cellNumber(T, "T");
    return grid(age, maxFrequency, maxRecency, (x, tx) =>
      model.conditionalProbabilityAlive(params, x, tx, age)
    );
  });
}

/**
 * A frequency × recency grid of the purchases expected in the next t time units by customers observed for T: a header row of recencies 0…maxRecency, then one row per frequency 0…maxFrequency. Cells no customer can have are blank. Apply a colour scale to turn it into a heat map (lifetimes' frequency-recency matrix).
 * @customfunction PURCHASESMATRIX
 * @param {number} t Horizon, in the model's time unit.
 * @param {any[][]} modelParams The row (or details block) a model fit returned, e.g. the result of CVA.BGNBD.
 * @param {number} T Time from first purchase to the end of observation, in the model's time unit.
 * @param {number} [maxFrequency] The largest frequency (row). Default 20.
 * @param {number} [maxRecency] The largest recency (column), a whole number. Default T rounded down.
 * @returns {any[][]} The grid with its header row and column.
 */
export function purchasesMatrix(
  t: number,
  modelParams: any[][],
  T: number,
  maxFrequency?: number,
  maxRecency?: number
): any[][] {
  return spill(() => {
    const horizon = checkedHorizon(cellNumber(t, "t"));
    const params = transactionParams(modelParams);
    const model = transactionModel(params);
    const age = cellNumber(T, "T");
    return grid(age, maxFrequency, maxRecency, (x, tx) =>
      model.conditionalExpectedPurchases(params, horizon, x, tx, age)
    );
  });
}

/**
 * Interval of each customer's predicted CLV from the uncertainty of the fitted parameters: 200 seeded draws from the fits' asymptotic normal distribution (of the log-parameters), each valued as CVA.PREDICTEDCLV does; spills low, median and high per customer. Needs the fits' details blocks (fits with details TRUE).
 * @customfunction CLVINTERVAL
 * @param {number[][]} frequency Repeat purchases: a cell, or a column with one row per customer.
 * @param {number[][]} recency Time from first to last purchase, in dataUnit (same size as frequency, or one value for all).
 * @param {number[][]} T Time from first purchase to the end of observation, in dataUnit (same size as frequency, or one value for all).
 * @param {number[][]} monetary Mean spend of the repeat purchases (same size as frequency, or one value for all).
 * @param {any[][]} details The details block of a transaction model fit, e.g. =CVA.BGNBD(…, , TRUE).
 * @param {any[][]} ggDetails The details block of CVA.GAMMAGAMMA(…, , TRUE).
 * @param {number} [level] Share of the draws inside the interval. Default 0.8 (the 10th to the 90th percentile).
 * @param {number} [months] Months ahead to sum over, a whole number. Default 12.
 * @param {number} [monthlyDiscountRate] Discount rate per month, as a fraction. Default 0.01.
 * @param {string} [dataUnit] THE TIME UNIT OF recency AND T: "D" days (the default), "W" weeks or "M" months.
 * @returns {any[][]} Low, median and high predicted CLV, per customer.
 */
export function clvInterval(
  frequency: number[][],
  recency: number[][],
  T: number[][],
  monetary: number[][],
  details: any[][],
  ggDetails: any[][],
  level?: number,
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
    const values = clvIntervals(
      modelBlock(details, "details"),
      modelBlock(ggDetails, "ggDetails"),
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
      },
      levelOf(level)
    );
    return spillNumericRows(rows, 3, (i) => {
      const value = values[i];
      return Array.isArray(value) ? [...value] : [toExcelCell(value), "", ""];
    });
  });
}

/**
 * Interval of the purchases each customer is expected to make in the next t time units, from the uncertainty of the fitted parameters: 200 seeded draws from the fit's asymptotic normal distribution (of the log-parameters); spills low, median and high per customer. Needs the fit's details block (a fit with details TRUE).
 * @customfunction PURCHASESINTERVAL
 * @param {number[][]} t Horizon, in the model's time unit (a value or a column).
 * @param {number[][]} frequency Repeat purchases (a value or a column).
 * @param {number[][]} recency Time from first to last purchase, in the model's time unit (a value or a column).
 * @param {number[][]} T Time from first purchase to the end of observation, in the model's time unit (a value or a column).
 * @param {any[][]} details The details block of a transaction model fit, e.g. =CVA.BGNBD(…, , TRUE).
 * @param {number} [level] Share of the draws inside the interval. Default 0.8.
 * @returns {any[][]} Low, median and high expected purchases, per row.
 */
export function purchasesInterval(
  t: number[][],
  frequency: number[][],
  recency: number[][],
  T: number[][],
  details: any[][],
  level?: number
): any[][] {
  return spill(() => {
    const rows = numericRows(
      spreadSingleCells([
        columnSource(t, "t"),
        columnSource(frequency, FREQUENCY),
        columnSource(recency, RECENCY),
        columnSource(T, "T"),
      ])
    );
    const [horizon, f, r, age] = rows.columns;
    const values = expectedPurchasesIntervals(
      modelBlock(details, "details"),
      horizon,
      f,
      r,
      age,
      levelOf(level)
    );
    return spillNumericRows(rows, 3, (i) => {
      const value = values[i];
      return Array.isArray(value) ? [...value] : [toExcelCell(value), "", ""];
    });
  });
}

function levelOf(level: unknown): number {
  return cellNumberOr(optionalCell(level, "level"), "level", 0.8);
}

function checkedHorizon(t: number): number {
  if (t < 0) throw cvaError("model.horizonNegative", { value: t });
  return t;
}

function grid(
  T: number,
  maxFrequency: unknown,
  maxRecency: unknown,
  value: (x: number, tx: number) => number
): (string | number)[][] {
  return frequencyRecencyGrid(
    T,
    cellNumberOr(optionalCell(maxFrequency, "maxFrequency"), "maxFrequency", 20),
    cellNumberOr(optionalCell(maxRecency, "maxRecency"), "maxRecency", Math.floor(T)),
    value
  );
}
