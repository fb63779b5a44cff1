import { CvaError, cvaError, isCvaError } from "../errors";
import { conditionalExpectedAverageSpend, type GammaGammaParams } from "./gammaGamma";
import { groupRows, isValidRfmRow, rfmRowError } from "./groupedSample";
import { transactionModel, type TransactionModelParams } from "./registry";

/**
 * The time unit the model's frequency/recency/T data are in: days, weeks or months. CLV is summed month by
 * month, so it must know how many data periods make a month; getting this wrong silently scales CLV by ~30×,
 * lifetimes' most reported trap.
 */
export type DataUnit = "D" | "W" | "M";

/** Data periods per month, lifetimes' conventions in customer_lifetime_value (so results agree with it). */
export const PERIODS_PER_MONTH: Readonly<Record<DataUnit, number>> = { D: 30, W: 4.345, M: 1 };

/** The longest horizon summed: a century, far beyond any useful prediction (and the cost is linear in it). */
export const MAX_MONTHS = 1200;

export interface ClvOptions {
  /** Months ahead to sum over (default 12). */
  months?: number;
  /** Discount rate per month (default 0.01, i.e. ~12.7% a year). */
  monthlyDiscountRate?: number;
  /** Unit of recency and T (default "D", as RFMSUMMARY with periodDays = 1 produces). */
  dataUnit?: DataUnit;
}

/**
 * A monthly discount rate is a fraction: 0.01 is 1 % a month. A value above 1 is almost surely a percentage typed
 * as a number (12 for 12 %), which would silently discount at 1,200 % a month, so it is refused with the fraction
 * to type instead, as CLV refuses a margin of 40; rates down to −1 (exclusive) are allowed.
 */
function checkedDiscountRate(rate: number): void {
  if (rate > -1 && rate <= 1) return;
  if (rate > 1 && Number.isFinite(rate))
    throw cvaError("model.discountAsPercent", {
      value: rate,
      percent: rate * 100,
      fraction: rate / 100,
    });
  throw cvaError("model.discountRange", { value: rate });
}

/**
 * Predicted customer lifetime value over the next `months` months, discounted monthly (lifetimes'
 * customer_lifetime_value, after Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-value Curves"):
 *
 *   CLV = Σ_{k=1..months} E[spend] · (E[X(k·u)] − E[X((k−1)·u)]) / (1 + rate)^k
 *
 * where E[X(t)] is the transaction model's conditional expected purchases in t data periods given the customer's
 * (frequency, recency, T), u = PERIODS_PER_MONTH[dataUnit], and E[spend] the Gamma-Gamma conditional expected
 * average spend given (frequency, monetary). A bad row gets its own CvaError; bad options throw.
 *
 * Customers with identical (frequency, recency, T) share the purchase part, which is computed once per distinct
 * row: its hypergeometric series are the whole cost.
 */
export function predictedClv(
  transactions: TransactionModelParams,
  spend: GammaGammaParams,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: ClvOptions = {}
): (number | CvaError)[] {
  const { months = 12, monthlyDiscountRate = 0.01, dataUnit = "D" } = options;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || monetary.length !== n) {
    throw cvaError("model.rowCounts", {
      names: "frequency, recency, T and monetary",
      counts: `${n}, ${recency.length}, ${T.length}, ${monetary.length}`,
    });
  }
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS)
    throw cvaError("model.months", { max: MAX_MONTHS, value: months });
  checkedDiscountRate(monthlyDiscountRate);
  const periodsPerMonth = PERIODS_PER_MONTH[dataUnit];
  if (periodsPerMonth === undefined) throw cvaError("model.dataUnit", { value: String(dataUnit) });
  if (!(spend.q > 1)) throw cvaError("model.infiniteMeanSpend", { q: spend.q });

  const results: (number | CvaError)[] = new Array(n);
  const valid: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isValidRfmRow(frequency[i], recency[i], T[i])) {
      results[i] = rfmRowError(frequency[i], recency[i], T[i]) as CvaError;
      continue;
    }
    try {
      results[i] = conditionalExpectedAverageSpend(spend, frequency[i], monetary[i]);
      valid.push(i);
    } catch (spendError) {
      if (!isCvaError(spendError)) throw spendError;
      results[i] = spendError;
    }
  }

  // E[X(t) | x, tₓ, T] = P(alive | x, tₓ, T) · E[X(t) | alive, x, T]: the horizon-dependent part, the costly one,
  // depends on (x, T) only, so it is summed once per distinct (x, T) pair, and P(alive) once per distinct row.
  const model = transactionModel(transactions);
  const discount = Array.from({ length: months }, (_, k) =>
    Math.pow(1 + monthlyDiscountRate, -(k + 1))
  );
  const rows = groupRows([frequency, recency, T], valid);
  const [x, tx, age] = rows.columns;
  const pairs = groupRows([x, age]);
  const [pairFrequency, pairAge] = pairs.columns;
  const discountedPurchasesIfAlive = new Float64Array(pairs.size);
  // A pair the model cannot value (a horizon far beyond its time scale) is an error for its customers only.
  const pairErrors = new Map<number, CvaError>();
  for (let i = 0; i < pairs.size; i++) {
    try {
      let previous = 0;
      let sum = 0;
      for (let k = 0; k < months; k++) {
        const cumulative = model.expectedPurchasesIfAlive(
          transactions,
          (k + 1) * periodsPerMonth,
          pairFrequency[i],
          pairAge[i]
        );
        sum += (cumulative - previous) * discount[k];
        previous = cumulative;
      }
      discountedPurchasesIfAlive[i] = sum;
    } catch (error) {
      if (!isCvaError(error)) throw error;
      pairErrors.set(i, error);
    }
  }
  const discountedPurchases = new Float64Array(rows.size);
  for (let i = 0; i < rows.size; i++) {
    const alive = model.conditionalProbabilityAlive(transactions, x[i], tx[i], age[i]);
    discountedPurchases[i] = alive * discountedPurchasesIfAlive[pairs.groupOf[i]];
  }
  valid.forEach((row, k) => {
    const group = rows.groupOf[k];
    results[row] =
      pairErrors.get(pairs.groupOf[group]) ?? (results[row] as number) * discountedPurchases[group];
  });
  return results;
}
