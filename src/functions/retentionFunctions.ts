// Retention you can project: cohort tables from a transaction log, the sBG model of contractual retention and the
// BG/BB model of purchases at discrete occasions.
import { CellValue, isBlank } from "../core/cells";
import {
  type CohortCount,
  cohortHeader,
  cohortRows,
  cohortTable,
  COHORT_COUNTS,
} from "../core/cohorts/cohortTable";
import { type CalendarPeriod } from "../core/cohorts/calendarPeriods";
import { cvaError } from "../core/errors";
import { phrase } from "../core/messages/catalogue";
import { bgbbRowError, fitBgbb, isValidBgbbRow } from "../core/models/bgbb";
import {
  checkedRetentionParams,
  formatFitDetails,
  formatModelParams,
} from "../core/models/parameterRow";
import {
  fitSbg,
  sbg as sbgModel,
  sbgClv,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedResidualLifetime,
  type SbgParams,
} from "../core/models/sbg";
import { broadcast } from "./broadcast";
import { fromExcelCell } from "./excelValues";
import {
  columnSource,
  fittingColumns,
  flag,
  FREQUENCY,
  isOmitted,
  modelBlock,
  RECENCY,
} from "./modelArguments";
import {
  cellNumber,
  ColumnSource,
  listOf,
  matrixOf,
  optionalCell,
  optionalChoice,
  spill,
  subjectOf,
} from "./ranges";
import { cellsOf } from "./summaryFunctions";

// ── sBG: how many of a cohort will still be customers in year 5 ────────────────────────────────────────────────

const HORIZON = [{ what: phrase("term.horizon") }];
const DISCOUNT_RATE = { what: phrase("term.discountRate") };

/**
 * Fits the shifted-beta-geometric (sBG) retention model (Fader & Hardie 2007) by maximum likelihood: at each renewal a customer stays or leaves for good with their own churn probability, and those probabilities vary across customers, so retention rises with tenure. Takes the customers still active at periods 0, 1, 2… of a cohort (a row, or a column); several rows are several cohorts that share one fit, and blanks at the end of a row (a cohort triangle) are periods not yet observed. Customers still active at the last period count as still there (right-censored). Returns one row: "sBG", alpha, beta, for CVA.SBGSURVIVAL, CVA.SBGRETENTION, CVA.SBGDEL, CVA.SBGDERL and CVA.SBGCLV. #VALUE! with the reason if the counts rise or the fit has no answer.
 * @customfunction SBG
 * @param {any[][]} survivors Customers still active at periods 0, 1, 2…: one row per cohort (or one column for a single cohort), period 0 first. Counts, or percentages/shares with cohortSize.
 * @param {any[][]} [cohortSize] Customers in each cohort at period 0, when survivors are percentages or shares (e.g. 100, 63.1, 46.8… with 1000): one value for all cohorts or one per cohort.
 * @returns {any[][]} One row: "sBG", alpha, beta.
 */
export function sbg(survivors: any[][], cohortSize?: any[][]): any[][] {
  return spill(() => {
    const sizes = optionalNumbers(cohortSize, "cohortSize");
    return [formatModelParams(fitSbg(survivorCurves(survivors), sizes).params)];
  });
}

/**
 * Share of a cohort still active after t periods (renewal opportunities) under a fitted sBG model: S(t) = B(alpha, beta + t) / B(alpha, beta). S(0) = 1. Columns of t spill one value per row.
 * @customfunction SBGSURVIVAL
 * @param {number[][]} t Periods since acquisition, whole numbers ≥ 0 (a value or a column).
 * @param {any[][]} params The row CVA.SBG returned: "sBG", alpha, beta.
 * @returns {any[][]} Share still active, between 0 and 1, per row.
 */
export function sbgSurvivalCurve(t: number[][], params: any[][]): any[][] {
  return withSbgParams(params, (p) =>
    broadcast({ args: HORIZON, compute: (v) => sbgModel.survival(p, v[0]) }, [t])
  );
}

/**
 * Retention rate in period t under a fitted sBG model: the share of the customers active in period t − 1 who renew for period t, (beta + t − 1) / (alpha + beta + t − 1). It rises with t, as the customers most likely to leave leave first. Columns of t spill one value per row.
 * @customfunction SBGRETENTION
 * @param {number[][]} t Period, a whole number ≥ 1 (a value or a column).
 * @param {any[][]} params The row CVA.SBG returned: "sBG", alpha, beta.
 * @returns {any[][]} Retention rate between 0 and 1, per row.
 */
export function sbgRetentionRate(t: number[][], params: any[][]): any[][] {
  return withSbgParams(params, (p) =>
    broadcast({ args: HORIZON, compute: (v) => sbgModel.retention(p, v[0]) }, [t])
  );
}

/**
 * Discounted expected lifetime of a new customer under a fitted sBG model (Fader & Hardie 2010): the sum of the chances of still being a customer in periods 0, 1, 2…, each discounted by (1 + discountRate) per period; period 0 counts in full. Multiply by the margin per period for the expected lifetime value including the first payment.
 * @customfunction SBGDEL
 * @param {any[][]} params The row CVA.SBG returned: "sBG", alpha, beta.
 * @param {number[][]} discountRate Discount rate per period, e.g. 0.1 (a value or a column). 0 is allowed when alpha > 1.
 * @returns {any[][]} Discounted expected lifetime in periods, per row.
 */
export function sbgDel(params: any[][], discountRate: number[][]): any[][] {
  return withSbgParams(params, (p) =>
    broadcast(
      {
        args: [DISCOUNT_RATE],
        compute: (v) => sbgDiscountedExpectedLifetime(p, v[0]),
      },
      [discountRate]
    )
  );
}

/**
 * Discounted expected residual lifetime of a customer who has renewed a given number of times, under a fitted sBG model (Fader & Hardie 2010): the expected number of further renewals, each discounted by (1 + discountRate) per period, the next one counted in full. Customers who have renewed more often are more likely to stay, so it grows with renewals.
 * @customfunction SBGDERL
 * @param {any[][]} params The row CVA.SBG returned: "sBG", alpha, beta.
 * @param {number[][]} discountRate Discount rate per period, e.g. 0.1 (a value or a column).
 * @param {number[][]} renewals Renewals the customer has made so far, a whole number ≥ 0 (a value or a column).
 * @returns {any[][]} Discounted expected residual lifetime in periods, per row.
 */
export function sbgDerl(params: any[][], discountRate: number[][], renewals: number[][]): any[][] {
  return withSbgParams(params, (p) =>
    broadcast(
      {
        args: [DISCOUNT_RATE, { what: phrase("term.renewals") }],
        compute: (v) => sbgDiscountedResidualLifetime(p, v[0], v[1]),
      },
      [discountRate, renewals]
    )
  );
}

/**
 * Contractual customer lifetime value under a fitted sBG model: the margins a customer brings at the end of each future period while still a customer, discounted per period — margin × CVA.SBGDERL / (1 + discountRate). Same timing as CVA.CLVRETENTION (first margin at the end of the first period), and equal to it when every customer has the same churn probability. With renewals, the value of a customer who has already renewed that many times.
 * @customfunction SBGCLV
 * @param {number[][]} margin Margin a customer brings per period (a value or a column).
 * @param {any[][]} params The row CVA.SBG returned: "sBG", alpha, beta.
 * @param {number[][]} discountRate Discount rate per period, e.g. 0.1 (a value or a column).
 * @param {number[][]} [renewals] Renewals the customer has made so far, a whole number ≥ 0. Default 0 (a new customer).
 * @returns {any[][]} Lifetime value per row.
 */
export function sbgClvValue(
  margin: number[][],
  params: any[][],
  discountRate: number[][],
  renewals?: number[][]
): any[][] {
  return withSbgParams(params, (p) =>
    broadcast(
      {
        args: [
          { what: phrase("term.margin") },
          DISCOUNT_RATE,
          { what: phrase("term.renewals"), fallback: 0 },
        ],
        compute: (v) => sbgClv(v[0], p, v[1], v[2]),
      },
      [margin, discountRate, renewals]
    )
  );
}

// ── BG/BB: purchases at discrete occasions ─────────────────────────────────────────────────────────────────────

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) by maximum likelihood, for purchases that can only happen at discrete occasions (a yearly donation appeal, an annual event): while alive, a customer buys at each occasion with their own probability; before each occasion they may die for good. Takes per-customer rows, or the compact table of patterns with a count of customers each. Returns one row: "BG/BB", alpha, beta, gamma, delta, for CVA.PALIVE (alive at the next occasion), CVA.EXPECTEDPURCHASES (purchases at the next t occasions) and CVA.PNPURCHASES. #VALUE! with the reason for a bad row or a fit with no answer.
 * @customfunction BGBB
 * @param {number[][]} frequency Purchases at the occasions after the first purchase (one column), whole numbers ≥ 0.
 * @param {number[][]} recency The occasion of the last of those purchases, 1 … periods; 0 without any (one column, same length).
 * @param {number[][]} periods Occasions observed after the first purchase (one column, same length).
 * @param {number[][]} [count] Customers each row stands for (one column, same length). Default: one per row.
 * @param {boolean} [details] TRUE to spill, below the parameter row, the standard errors ("SE"), a row "LL", log-likelihood, "AIC", …, "BIC", …, "n", customers, and the covariance matrix. Default FALSE. The block is accepted wherever a parameter row is.
 * @returns {any[][]} One row: "BG/BB", alpha, beta, gamma, delta (with details, the block below it).
 */
export function bgbb(
  frequency: number[][],
  recency: number[][],
  periods: number[][],
  count?: number[][],
  details?: boolean
): any[][] {
  return spill(() => {
    const withDetails = flag(details, "details");
    const sources: ColumnSource[] = [
      columnSource(frequency, FREQUENCY),
      columnSource(recency, RECENCY),
      columnSource(periods, "periods"),
    ];
    if (!isOmitted(count)) sources.push(columnSource(count, "count"));
    const [x, tx, n, w] = fittingColumns(sources, ([x, tx, n], i) =>
      isValidBgbbRow(x[i], tx[i], n[i]) ? null : bgbbRowError(x[i], tx[i], n[i])
    );
    const fit = fitBgbb(x, tx, n, { count: w, details: withDetails });
    return withDetails ? formatFitDetails(fit) : [formatModelParams(fit.params)];
  });
}

// ── Cohorts from a transaction log ─────────────────────────────────────────────────────────────────────────────

/**
 * Cohort table of a transaction log: one row per acquisition cohort (the month, quarter or year of each customer's first purchase), its number of customers, then the customers of the cohort active in each following period 1, 2, 3… (who bought in that period; with count "retained", who bought in that period or later). Periods after the as-of date stay blank, so the table is a triangle. Spills a header row, then one row per cohort, oldest first.
 * @customfunction COHORTS
 * @param {any[][]} customerIds Customer id of each transaction (one column).
 * @param {number[][]} dates Date of each transaction, as Excel dates (one column, same length).
 * @param {string} [period] "M" months (the default), "Q" quarters or "Y" years.
 * @param {number} [asOfDate] End of observation; later transactions are left out, its period counts as observed so far. Default: the latest transaction date.
 * @param {string} [count] "active" (the default): customers who buy in the period. "retained": customers who buy in the period or a later one, which never rises, as CVA.SBG needs.
 * @returns {any[][]} A header row, then per cohort: cohort, customers, customers in periods 1, 2, 3…
 */
export function cohorts(
  customerIds: any[][],
  dates: number[][],
  period?: string,
  asOfDate?: number,
  count?: string
): any[][] {
  return cohortSheet(customerIds, dates, period, asOfDate, count, "counts");
}

/**
 * Cohort retention rates of a transaction log: the table of CVA.COHORTS with each period's customers divided by the cohort's size — retention as (customers at the end − new customers) / customers at the start, where the start is the cohort when acquired and customers won later are not part of it (new = 0). Periods after the as-of date stay blank. Spills a header row, then one row per cohort, oldest first.
 * @customfunction COHORTRETENTION
 * @param {any[][]} customerIds Customer id of each transaction (one column).
 * @param {number[][]} dates Date of each transaction, as Excel dates (one column, same length).
 * @param {string} [period] "M" months (the default), "Q" quarters or "Y" years.
 * @param {number} [asOfDate] End of observation; later transactions are left out, its period counts as observed so far. Default: the latest transaction date.
 * @param {string} [count] "active" (the default): customers who buy in the period. "retained": customers who buy in the period or a later one.
 * @returns {any[][]} A header row, then per cohort: cohort, customers, share of them in periods 1, 2, 3…
 */
export function cohortRetention(
  customerIds: any[][],
  dates: number[][],
  period?: string,
  asOfDate?: number,
  count?: string
): any[][] {
  return cohortSheet(customerIds, dates, period, asOfDate, count, "rates");
}

const PERIOD_NAMES: Record<string, CalendarPeriod> = {
  M: "M",
  MONTH: "M",
  Q: "Q",
  QUARTER: "Q",
  Y: "Y",
  YEAR: "Y",
};

function cohortSheet(
  customerIds: unknown,
  dates: unknown,
  period: unknown,
  asOfDate: unknown,
  count: unknown,
  as: "counts" | "rates"
): any[][] {
  return spill(() => {
    const periodCell = optionalCell(period, "period");
    const calendarPeriod =
      periodCell === undefined ? "M" : PERIOD_NAMES[String(periodCell).trim().toUpperCase()];
    if (calendarPeriod === undefined) {
      throw cvaError("option.unknown", {
        what: subjectOf("period"),
        choices: '"M", "Q", "Y"',
        value: periodCell as string | number | boolean,
      });
    }
    const asOf = optionalCell(asOfDate, "asOfDate");
    const table = cohortTable(cellsOf(customerIds, "customerIds"), cellsOf(dates, "dates"), {
      period: calendarPeriod,
      asOfDate: asOf === undefined ? undefined : cellNumber(asOf, "asOfDate"),
      count: optionalChoice<CohortCount>(count, "count", COHORT_COUNTS, "active"),
    });
    return [cohortHeader(table), ...cohortRows(table, as)];
  });
}

// ── Reading the arguments ──────────────────────────────────────────────────────────────────────────────────────

/** Runs a prediction with the sBG parameters read from their row; an error in the row (a failed fit) is passed on. */
function withSbgParams(arg: unknown, predict: (params: SbgParams) => any[][]): any[][] {
  return spill(() => predict(checkedRetentionParams(modelBlock(arg, "params").params)));
}

/**
 * The survivor curves of the SBG argument: each row a cohort, or a single column as one cohort. Trailing blanks
 * end a row (a triangle); a blank row is skipped (an empty curve); a blank between counts, text or an error is the
 * row's problem, named.
 */
function survivorCurves(arg: unknown): number[][] {
  const rows = matrixOf(arg, "survivors");
  const lines =
    rows.length > 1 && rows[0].length === 1 ? [rows.map((row) => row[0])] : rows.map((row) => row);
  return lines.map((line, k) => {
    const where = (t: number) =>
      lines.length > 1
        ? phrase("term.cohortPeriod", { cohort: k + 1, period: t })
        : phrase("term.period", { period: t });
    let end = line.length;
    while (end > 0 && isBlank(fromExcelCell(line[end - 1]))) end--;
    const curve: number[] = [];
    for (let t = 0; t < end; t++) {
      const cell = fromExcelCell(line[t]);
      if (isBlank(cell)) throw cvaError("sbg.blankBetween", { where: where(t) });
      curve.push(cellNumber(cell, where(t)));
    }
    return curve;
  });
}

/** An optional list of numbers (one value, a row or a column); omitted or blank gives undefined. */
function optionalNumbers(arg: unknown, what: string): number[] | undefined {
  if (arg === undefined || arg === null) return undefined;
  const cells: CellValue[] = listOf(arg, what);
  if (cells.every(isBlank)) return undefined;
  return cells.map((cell, i) =>
    cellNumber(
      cell,
      cells.length > 1 ? phrase("term.inRow", { what: subjectOf(what), row: i + 1 }) : what
    )
  );
}
