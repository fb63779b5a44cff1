import { CvaError, numError, valueError } from "../errors";

/**
 * Distinct rows of a sample with their multiplicities. Customers with the same (frequency, recency, T) contribute
 * identical likelihood terms and predictions, and in real data most of them do (every one-time buyer of the same
 * day), so the models work on distinct rows and the cost grows with those, not with customers.
 *
 * Rows are sorted by their first column (the purchase count x), so rows sharing x are contiguous: the models then
 * evaluate everything that depends on x alone (gammaln, digamma, Beta functions) once per level.
 */
export interface GroupedRows {
  /** The distinct rows, one array per input column. */
  readonly columns: readonly Float64Array[];
  /** How many input rows each distinct row stands for. */
  readonly weight: Float64Array;
  readonly size: number;
  /** Distinct rows levelStart[k] ≤ i < levelStart[k + 1] have first column levelValue[k]. */
  readonly levelStart: Int32Array;
  readonly levelValue: Float64Array;
  /** For each selected input row, in the order selected, the index of its distinct row. */
  readonly groupOf: Int32Array;
}

/**
 * Groups the given rows (all of them, or only the listed indices) of equal-length numeric columns.
 * @example groupRows([[0, 1, 0], [0, 5, 0]]).weight // Float64Array [2, 1]
 */
export function groupRows(columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): GroupedRows {
  const selected = rows ? Int32Array.from(rows) : Int32Array.from({ length: columns[0].length }, (_, i) => i);
  const order = Int32Array.from(selected.keys());
  const compare = (i: number, j: number): number => {
    for (const column of columns) {
      const difference = column[selected[i]] - column[selected[j]];
      if (difference !== 0) return difference;
    }
    return 0;
  };
  order.sort(compare);
  const groupOf = new Int32Array(selected.length);
  const firsts: number[] = [];
  const weights: number[] = [];
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || compare(order[k - 1], order[k]) !== 0) {
      firsts.push(selected[order[k]]);
      weights.push(0);
    }
    weights[weights.length - 1]++;
    groupOf[order[k]] = firsts.length - 1;
  }
  const distinct = columns.map((column) => Float64Array.from(firsts, (i) => column[i]));
  const levelStart: number[] = [];
  const levelValue: number[] = [];
  distinct[0]?.forEach((value, i) => {
    if (i === 0 || value !== distinct[0][i - 1]) {
      levelStart.push(i);
      levelValue.push(value);
    }
  });
  levelStart.push(firsts.length);
  return {
    columns: distinct,
    weight: Float64Array.from(weights),
    size: firsts.length,
    levelStart: Int32Array.from(levelStart),
    levelValue: Float64Array.from(levelValue),
    groupOf,
  };
}

/** A customer's purchase history in the models' terms, each in the time unit of the data (days, weeks…). */
export interface RfmRow {
  /** Repeat purchases: distinct purchase periods after the first. */
  frequency: number;
  /** Time from the first to the last purchase. */
  recency: number;
  /** Time from the first purchase to the end of observation (the customer's age). */
  T: number;
}

/**
 * What is wrong with one (frequency, recency, T) row, or null. The same rules as lifetimes' input checks: the
 * models' likelihoods are undefined (or silently wrong) for such rows.
 */
export function rfmRowError(frequency: number, recency: number, T: number): CvaError | null {
  for (const [name, value] of [
    ["frequency", frequency],
    ["recency", recency],
    ["T", T],
  ] as const) {
    if (!Number.isFinite(value)) return valueError(`${name} must be a number, got ${value}.`);
    if (value < 0) return numError(`${name} must not be negative, got ${value}.`);
  }
  if (!Number.isInteger(frequency)) return numError(`frequency counts repeat purchases and must be a whole number, got ${frequency}.`);
  if (frequency > 0 && recency === 0) {
    return numError(`frequency ${frequency} with recency 0: repeat purchases must come after the first, so recency must be > 0.`);
  }
  if (frequency === 0 && recency > 0) return numError(`recency ${recency} with frequency 0: without repeat purchases recency must be 0.`);
  if (recency > T) {
    return numError(`recency ${recency} exceeds T ${T}: the last purchase cannot come after the end of observation (same time unit? same as-of date?).`);
  }
  return null;
}

/** The distinct (frequency, recency, T) rows of a sample the transaction models are fitted on. */
export interface RfmSample {
  customers: number;
  size: number;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  levelStart: Int32Array;
  levelFrequency: Float64Array;
}

/**
 * Validates and groups the customers a transaction model is fitted on. Throws a CvaError naming the first bad row
 * (1-based), or when the sample cannot identify the model: fewer than two customers, or no repeat purchase at all.
 */
export function rfmSample(frequency: ArrayLike<number>, recency: ArrayLike<number>, T: ArrayLike<number>): RfmSample {
  const customers = frequency.length;
  if (recency.length !== customers || T.length !== customers) {
    throw valueError(`frequency, recency and T must have the same number of rows (got ${customers}, ${recency.length}, ${T.length}).`);
  }
  if (customers < 2) throw numError(`A model needs at least 2 customers to fit, got ${customers}.`);
  let repeatCustomers = 0;
  for (let i = 0; i < customers; i++) {
    const error = rfmRowError(frequency[i], recency[i], T[i]);
    if (error) throw new CvaError(error.code, `Row ${i + 1}: ${error.message}`);
    if (frequency[i] > 0) repeatCustomers++;
  }
  if (repeatCustomers === 0) throw numError("No customer has a repeat purchase (all frequencies are 0): the purchase rate cannot be estimated.");
  const grouped = groupRows([frequency, recency, T]);
  return {
    customers,
    size: grouped.size,
    frequency: grouped.columns[0],
    recency: grouped.columns[1],
    T: grouped.columns[2],
    weight: grouped.weight,
    levelStart: grouped.levelStart,
    levelFrequency: grouped.levelValue,
  };
}
