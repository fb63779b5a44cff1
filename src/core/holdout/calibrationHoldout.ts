import type { CellValue } from "../cells";
import { cvaError } from "../errors";
import { scratchFloat64, scratchInt32 } from "../stats/scratch";
import {
  columnCells,
  type CustomerColumns,
  PERIOD_ANCHOR,
  summarizeTransactions,
  type TransactionCells,
} from "../summary/rfmSummary";

/**
 * Each customer's calibration summary and what they did in the holdout period, with the semantics of lifetimes'
 * calibration_and_holdout_data: the calibration summary is RFMSUMMARY's up to calibrationEnd (as-of date
 * calibrationEnd; frequency, recency, T, monetary); the holdout is calibrationEnd < date ≤ observationEnd, where
 * frequency_holdout counts the distinct purchase periods, monetary_holdout is the mean amount of the holdout
 * transactions (lifetimes averages the raw rows there, not the merged periods), and duration_holdout is the number
 * of periods between the two dates. Only customers seen in the calibration period are listed (in order of first
 * appearance); those without a holdout purchase get 0 and 0.
 */
export interface CalibrationHoldout {
  /** One row per customer under CALIBRATION_HOLDOUT_HEADERS: what CVA.CALHOLDOUT spills. */
  rows: (string | number)[][];
  frequencyHoldout: Float64Array;
  durationHoldout: number;
  /** Each customer's first purchase (Excel serial day). */
  firstPurchase: Float64Array;
  /** The calibration end as a whole day, the as-of date of the calibration summary. */
  asOfDate: number;
}

export const CALIBRATION_HOLDOUT_HEADERS = [
  "customer",
  "frequency_cal",
  "recency_cal",
  "T_cal",
  "monetary_cal",
  "frequency_holdout",
  "monetary_holdout",
  "duration_holdout",
] as const;

export function calibrationAndHoldout(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  amounts: readonly CellValue[],
  calibrationEnd: number,
  observationEnd?: number,
  periodDays = 1
): CalibrationHoldout {
  return calibrationHoldoutOf(
    columnCells(customerIds, dates, amounts),
    calibrationEnd,
    observationEnd,
    periodDays
  );
}

/**
 * calibrationAndHoldout over a transaction table's cells (the custom function reads Excel's ranges in place). The
 * summary's typed rows are reused for the holdout, and each customer's sheet row is built once, from the columns.
 */
export function calibrationHoldoutOf(
  cells: TransactionCells,
  calibrationEnd: number,
  observationEnd?: number,
  periodDays = 1
): CalibrationHoldout {
  const summary = summarizeTransactions(cells, calibrationEnd, periodDays);
  const end = summary.asOfDate;
  const observation = observationEnd === undefined ? summary.latest : Math.floor(observationEnd);
  if (!(observation > end))
    throw cvaError("model.holdoutEmpty", { calibrationEnd: end, observationEnd: observation });
  const customers = summary.customers.id.length;
  const holdout: Holdout = {
    spend: scratchFloat64(customers).fill(0),
    transactions: scratchInt32(customers).fill(0),
    periods: new Float64Array(customers),
    lastPeriod: scratchFloat64(customers).fill(-Infinity),
  };
  const rows: HoldoutRows = {
    day: summary.day,
    amount: summary.amount,
    customer: summary.customerOfRow,
    end,
    observation,
    periodDays,
  };
  if (!countHoldout(rows, holdout)) countPeriodsSorted(rows, holdout);
  const periodOf = (whole: number) => Math.floor((whole - PERIOD_ANCHOR) / periodDays);
  const durationHoldout = periodOf(observation) - periodOf(end);
  return {
    rows: holdoutRows(summary.customers, holdout, durationHoldout),
    frequencyHoldout: holdout.periods,
    durationHoldout,
    firstPurchase: new Float64Array(summary.customers.firstPurchase),
    asOfDate: end,
  };
}

/** One row per customer under CALIBRATION_HOLDOUT_HEADERS. */
function holdoutRows(
  customers: CustomerColumns,
  holdout: Holdout,
  durationHoldout: number
): (string | number)[][] {
  const { id, frequency, recency, T, monetary } = customers;
  const { spend, transactions, periods } = holdout;
  const rows = new Array<(string | number)[]>(id.length);
  for (let k = 0; k < id.length; k++)
    rows[k] = [
      id[k],
      frequency[k],
      recency[k],
      T[k],
      monetary[k],
      periods[k],
      transactions[k] > 0 ? spend[k] / transactions[k] : 0,
      durationHoldout,
    ];
  return rows;
}

/** The table's rows as the holdout reads them: each row's day, amount and customer (−1: none). */
interface HoldoutRows {
  day: Float64Array;
  amount: Float64Array;
  customer: Int32Array;
  end: number;
  observation: number;
  periodDays: number;
}

/** Per calibration customer: holdout spend, transactions, distinct purchase periods, and the last period counted. */
interface Holdout {
  spend: Float64Array;
  transactions: Int32Array;
  periods: Float64Array;
  lastPeriod: Float64Array;
}

/**
 * One pass over the rows: spend and transactions, and the distinct periods while each customer's holdout rows come in
 * date order (as logs list them). Returns false when some did not, and the periods must be counted by sorting.
 */
function countHoldout(rows: HoldoutRows, holdout: Holdout): boolean {
  const { day, amount, customer, end, observation, periodDays } = rows;
  const { spend, transactions, periods, lastPeriod } = holdout;
  let inOrder = true;
  for (let i = 0; i < day.length; i++) {
    const k = customer[i];
    if (k < 0 || day[i] <= end || day[i] > observation) continue;
    spend[k] += amount[i];
    transactions[k]++;
    const period = Math.floor((day[i] - PERIOD_ANCHOR) / periodDays);
    if (period > lastPeriod[k]) {
      periods[k]++;
      lastPeriod[k] = period;
    } else if (period < lastPeriod[k]) inOrder = false;
  }
  return inOrder;
}

/** Distinct holdout periods per customer from the sorted keys customer · 2³² + period offset. */
function countPeriodsSorted(rows: HoldoutRows, holdout: Holdout): void {
  const { day, customer, end, observation, periodDays } = rows;
  const periods = holdout.periods.fill(0);
  // A holdout row may share its period with the calibration end (a week straddling it): offsets start at 0 there.
  const endPeriod = Math.floor((end - PERIOD_ANCHOR) / periodDays);
  const keys = scratchFloat64(day.length);
  let count = 0;
  for (let i = 0; i < day.length; i++) {
    const k = customer[i];
    if (k < 0 || day[i] <= end || day[i] > observation) continue;
    keys[count++] = k * 2 ** 32 + (Math.floor((day[i] - PERIOD_ANCHOR) / periodDays) - endPeriod);
  }
  const sorted = keys.subarray(0, count).sort();
  for (let j = 0; j < sorted.length; j++)
    if (j === 0 || sorted[j] !== sorted[j - 1]) periods[Math.floor(sorted[j] / 2 ** 32)]++;
}
