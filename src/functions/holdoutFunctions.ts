// Splitting a transaction table into calibration and holdout periods (CVA.CALHOLDOUT), to test a model's
// predictions against what customers did next.
import {
  CALIBRATION_HOLDOUT_HEADERS,
  calibrationHoldoutOf,
} from "../core/holdout/calibrationHoldout";
import { cellNumber, cellNumberOr, optionalCell, spill } from "./ranges";
import { rangeCells } from "./summaryFunctions";

/**
 * Summarises a transaction table over a calibration period and the holdout period after it, as lifetimes' calibration_and_holdout_data: fit a model on the calibration columns, predict purchases over duration_holdout and compare with frequency_holdout. Spills a header row, then per customer seen in the calibration period: customer, frequency_cal, recency_cal, T_cal, monetary_cal (as CVA.RFMSUMMARY up to calibrationEnd), frequency_holdout (purchase periods after calibrationEnd up to observationEnd, same-day purchases counted once), monetary_holdout (mean amount of those transactions), duration_holdout.
 * @customfunction CALHOLDOUT
 * @param {any[][]} customerIds Customer id of each transaction (one column).
 * @param {number[][]} dates Date of each transaction, as Excel dates (one column, same length).
 * @param {number[][]} amounts Amount of each transaction (one column, same length).
 * @param {number} calibrationEnd Last date of the calibration period (included).
 * @param {number} [observationEnd] Last date of the holdout period. Default: the latest transaction date.
 * @param {number} [periodDays] Days per period: 1 (the default) gives days, 7 weeks (Monday to Sunday).
 * @returns {any[][]} A header row, then one row per customer.
 */
export function calHoldout(
  customerIds: any[][],
  dates: number[][],
  amounts: number[][],
  calibrationEnd: number,
  observationEnd?: number,
  periodDays?: number
): any[][] {
  return spill(() => {
    const end = optionalCell(observationEnd, "observationEnd");
    const table = calibrationHoldoutOf(
      rangeCells(customerIds, dates, amounts),
      cellNumber(calibrationEnd, "calibrationEnd"),
      end === undefined ? undefined : cellNumber(end, "observationEnd"),
      cellNumberOr(optionalCell(periodDays, "periodDays"), "periodDays", 1)
    );
    // The header goes in front in place: a spread would copy every customer's row through the iterator.
    table.rows.unshift([...CALIBRATION_HOLDOUT_HEADERS]);
    return table.rows;
  });
}
