/*
 * The custom functions users type in cells (=CVA.CLV(...), =CVA.RFMSCORE(...)…). Each one is a thin adapter: its
 * JSDoc is the help Excel shows (custom-functions-metadata turns it into functions.json; the webpack plugin adds
 * the CustomFunctions.associate calls), then it reads the cells, calls the engine in src/core and maps failures to
 * Excel errors. None of them throws. Names and argument order are the public API: append, never reorder.
 * Translations of the help live in ./locales/<locale>.json.
 */
import { CellValue, isBlank } from "../core/cells";
import { CvaError, isCvaError, notAvailableError, numError, valueError } from "../core/errors";
import { cac as cacOf } from "../core/kpi/cac";
import { churnRate as churnRateOf } from "../core/kpi/churnRate";
import { clv as clvOf } from "../core/kpi/clv";
import { clvRetention as clvRetentionOf } from "../core/kpi/clvRetention";
import { retentionRate as retentionRateOf } from "../core/kpi/retentionRate";
import {
  conditionalExpectedAverageSpend,
  fitGammaGamma,
  spendRowError,
} from "../core/models/gammaGamma";
import { isValidRfmRow, rfmRowError } from "../core/models/groupedSample";
import {
  formatModelParams,
  GammaGammaParams,
  parseGammaGammaParams,
  parseTransactionModelParams,
  TransactionModelName,
  TransactionModelParams,
} from "../core/models/modelParams";
import { DataUnit, predictedClv as predictedClvOf } from "../core/models/predictiveClv";
import {
  conditionalExpectedPurchases,
  conditionalProbabilityAlive,
  fitTransactionModel,
} from "../core/models/transactionModels";
import { rfmCodeList } from "../core/rfm/rfmCode";
import { rfmScores } from "../core/rfm/rfmScores";
import { DEFAULT_SEGMENT_MAP, SegmentMap } from "../core/rfm/segmentMap";
import { segmentMapFrom } from "../core/rfm/segmentMapFrom";
import { segmentOf } from "../core/rfm/segmentOf";
import { weightedScores } from "../core/score/weightedScores";
import {
  RFM_SUMMARY_HEADERS,
  rfmSummary as rfmSummaryOf,
  rfmSummaryRows,
} from "../core/summary/rfmSummary";
import {
  assignTiers,
  DEFAULT_TIER_CUTOFFS,
  DEFAULT_TIER_LABELS,
  TierBasis,
} from "../core/tiers/assignTiers";
import { broadcast, ScalarFormula } from "./broadcast";
import { fromExcelCell, toExcelCell } from "./excelValues";
import {
  cellNumber,
  cellNumberOr,
  ColumnSource,
  columnOf,
  listOf,
  matrixOf,
  numericRows,
  NumericRows,
  optionalCell,
  optionalChoice,
  spill,
  spillNumericRows,
} from "./ranges";

// ── Customer value KPIs: scalar formulas that also spill over columns ───────────────────────────────────────────
// Each formula is described once, at load: a custom function called for a million rows allocates nothing else.

const CLV_FORMULA: ScalarFormula = {
  args: [
    { what: "Average order value" },
    { what: "Purchases per period" },
    { what: "Lifespan" },
    { what: "Acquisition cost", fallback: 0 },
    { what: "Gross margin", fallback: 1 },
    { what: "Discount rate", fallback: 0 },
  ],
  compute: (v) => clvOf(v[0], v[1], v[2], v[3], v[4], v[5]),
};

/**
 * Customer lifetime value: average order value × purchases per period × gross margin, summed over the lifespan (discounted per period if a rate is given), minus the acquisition cost. Columns spill one result per row.
 * @customfunction CLV
 * @param {number[][]} avgOrderValue Average order value (revenue per purchase).
 * @param {number[][]} purchasesPerPeriod Purchases per customer per period (e.g. per year).
 * @param {number[][]} lifespanPeriods Expected customer lifespan in periods; may be fractional.
 * @param {number[][]} [acquisitionCost] Cost of acquiring the customer, subtracted once. Default 0.
 * @param {number[][]} [grossMargin] Gross margin as a fraction of revenue, e.g. 0.4. Default 1 (revenue).
 * @param {number[][]} [discountRatePerPeriod] Discount rate per period, e.g. 0.1. Default 0 (no discounting).
 * @returns {any[][]} Lifetime value per row.
 */
export function clv(
  avgOrderValue: number[][],
  purchasesPerPeriod: number[][],
  lifespanPeriods: number[][],
  acquisitionCost?: number[][],
  grossMargin?: number[][],
  discountRatePerPeriod?: number[][]
): any[][] {
  return broadcast(CLV_FORMULA, [
    avgOrderValue,
    purchasesPerPeriod,
    lifespanPeriods,
    acquisitionCost,
    grossMargin,
    discountRatePerPeriod,
  ]);
}

const CLV_RETENTION_FORMULA: ScalarFormula = {
  args: [
    { what: "Margin per period" },
    { what: "Retention rate" },
    { what: "Discount rate" },
    { what: "Periods", fallback: Infinity },
    { what: "Acquisition cost", fallback: 0 },
  ],
  compute: (v) => clvRetentionOf(v[0], v[1], v[2], v[3], v[4]),
};

/**
 * Customer lifetime value from a margin per period and a retention rate: the sum of margin × (retention / (1 + discount rate))^t over the periods, minus the acquisition cost; without periods, the infinite-horizon value margin × retention / (1 + discount rate − retention).
 * @customfunction CLVRETENTION
 * @param {number[][]} marginPerPeriod Margin a retained customer brings per period.
 * @param {number[][]} retentionRate Share of customers kept from one period to the next, between 0 and 1.
 * @param {number[][]} discountRatePerPeriod Discount rate per period, e.g. 0.1.
 * @param {number[][]} [periods] Number of periods to sum (a whole number). Omitted: infinite horizon.
 * @param {number[][]} [acquisitionCost] Cost of acquiring the customer, subtracted once. Default 0.
 * @returns {any[][]} Lifetime value per row.
 */
export function clvRetention(
  marginPerPeriod: number[][],
  retentionRate: number[][],
  discountRatePerPeriod: number[][],
  periods?: number[][],
  acquisitionCost?: number[][]
): any[][] {
  return broadcast(CLV_RETENTION_FORMULA, [
    marginPerPeriod,
    retentionRate,
    discountRatePerPeriod,
    periods,
    acquisitionCost,
  ]);
}

const CAC_FORMULA: ScalarFormula = {
  args: [{ what: "Marketing spend" }, { what: "Sales spend" }, { what: "New customers" }],
  compute: (v) => cacOf(v[0], v[1], v[2]),
};

/**
 * Customer acquisition cost: (marketing spend + sales spend) / new customers.
 * @customfunction CAC
 * @param {number[][]} marketingSpend Marketing spend in the period.
 * @param {number[][]} salesSpend Sales spend in the period.
 * @param {number[][]} newCustomers New customers won in the period.
 * @returns {any[][]} Cost per new customer, per row.
 */
export function cac(
  marketingSpend: number[][],
  salesSpend: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(CAC_FORMULA, [marketingSpend, salesSpend, newCustomers]);
}

const CUSTOMER_COUNTS = [
  { what: "Customers at the start" },
  { what: "Customers at the end" },
  { what: "New customers" },
];
const RETENTION_FORMULA: ScalarFormula = {
  args: CUSTOMER_COUNTS,
  compute: (v) => retentionRateOf(v[0], v[1], v[2]),
};
const CHURN_FORMULA: ScalarFormula = {
  args: CUSTOMER_COUNTS,
  compute: (v) => churnRateOf(v[0], v[1], v[2]),
};

/**
 * Customer retention rate: (customers at the end − new customers) / customers at the start.
 * @customfunction RETENTIONRATE
 * @param {number[][]} startCustomers Customers at the start of the period.
 * @param {number[][]} endCustomers Customers at the end of the period.
 * @param {number[][]} newCustomers Customers won during the period.
 * @returns {any[][]} Retention rate between 0 and 1, per row.
 */
export function retentionRate(
  startCustomers: number[][],
  endCustomers: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(RETENTION_FORMULA, [startCustomers, endCustomers, newCustomers]);
}

/**
 * Customer churn rate: (customers at the start − customers at the end + new customers) / customers at the start.
 * @customfunction CHURNRATE
 * @param {number[][]} startCustomers Customers at the start of the period.
 * @param {number[][]} endCustomers Customers at the end of the period.
 * @param {number[][]} newCustomers Customers won during the period.
 * @returns {any[][]} Churn rate between 0 and 1, per row.
 */
export function churnRate(
  startCustomers: number[][],
  endCustomers: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(CHURN_FORMULA, [startCustomers, endCustomers, newCustomers]);
}

// ── Segmentation and scoring: population functions over columns ─────────────────────────────────────────────────

const RFM_FORMATS = ["code", "sum", "columns"] as const;

/**
 * RFM scores 1..bins per customer. Break points are PERCENTILE.INC of each column at k/bins; a score is 1 + the number of break points the value exceeds (recency reversed: fewer periods since the last purchase is better). Spills one row per customer.
 * @customfunction RFMSCORE
 * @param {number[][]} recency Periods since each customer's last purchase (one column).
 * @param {number[][]} frequency Number of purchases per customer (one column, same length).
 * @param {number[][]} monetary Spend per customer (one column, same length).
 * @param {number} [bins] Number of score levels, 2 to 9 for codes. Default 5.
 * @param {string} [format] "code" (text such as "545", the default), "sum" (R+F+M) or "columns" (R, F and M side by side).
 * @returns {any[][]} RFM score per customer.
 */
export function rfmScore(
  recency: number[][],
  frequency: number[][],
  monetary: number[][],
  bins?: number,
  format?: string
): any[][] {
  return spill(() => {
    const rows = populationRows([
      { rows: columnOf(recency, "Recency"), column: 0, what: "Recency" },
      { rows: columnOf(frequency, "Frequency"), column: 0, what: "Frequency" },
      { rows: columnOf(monetary, "Monetary"), column: 0, what: "Monetary" },
    ]);
    const binCount = cellNumberOr(optionalCell(bins, "Bins"), "Bins", 5);
    const shape = optionalChoice(format, "Format", RFM_FORMATS, "code");
    if (shape === "code" && binCount > 9)
      throw numError(
        `Codes hold one digit per score: use at most 9 bins, or format "sum" or "columns" (got ${binCount} bins).`
      );
    const [r, f, m] = rows.columns;
    const scores = rfmScores(r, f, m, binCount);
    if (shape === "columns")
      return spillNumericRows(rows, 3, (i) => [
        scores.recency[i],
        scores.frequency[i],
        scores.monetary[i],
      ]);
    if (shape === "sum")
      return spillNumericRows(rows, 1, (i) => [
        scores.recency[i] + scores.frequency[i] + scores.monetary[i],
      ]);
    const codes = rfmCodeList(scores.recency, scores.frequency, scores.monetary);
    return spillNumericRows(rows, 1, (i) => [codes[i]]);
  });
}

/**
 * Named customer segment per RFM code (such as "545"), from the default 11-segment map (Champions, Loyal Customers, … Lost; every one of the 125 codes of 5-bin scores has exactly one segment) or from your own map.
 * @customfunction RFMSEGMENT
 * @param {any[][]} rfmCodes RFM codes, e.g. the results of CVA.RFMSCORE (one column).
 * @param {any[][]} [segmentMap] Your own map: two columns, code and segment. It must give every code exactly one segment.
 * @returns {any[][]} Segment name per code.
 */
export function rfmSegment(rfmCodes: any[][], segmentMap?: any[][]): any[][] {
  return spill(() => {
    const codes = columnOf(rfmCodes, "RFM codes");
    const map =
      segmentMap === undefined || segmentMap === null
        ? DEFAULT_SEGMENT_MAP
        : userSegmentMap(segmentMap);
    return codes.map(([value]) => {
      const cell = fromExcelCell(value);
      if (isCvaError(cell) || isBlank(cell)) return [toExcelCell(cell)];
      return [toExcelCell(segmentOf(String(cell).trim(), map))];
    });
  });
}

const TIER_BASES = ["customers", "value"] as const satisfies readonly TierBasis[];

/**
 * Value tiers. basis "customers": the top 20 % of customers by value are High, the next 30 % Medium, the rest Low, with thresholds from PERCENTILE.INC so ties share a tier. basis "value": ABC analysis, customers making up the first 20 % and 50 % of total value.
 * @customfunction TIER
 * @param {number[][]} values Value per customer, e.g. CLV or total spend (one column).
 * @param {number[][]} [cutoffs] Increasing shares between 0 and 1 where tiers end. Default {0.2,0.5}.
 * @param {any[][]} [labels] Tier names, best first, one more than the cutoffs. Default {"High","Medium","Low"}.
 * @param {string} [basis] "customers" (share of customers, the default) or "value" (share of total value, ABC analysis).
 * @returns {any[][]} Tier label per customer.
 */
export function tier(
  values: number[][],
  cutoffs?: number[][],
  labels?: any[][],
  basis?: string
): any[][] {
  return spill(() => {
    const rows = populationRows([{ rows: columnOf(values, "Values"), column: 0, what: "Values" }]);
    const cutoffList =
      optionalList(cutoffs, "Cutoffs")?.map((cell, k) => cellNumber(cell, `Cutoff ${k + 1}`)) ??
      DEFAULT_TIER_CUTOFFS;
    const labelList =
      optionalList(labels, "Labels")?.map((cell, k) => labelText(cell, k)) ?? DEFAULT_TIER_LABELS;
    const result = assignTiers(rows.columns[0], {
      cutoffs: cutoffList,
      labels: labelList,
      basis: optionalChoice(basis, "Basis", TIER_BASES, "customers"),
    });
    return spillNumericRows(rows, 1, (i) => [result.labels[result.tiers[i]]]);
  });
}

/**
 * Weighted multi-factor score from 0 to 100 per row of a matrix (e.g. spend, visits and churn risk side by side). Each column becomes its percentile rank (ties share a rank), reversed where the direction is -1, then the ranks are weighted (weights normalised to sum 1).
 * @customfunction SCORE
 * @param {number[][]} values One row per customer, one column per measure.
 * @param {number[][]} weights One weight per measure (a row or column), not negative.
 * @param {number[][]} [directions] Per measure 1 (more is better, the default) or -1 (less is better, e.g. churn risk).
 * @returns {any[][]} Score from 0 to 100 per customer.
 */
export function score(values: number[][], weights: number[][], directions?: number[][]): any[][] {
  return spill(() => {
    const matrix = matrixOf(values, "Values");
    const rows = populationRows(
      matrix[0].map((_, column) => ({ rows: matrix, column, what: `Values column ${column + 1}` }))
    );
    const weightList = listOf(weights, "Weights").map((cell, k) =>
      cellNumber(cell, `Weight ${k + 1}`)
    );
    const directionList = optionalList(directions, "Directions")?.map((cell, k) =>
      cellNumber(cell, `Direction ${k + 1}`)
    );
    const scores = weightedScores(rows.columns, weightList, directionList);
    return spillNumericRows(rows, 1, (i) => [scores[i]]);
  });
}

// ── Customer models: from a transaction table to predicted CLV ─────────────────────────────────────────────────
// Fits return their parameters as one row ([name, p1…p4]) that the prediction functions take back, so a model
// fitted once in a cell drives live predictions in every row that points at it.

/**
 * Summarises a transaction table into one row per customer, as lifetimes' summary_data_from_transaction_data: purchases are merged per period, frequency = repeat purchase periods, recency = last − first purchase, T = as-of date − first purchase (in periods of periodDays: days by default), monetary = mean spend of the repeat periods. Spills a header row, then per customer: customer, frequency, recency, T, monetary, orders, total, first purchase, last purchase.
 * @customfunction RFMSUMMARY
 * @param {any[][]} customerIds Customer id of each transaction (one column).
 * @param {number[][]} dates Date of each transaction, as Excel dates (not text; one column, same length).
 * @param {number[][]} amounts Amount of each transaction (one column, same length).
 * @param {number} [asOfDate] End of the observation period; later transactions are left out. Default: the latest transaction date.
 * @param {number} [periodDays] Days per period: 1 (the default) gives recency and T in days, 7 in weeks (Monday to Sunday).
 * @returns {any[][]} A header row, then one row per customer.
 */
export function rfmSummary(
  customerIds: any[][],
  dates: number[][],
  amounts: number[][],
  asOfDate?: number,
  periodDays?: number
): any[][] {
  return spill(() => {
    const asOf = optionalCell(asOfDate, "asOfDate");
    const summary = rfmSummaryOf(
      cellsOf(customerIds, "customerIds"),
      cellsOf(dates, "dates"),
      cellsOf(amounts, "amounts"),
      asOf === undefined ? undefined : cellNumber(asOf, "asOfDate"),
      cellNumberOr(optionalCell(periodDays, "periodDays"), "periodDays", 1)
    );
    return [[...RFM_SUMMARY_HEADERS], ...rfmSummaryRows(summary)];
  });
}

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
 * Probability that each customer is still active ("alive") at the end of observation, given their frequency, recency and T, under a fitted BG/NBD, Pareto/NBD or MBG/NBD model. recency and T must be in the time unit of the data the model was fitted on. Columns spill one result per row.
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
    return broadcast(
      { args: RFM_ARGS, compute: (v) => conditionalProbabilityAlive(params, v[0], v[1], v[2]) },
      [frequency, recency, T]
    );
  });
}

/**
 * Purchases each customer is expected to make in the next t time units, given their frequency, recency and T, under a fitted BG/NBD, Pareto/NBD or MBG/NBD model. UNITS: t, recency and T are all in the time unit of the data the model was fitted on: on weekly data t = 39 means 39 weeks, on daily data 39 days. Columns spill one result per row.
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
    return broadcast(
      {
        args: HORIZON_RFM_ARGS,
        compute: (v) => conditionalExpectedPurchases(params, v[0], v[1], v[2], v[3]),
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
  model: TransactionModelName,
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
    return [formatModelParams(fitTransactionModel(model, f, r, age).params)];
  });
}

function columnSource(arg: unknown, what: string): ColumnSource {
  return { rows: columnOf(arg, what), column: 0, what };
}

/**
 * The columns a model is fitted on. Every customer counts, so the first bad row fails the whole call, named by its
 * row in the range (blank rows are skipped, which is why rows are checked here and not by the engine).
 */
function fittingColumns(
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
function paramsRow(arg: unknown, what: string): CellValue[] {
  const cells = listOf(arg, what);
  const error = cells.find(isCvaError);
  if (error) throw error;
  return cells;
}

function transactionParams(arg: unknown): TransactionModelParams {
  return parseTransactionModelParams(paramsRow(arg, "modelParams"));
}

function spendParams(arg: unknown): GammaGammaParams {
  return parseGammaGammaParams(paramsRow(arg, "ggParams"));
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

/** A single-column argument as engine cells, e.g. the columns of a transaction table; numbers and text as they are. */
function cellsOf(arg: unknown, what: string): CellValue[] {
  const rows = columnOf(arg, what);
  const cells = new Array<CellValue>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = rows[i][0];
    cells[i] =
      typeof value === "number" || typeof value === "string" ? value : fromExcelCell(value);
  }
  return cells;
}

/** The numeric rows of a population; a range with no values at all (only blanks) has nothing to rank. */
function populationRows(sources: Parameters<typeof numericRows>[0]): NumericRows {
  const rows = numericRows(sources);
  if (rows.columns[0].length === 0 && rows.rowErrors.size === 0)
    throw notAvailableError("The range holds no values.");
  return rows;
}

/** An optional list argument: omitted, or a single blank cell, means the default. */
function optionalList(arg: unknown, what: string) {
  if (arg === undefined || arg === null) return undefined;
  const list = listOf(arg, what);
  return list.length === 1 && isBlank(list[0]) ? undefined : list;
}

function labelText(cell: ReturnType<typeof fromExcelCell>, k: number): string {
  if (isCvaError(cell)) throw cell;
  if (isBlank(cell)) throw valueError(`Label ${k + 1} is blank.`);
  return String(cell);
}

/** A two-column map range (code, segment); fully blank rows are skipped so the map may sit in a longer table. */
function userSegmentMap(arg: unknown): SegmentMap {
  const rows = matrixOf(arg, "Segment map");
  if (rows[0].length !== 2)
    throw valueError(`The segment map needs two columns, code and segment; got ${rows[0].length}.`);
  const entries: [string, string][] = [];
  for (const [codeValue, segmentValue] of rows) {
    const code = fromExcelCell(codeValue);
    const segment = fromExcelCell(segmentValue);
    if (isCvaError(code)) throw code;
    if (isCvaError(segment)) throw segment;
    if (isBlank(code) && isBlank(segment)) continue;
    entries.push([String(code ?? "").trim(), String(segment ?? "").trim()]);
  }
  return segmentMapFrom(entries);
}
