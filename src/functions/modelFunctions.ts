// The probabilistic customer models: fits (BG/NBD family, Gamma-Gamma) and the predictions that take their parameter rows.
import { CellValue } from "../core/cells";
import { CvaError, isCvaError, valueError } from "../core/errors";
import {
  conditionalExpectedAverageSpend,
  fitGammaGamma,
  type GammaGammaParams,
  spendRowError,
} from "../core/models/gammaGamma";
import { isValidRfmRow, rfmRowError } from "../core/models/groupedSample";
import {
  formatModelParams,
  parseSpendModelParams,
  parseTransactionModelParams,
} from "../core/models/parameterRow";
import { DataUnit, predictedClv as predictedClvOf } from "../core/models/predictiveClv";
import {
  transactionModel,
  type TransactionModelId,
  type TransactionModelParams,
} from "../core/models/registry";
import { broadcast } from "./broadcast";
import { toExcelCell } from "./excelValues";
import {
  cellNumberOr,
  ColumnSource,
  columnOf,
  listOf,
  numericRows,
  optionalCell,
  spill,
  spillNumericRows,
} from "./ranges";

// ── Customer models: from a transaction table to predicted CLV ─────────────────────────────────────────────────
// Fits return their parameters as one row ([name, p1…p4]) that the prediction functions take back, so a model
// fitted once in a cell drives live predictions in every row that points at it.

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood: while active, customers buy at their own Poisson rate; after each repeat purchase they may drop out. Returns one row: "BG/NBD", r, alpha, a, b, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #NUM! with the reason if the fit does not converge.
 * @customfunction BGNBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @returns {any[][]} One row: "BG/NBD", r, alpha, a, b.
 */
export function bgNbd(frequency: number[][], recency: number[][], T: number[][]): any[][] {
  return fitTransactions("BG/NBD", frequency, recency, T);
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood: while active, customers buy at their own Poisson rate and may drop out at any time at their own rate. Returns one row: "Pareto/NBD", r, alpha, s, beta, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #NUM! with the reason if the fit does not converge.
 * @customfunction PARETONBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @returns {any[][]} One row: "Pareto/NBD", r, alpha, s, beta.
 */
export function paretoNbd(frequency: number[][], recency: number[][], T: number[][]): any[][] {
  return fitTransactions("Pareto/NBD", frequency, recency, T);
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood: as BG/NBD, but customers may also drop out right after their first purchase, so one-time buyers are not all presumed active. Returns one row: "MBG/NBD", r, alpha, a, b, for CVA.PALIVE, CVA.EXPECTEDPURCHASES and CVA.PREDICTEDCLV. Times are in the unit of recency and T (days, weeks…). #NUM! with the reason if the fit does not converge.
 * @customfunction MBGNBD
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} recency Time from each customer's first to last purchase; 0 without repeat purchases (one column, same length).
 * @param {number[][]} T Time from each customer's first purchase to the end of observation, in the unit of recency (one column, same length).
 * @returns {any[][]} One row: "MBG/NBD", r, alpha, a, b.
 */
export function mbgNbd(frequency: number[][], recency: number[][], T: number[][]): any[][] {
  return fitTransactions("MBG/NBD", frequency, recency, T);
}

/**
 * Fits the Gamma-Gamma spend model (Fader & Hardie 2013) by maximum likelihood on the customers with repeat purchases (frequency > 0; the others are skipped): the value of each purchase varies around the customer's own mean, and those means vary across customers. Assumes spend does not depend on purchase frequency. Returns one row: "GG", p, q, v, for CVA.EXPECTEDSPEND and CVA.PREDICTEDCLV. #NUM! with the reason if the fit does not converge.
 * @customfunction GAMMAGAMMA
 * @param {number[][]} frequency Repeat purchases per customer, whole numbers ≥ 0 (one column), e.g. from CVA.RFMSUMMARY.
 * @param {number[][]} monetary Mean spend of each customer's repeat purchases, > 0 where frequency > 0 (one column, same length).
 * @returns {any[][]} One row: "GG", p, q, v.
 */
export function gammaGamma(frequency: number[][], monetary: number[][]): any[][] {
  return spill(() => {
    const [f, m] = fittingColumns(
      [columnSource(frequency, "Frequency"), columnSource(monetary, "Monetary")],
      ([x, spend], i) => spendRowError(x[i], spend[i])
    );
    return [formatModelParams(fitGammaGamma(f, m).params).slice(0, 4)];
  });
}

// Predictions broadcast like the KPI formulas; each call's formula closes over the parameter row it was given.
const RFM_ARGS = [{ what: "Frequency" }, { what: "Recency" }, { what: "T" }];
const HORIZON_RFM_ARGS = [{ what: "Horizon t" }, ...RFM_ARGS];
const SPEND_ARGS = [{ what: "Frequency" }, { what: "Monetary" }];

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

const DATA_UNITS: readonly DataUnit[] = ["D", "W", "M"];

/**
 * Predicted customer lifetime value over the next months: the purchases a transaction model expects month by month × the spend per purchase Gamma-Gamma expects, discounted monthly (lifetimes' customer_lifetime_value). UNITS MATTER: dataUnit must be the time unit of recency and T: "D" days (30 per month; the default, as CVA.RFMSUMMARY gives), "W" weeks (4.345 per month) or "M" months. The wrong unit silently scales CLV many times over. Columns of the same length spill one value per customer.
 * @customfunction PREDICTEDCLV
 * @param {number[][]} frequency Repeat purchases: a cell, or a column with one row per customer.
 * @param {number[][]} recency Time from first to last purchase, in dataUnit (same size as frequency).
 * @param {number[][]} T Time from first purchase to the end of observation, in dataUnit (same size as frequency).
 * @param {number[][]} monetary Mean spend of the repeat purchases (same size as frequency).
 * @param {any[][]} modelParams The row a transaction model fit returned, e.g. the result of CVA.BGNBD.
 * @param {any[][]} ggParams The row CVA.GAMMAGAMMA returned: "GG", p, q, v.
 * @param {number} [months] Months ahead to sum over, a whole number. Default 12.
 * @param {number} [monthlyDiscountRate] Discount rate per month. Default 0.01 (about 12.7 % a year).
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
    const rows = numericRows([
      columnSource(frequency, "Frequency"),
      columnSource(recency, "Recency"),
      columnSource(T, "T"),
      columnSource(monetary, "Monetary"),
    ]);
    const [f, r, age, m] = rows.columns;
    const values = predictedClvOf(
      transactionParams(modelParams),
      spendParams(ggParams),
      f,
      r,
      age,
      m,
      {
        months: cellNumberOr(optionalCell(months, "Months"), "Months", 12),
        monthlyDiscountRate: cellNumberOr(
          optionalCell(monthlyDiscountRate, "Monthly discount rate"),
          "Monthly discount rate",
          0.01
        ),
        dataUnit: dataUnitOf(dataUnit),
      }
    );
    return spillNumericRows(rows, 1, (i) => [toExcelCell(values[i])]);
  });
}

/** Fits a transaction model on every row of the three columns. */
function fitTransactions(
  model: TransactionModelId,
  frequency: unknown,
  recency: unknown,
  T: unknown
): any[][] {
  return spill(() => {
    const [f, r, age] = fittingColumns(
      [
        columnSource(frequency, "Frequency"),
        columnSource(recency, "Recency"),
        columnSource(T, "T"),
      ],
      ([x, tx, t], i) => (isValidRfmRow(x[i], tx[i], t[i]) ? null : rfmRowError(x[i], tx[i], t[i]))
    );
    return [formatModelParams(transactionModel(model).fit(f, r, age).params)];
  });
}

export function columnSource(arg: unknown, what: string): ColumnSource {
  return { rows: columnOf(arg, what), column: 0, what };
}

/**
 * The columns a model is fitted on. Every customer counts, so the first bad row fails the whole call, named by its
 * row in the range (blank rows are skipped, which is why rows are checked here and not by the engine).
 */
export function fittingColumns(
  sources: readonly ColumnSource[],
  invalid: (columns: Float64Array[], i: number) => CvaError | null
): Float64Array[] {
  const rows = numericRows(sources);
  for (let r = 0; r < rows.rowCount; r++) {
    const i = rows.index[r];
    const error = i < 0 ? rows.rowErrors.get(r) : invalid(rows.columns, i);
    if (!error) continue;
    throw i < 0 ? error : new CvaError(error.code, `Row ${r + 1}: ${error.message}`);
  }
  return rows.columns;
}

/** A parameter row as a fit returned it; an error in it (a failed fit upstream) is passed on as it is. */
export function paramsRow(arg: unknown, what: string): CellValue[] {
  const cells = listOf(arg, what);
  const error = cells.find(isCvaError);
  if (error) throw error;
  return cells;
}

function transactionParams(arg: unknown): TransactionModelParams {
  return parseTransactionModelParams(paramsRow(arg, "modelParams"));
}

function spendParams(arg: unknown): GammaGammaParams {
  return parseSpendModelParams(paramsRow(arg, "ggParams"));
}

function dataUnitOf(arg: unknown): DataUnit {
  const cell = optionalCell(arg, "dataUnit");
  if (cell === undefined) return "D";
  const unit = DATA_UNITS.find((u) => u === String(cell).trim().toUpperCase());
  if (unit === undefined)
    throw valueError(
      `dataUnit must be the time unit of recency and T: "D" (days), "W" (weeks) or "M" (months); got ${JSON.stringify(cell)}.`
    );
  return unit;
}
