import type { CellValue } from "../cells";
import { cvaError } from "../errors";
import { scratchFloat64 } from "../stats/scratch";
import {
  columnCells,
  PERIOD_ANCHOR,
  rfmSummaryWithRows,
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
 * summary's rows are reused: each customer's orders, total and purchase dates give way to the holdout columns.
 */
export function calibrationHoldoutOf(
  cells: TransactionCells,
  calibrationEnd: number,
  observationEnd?: number,
  periodDays = 1
): CalibrationHoldout {
  const summary = rfmSummaryWithRows(cells, calibrationEnd, periodDays);
  const { sheet, day, amount, customerOf } = summary;
  const end = sheet.asOfDate;
  const observation = observationEnd === undefined ? summary.latest : Math.floor(observationEnd);
  if (!(observation > end))
    throw cvaError("model.holdoutEmpty", { calibrationEnd: end, observationEnd: observation });
  const rows = sheet.rows.slice(1);
  const customers = rows.length;
  const holdout: Holdout = {
    spend: new Float64Array(customers),
    transactions: new Float64Array(customers),
    periods: new Float64Array(customers),
    lastPeriod: new Float64Array(customers).fill(-Infinity),
  };
  const rowsOf = { day, amount, customerOf, end, observation, periodDays };
  if (!countHoldout(rowsOf, holdout)) countPeriodsSorted(rowsOf, holdout);
  const periodOf = (whole: number) => Math.floor((whole - PERIOD_ANCHOR) / periodDays);
  const durationHoldout = periodOf(observation) - periodOf(end);
  const firstPurchase = new Float64Array(customers);
  const { spend, transactions, periods } = holdout;
  for (let k = 0; k < customers; k++) {
    const row = rows[k];
    firstPurchase[k] = row[7] as number;
    row[5] = periods[k];
    row[6] = transactions[k] > 0 ? spend[k] / transactions[k] : 0;
    row[7] = durationHoldout;
    row.pop(); // the last purchase
  }
  return { rows, frequencyHoldout: periods, durationHoldout, firstPurchase, asOfDate: end };
}

/** The table's rows as the holdout reads them. */
interface HoldoutRows {
  day: Float64Array;
  amount: Float64Array;
  customerOf(row: number): number;
  end: number;
  observation: number;
  periodDays: number;
}

/** Per calibration customer: holdout spend, transactions, distinct purchase periods, and the last period counted. */
interface Holdout {
  spend: Float64Array;
  transactions: Float64Array;
  periods: Float64Array;
  lastPeriod: Float64Array;
}

/**
 * One pass over the rows: spend and transactions, and the distinct periods while each customer's holdout rows come in
 * date order (as logs list them). Returns false when some did not, and the periods must be counted by sorting.
 */
function countHoldout(rows: HoldoutRows, holdout: Holdout): boolean {
  const { day, amount, customerOf, end, observation, periodDays } = rows;
  const { spend, transactions, periods, lastPeriod } = holdout;
  let inOrder = true;
  for (let i = 0; i < day.length; i++) {
    const k = customerOf(i);
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
  const { day, customerOf, end, observation, periodDays } = rows;
  const periods = holdout.periods.fill(0);
  // A holdout row may share its period with the calibration end (a week straddling it): offsets start at 0 there.
  const endPeriod = Math.floor((end - PERIOD_ANCHOR) / periodDays);
  const keys = scratchFloat64(day.length);
  let count = 0;
  for (let i = 0; i < day.length; i++) {
    const k = customerOf(i);
    if (k < 0 || day[i] <= end || day[i] > observation) continue;
    keys[count++] = k * 2 ** 32 + (Math.floor((day[i] - PERIOD_ANCHOR) / periodDays) - endPeriod);
  }
  const sorted = keys.subarray(0, count).sort();
  for (let j = 0; j < sorted.length; j++)
    if (j === 0 || sorted[j] !== sorted[j - 1]) periods[Math.floor(sorted[j] / 2 ** 32)]++;
}
