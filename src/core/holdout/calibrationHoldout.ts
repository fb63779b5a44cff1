import type { CellValue } from "../cells";
import { cvaError } from "../errors";
import { PERIOD_ANCHOR, type RfmSummary, rfmSummary } from "../summary/rfmSummary";

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
  calibration: RfmSummary;
  frequencyHoldout: Float64Array;
  monetaryHoldout: Float64Array;
  durationHoldout: number;
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
  const calibration = rfmSummary(customerIds, dates, amounts, calibrationEnd, periodDays);
  const end = Math.floor(calibration.asOfDate);
  let observation = observationEnd === undefined ? -Infinity : Math.floor(observationEnd);
  if (observationEnd === undefined)
    for (const date of dates)
      if (typeof date === "number" && date > observation) observation = Math.floor(date);
  if (!(observation > end))
    throw cvaError("model.holdoutEmpty", { calibrationEnd: end, observationEnd: observation });
  const index = new Map<CellValue, number>();
  calibration.customer.forEach((id, k) => index.set(id, k));
  const customers = calibration.customer.length;
  const spend = new Float64Array(customers);
  const transactions = new Float64Array(customers);
  const periodOf = (day: number) => Math.floor((day - PERIOD_ANCHOR) / periodDays);
  // A holdout row may share its period with the calibration end (a week straddling it): offsets start at 0 there.
  const endPeriod = periodOf(end);
  // Each holdout row as one number, customer · 2³² + period offset: sorted, equal neighbours are the same period.
  const keys: number[] = [];
  let previousId: CellValue = undefined;
  let previous: number | undefined;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    if (typeof date !== "number" || date < end + 1 || date >= observation + 1) continue;
    // Tables usually list a customer's rows together: skip the lookup while the id repeats.
    if (customerIds[i] !== previousId) {
      previousId = customerIds[i];
      previous = index.get(previousId);
    }
    if (previous === undefined) continue;
    spend[previous] += amounts[i] as number;
    transactions[previous]++;
    keys.push(previous * 2 ** 32 + (periodOf(Math.floor(date)) - endPeriod));
  }
  const sorted = Float64Array.from(keys).sort();
  const frequencyHoldout = new Float64Array(customers);
  for (let j = 0; j < sorted.length; j++)
    if (j === 0 || sorted[j] !== sorted[j - 1]) frequencyHoldout[Math.floor(sorted[j] / 2 ** 32)]++;
  const monetaryHoldout = spend.map((total, k) =>
    transactions[k] > 0 ? total / transactions[k] : 0
  );
  return {
    calibration,
    frequencyHoldout,
    monetaryHoldout,
    durationHoldout: periodOf(observation) - periodOf(end),
  };
}

/** The table CVA.CALHOLDOUT spills, under CALIBRATION_HOLDOUT_HEADERS. */
export function calibrationHoldoutRows(table: CalibrationHoldout): (string | number)[][] {
  const { calibration } = table;
  return calibration.customer.map((customer, k) => [
    customer,
    calibration.frequency[k],
    calibration.recency[k],
    calibration.T[k],
    calibration.monetary[k],
    table.frequencyHoldout[k],
    table.monetaryHoldout[k],
    table.durationHoldout,
  ]);
}
