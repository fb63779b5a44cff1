import { CvaError, cvaError } from "../errors";
import {
  conditionalExpectedAverageSpend,
  type GammaGammaParams,
  spendRowError,
} from "./gammaGamma";
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

/** CLV's horizons, the end of each month in data periods, and the weight of each month's cumulative purchases. */
export interface ClvHorizons {
  horizons: Float64Array;
  weights: Float64Array;
}

/**
 * Σₖ disc_k · (E[X(k·u)] − E[X((k−1)·u)]) regrouped as Σₖ wₖ · E[X(k·u)] with wₖ = disc_k − disc_(k+1) (and no
 * month after the last), so a model can sum the cumulative expectations at once. Throws on bad options.
 */
export function clvHorizons(options: ClvOptions = {}): ClvHorizons {
  const { months = 12, monthlyDiscountRate = 0.01, dataUnit = "D" } = options;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS)
    throw cvaError("model.months", { max: MAX_MONTHS, value: months });
  checkedDiscountRate(monthlyDiscountRate);
  const periodsPerMonth = PERIODS_PER_MONTH[dataUnit];
  if (periodsPerMonth === undefined) throw cvaError("model.dataUnit", { value: String(dataUnit) });
  const discount = (k: number) => (k > months ? 0 : Math.pow(1 + monthlyDiscountRate, -k));
  return {
    horizons: Float64Array.from({ length: months }, (_, k) => (k + 1) * periodsPerMonth),
    weights: Float64Array.from({ length: months }, (_, k) => discount(k + 1) - discount(k + 2)),
  };
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
 * E[X(t) | x, tₓ, T] = P(alive | x, tₓ, T) · E[X(t) | alive, x, T], and the horizon-dependent factor, the costly
 * one, depends on (x, T) only: it is summed once per distinct (x, T) pair, which a customer base repeats many times
 * over. P(alive) is taken per customer (cheaper than finding the distinct rows), except for one-time buyers, whose
 * P(alive) depends on T alone and is taken per pair.
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
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || monetary.length !== n) {
    throw cvaError("model.rowCounts", {
      names: "frequency, recency, T and monetary",
      counts: `${n}, ${recency.length}, ${T.length}, ${monetary.length}`,
    });
  }
  const { horizons, weights } = clvHorizons(options);
  if (!(spend.q > 1)) throw cvaError("model.infiniteMeanSpend", { q: spend.q });

  const results: (number | CvaError)[] = new Array(n);
  const valid = new Int32Array(n);
  let validCount = 0;
  for (let i = 0; i < n; i++) {
    const error = clvRowError(frequency[i], recency[i], T[i], monetary[i]);
    if (error) results[i] = error;
    else {
      results[i] = conditionalExpectedAverageSpend(spend, frequency[i], monetary[i]);
      valid[validCount++] = i;
    }
  }
  const rows = valid.subarray(0, validCount);
  const model = transactionModel(transactions);
  const pairs = groupRows([frequency, T], rows);
  const [x, age] = pairs.columns;
  const purchases = new Float64Array(pairs.size);
  const pairErrors = model.purchasesIfAliveOverHorizons(
    transactions,
    horizons,
    weights,
    x,
    age,
    purchases
  );
  const oneTimeAlive = new Float64Array(pairs.size);
  for (let p = 0; p < pairs.size; p++)
    if (x[p] === 0) oneTimeAlive[p] = model.conditionalProbabilityAlive(transactions, 0, 0, age[p]);
  for (let k = 0; k < validCount; k++) {
    const i = rows[k];
    const pair = pairs.groupOf[k];
    const alive =
      frequency[i] === 0
        ? oneTimeAlive[pair]
        : model.conditionalProbabilityAlive(transactions, frequency[i], recency[i], T[i]);
    results[i] = pairErrors.get(pair) ?? (results[i] as number) * alive * purchases[pair];
  }
  return results;
}

/** What keeps a customer from a CLV: a bad (frequency, recency, T) row first, then a bad spend. */
export function clvRowError(
  frequency: number,
  recency: number,
  T: number,
  monetary: number
): CvaError | null {
  if (!isValidRfmRow(frequency, recency, T)) return rfmRowError(frequency, recency, T);
  return spendRowError(frequency, monetary);
}
