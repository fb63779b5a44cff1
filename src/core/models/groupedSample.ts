import { CvaError, cvaError } from "../errors";

/**
 * Distinct rows of a sample with their multiplicities. Customers with the same (frequency, recency, T) contribute
 * identical likelihood terms and predictions, and in real data most of them do (every one-time buyer of the same
 * day), so the models work on distinct rows and the cost grows with those, not with customers.
 *
 * Rows are ordered by their first column (the purchase count x; within it, by first appearance), so rows sharing x
 * are contiguous: the models then evaluate everything that depends on x alone (gammaln, digamma, Beta functions)
 * once per level.
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

/** Purchase counts above this would not fit the sort key below (they are far beyond any real customer). */
export const MAX_LEVEL = 2 ** 21;

/**
 * Groups the given rows (all of them, or only the listed indices) of equal-length numeric columns, each row counting
 * once or `weights[row]` times. The first column must hold whole numbers in [0, 2²¹) — it is the purchase count in
 * every use.
 *
 * Runs in linear time: an open-addressing table keyed on the rows' bit patterns finds the distinct rows (grown with
 * them, so a million customers with a few thousand distinct rows probe a table that stays in cache), and a counting
 * sort on the level orders them; a comparison sort of all rows was the bottleneck of a fit.
 * @example groupRows([[0, 1, 0], [0, 5, 0]]).weight // Float64Array [2, 1]
 */
export function groupRows(
  columns: readonly ArrayLike<number>[],
  rows?: ArrayLike<number>,
  weights?: ArrayLike<number>
): GroupedRows {
  const count = rows ? rows.length : columns[0].length;
  const width = columns.length;
  const table = new DistinctRows(width);
  const key = table.key;
  const idOf = new Int32Array(count);
  let counts = new Float64Array(16);
  for (let k = 0; k < count; k++) {
    const row = rows ? rows[k] : k;
    const level = columns[0][row];
    if (!(level >= 0 && level < MAX_LEVEL && Number.isInteger(level)))
      throw new RangeError(`groupRows: level ${level} is not a whole number in [0, 2^21)`);
    for (let c = 0; c < width; c++) key[c] = columns[c][row] + 0; // +0: −0 is the row of 0
    const id = table.idOfKey();
    if (id === counts.length) counts = grown(counts);
    counts[id] += weights ? weights[row] : 1;
    idOf[k] = id;
  }
  const distinctCount = table.size;
  const values = table.values;
  let maxLevel = 0;
  for (let id = 0; id < distinctCount; id++) maxLevel = Math.max(maxLevel, values[id * width]);
  // Counting sort by level, stable: within a level, distinct rows keep their order of first appearance.
  const levelEnd = new Int32Array(maxLevel + 1);
  for (let id = 0; id < distinctCount; id++) levelEnd[values[id * width]]++;
  const levelStart: number[] = [];
  const levelValue: number[] = [];
  for (let level = 0, at = 0; level <= maxLevel; level++) {
    if (levelEnd[level] === 0) continue;
    levelStart.push(at);
    levelValue.push(level);
    at += levelEnd[level];
    levelEnd[level] = at - levelEnd[level]; // now the next free position of the level
  }
  levelStart.push(distinctCount);
  const positionOf = new Int32Array(distinctCount);
  const distinct = columns.map(() => new Float64Array(distinctCount));
  const weight = new Float64Array(distinctCount);
  for (let id = 0; id < distinctCount; id++) {
    const i = levelEnd[values[id * width]]++;
    positionOf[id] = i;
    weight[i] = counts[id];
    for (let c = 0; c < width; c++) distinct[c][i] = values[id * width + c];
  }
  for (let k = 0; k < count; k++) idOf[k] = positionOf[idOf[k]];
  return {
    columns: distinct,
    weight,
    size: distinctCount,
    levelStart: Int32Array.from(levelStart),
    levelValue: Float64Array.from(levelValue),
    groupOf: idOf,
  };
}

/** A typed array twice as long, holding the same values first. */
export function grown<A extends Float64Array | Int32Array>(array: A): A {
  const larger = new (array.constructor as new (length: number) => A)(2 * array.length);
  larger.set(array);
  return larger;
}

/**
 * Distinct numeric rows of a fixed width, numbered 0, 1, … in order of first appearance. The row to look up is
 * written into `key`; its bits are hashed (murmur3's mixing, so rows differing only in high mantissa bits, as
 * small whole numbers do, still spread over the table), and each slot keeps the hash beside the row's id, so a
 * probe compares values only when the hashes agree. Rows holding NaN never equal themselves and stay apart.
 */
class DistinctRows {
  readonly key: Float64Array;
  private readonly keyWords: Int32Array;
  /** The distinct rows, packed row after row. */
  values: Float64Array;
  size = 0;
  /** Per slot, the id + 1 of the row it holds (0 for empty) and that row's hash. */
  private slots = new Int32Array(2 * 16);
  private mask = 15;

  constructor(private readonly width: number) {
    this.key = new Float64Array(width);
    this.keyWords = new Int32Array(this.key.buffer);
    this.values = new Float64Array(16 * width);
  }

  /** The id of the row in `key`, added if it is new. */
  idOfKey(): number {
    const { key, width, values, slots } = this;
    const hash = this.hashOfKey();
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const stored = slots[2 * slot];
      if (stored === 0) return this.add(slot, hash);
      if (slots[2 * slot + 1] !== hash) continue;
      const at = (stored - 1) * width;
      let same = true;
      for (let c = 0; c < width && same; c++) same = values[at + c] === key[c];
      if (same) return stored - 1;
    }
  }

  private hashOfKey(): number {
    const words = this.keyWords;
    let hash = 0x9e3779b9;
    for (let w = 0; w < words.length; w++) {
      hash ^= Math.imul(rotate(Math.imul(words[w], 0xcc9e2d51), 15), 0x1b873593);
      hash = (Math.imul(rotate(hash, 13), 5) + 0xe6546b64) | 0;
    }
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    return hash ^ (hash >>> 16);
  }

  private add(slot: number, hash: number): number {
    const id = this.size++;
    if (this.values.length < this.size * this.width) this.values = grown(this.values);
    this.values.set(this.key, id * this.width);
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = hash;
    if (2 * this.size > this.mask) this.rehash();
    return id;
  }

  /** Doubles the table, keeping it at most half full, the rows re-placed by their stored hashes. */
  private rehash(): void {
    const old = this.slots;
    this.mask = 2 * this.mask + 1;
    this.slots = new Int32Array(2 * (this.mask + 1));
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      let slot = old[s + 1] & this.mask;
      while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = old[s];
      this.slots[2 * slot + 1] = old[s + 1];
    }
  }
}

function rotate(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits));
}

/** The rules of rfmRowError as one expression: the fast check for the common valid row (NaN fails every test). */
export function isValidRfmRow(frequency: number, recency: number, T: number): boolean {
  return (
    Number.isInteger(frequency) &&
    frequency >= 0 &&
    frequency < MAX_LEVEL &&
    recency >= 0 &&
    recency <= T &&
    T < Infinity &&
    frequency > 0 === recency > 0
  );
}

/**
 * What is wrong with one (frequency, recency, T) row, or null. The same rules as lifetimes' input checks: the
 * models' likelihoods are undefined (or silently wrong) for such rows.
 */
export function rfmRowError(frequency: number, recency: number, T: number): CvaError | null {
  const invalid =
    invalidTime("frequency", frequency) ?? invalidTime("recency", recency) ?? invalidTime("T", T);
  if (invalid) return invalid;
  if (!Number.isInteger(frequency)) return cvaError("model.frequencyWhole", { value: frequency });
  if (frequency >= MAX_LEVEL) return tooManyPurchases(frequency);
  if (frequency > 0 && recency === 0) return cvaError("model.repeatWithoutRecency", { frequency });
  if (frequency === 0 && recency > 0) return cvaError("model.recencyWithoutRepeat", { recency });
  if (recency > T) return cvaError("model.recencyAfterT", { recency, T });
  return null;
}

export function tooManyPurchases(frequency: number): CvaError {
  return cvaError("model.tooManyPurchases", { value: frequency, max: MAX_LEVEL - 1 });
}

/** A column's value that is not a number ≥ 0, named by its parameter name (frequency, recency, T, monetary). */
export function invalidTime(name: string, value: number): CvaError | null {
  if (!Number.isFinite(value)) return cvaError("model.notNumber", { name, value: String(value) });
  return value < 0 ? cvaError("model.negative", { name, value }) : null;
}

/** The error of a row of a fitted sample, with its 1-based row: "Row 3: recency 40 exceeds T 38.86: …". */
export function inRow(row: number, error: CvaError): CvaError {
  return new CvaError({ code: "model.inRow", params: { row, detail: error.text } }, error.code);
}

/** Throws the row's problem, for the per-customer predictions (the adapters turn it into that row's error). */
export function checkedRow(frequency: number, recency: number, T: number): void {
  const error = rfmRowError(frequency, recency, T);
  if (error) throw error;
}

/** Throws unless t, a prediction horizon in the data's time unit, is a finite number ≥ 0. */
export function checkedTime(t: number): void {
  if (!Number.isFinite(t)) throw cvaError("model.horizonNotNumber", { value: String(t) });
  if (t < 0) throw cvaError("model.horizonNegative", { value: t });
}

/**
 * The distinct (frequency, recency, T) rows of a sample the transaction models are fitted on. Recency and T also
 * come as indices into their distinct values: a data set has far fewer distinct ages and recencies than rows
 * (whole days or weeks), so per-evaluation logarithms like ln(α + T) are taken once per value, not per row.
 */
export interface RfmSample {
  customers: number;
  size: number;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  levelStart: Int32Array;
  levelFrequency: Float64Array;
  recencyValues: Float64Array;
  recencyIndex: Int32Array;
  TValues: Float64Array;
  TIndex: Int32Array;
  /** Σ T / Σ frequency: time per repeat purchase, the data's time scale, for starting points. */
  timePerPurchase: number;
}

/**
 * Validates and groups the customers a transaction model is fitted on; with `count`, row i stands for count[i]
 * customers (a grouped table of (frequency, recency, T, count) fits exactly like the rows it summarises). Throws a
 * CvaError naming the first bad row (1-based), or when the sample cannot identify the model: fewer than two
 * customers, or no repeat purchase at all.
 */
export function rfmSample(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  T: ArrayLike<number>,
  count?: ArrayLike<number>
): RfmSample {
  const rows = frequency.length;
  if (recency.length !== rows || T.length !== rows || (count && count.length !== rows)) {
    throw cvaError("model.rowCounts", {
      names: count ? "frequency, recency, T and count" : "frequency, recency and T",
      counts: [rows, recency.length, T.length, ...(count ? [count.length] : [])].join(", "),
    });
  }
  let customers = 0;
  let repeatCustomers = 0;
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < rows; i++) {
    if (!isValidRfmRow(frequency[i], recency[i], T[i]))
      throw inRow(i + 1, rfmRowError(frequency[i], recency[i], T[i]) as CvaError);
    const weight = count ? count[i] : 1;
    if (!(weight >= 0 && weight < Infinity)) throw inRow(i + 1, invalidCount(weight));
    customers += weight;
    if (frequency[i] > 0) repeatCustomers += weight;
    purchases += weight * frequency[i];
    exposure += weight * T[i];
  }
  if (customers < 2) throw cvaError("model.tooFewCustomers", { count: customers });
  if (repeatCustomers === 0) throw cvaError("model.noRepeatPurchase");
  const grouped = groupRows([frequency, recency, T], undefined, count);
  const [recencyValues, recencyIndex] = distinctValues(grouped.columns[1]);
  const [TValues, TIndex] = distinctValues(grouped.columns[2]);
  return {
    customers,
    size: grouped.size,
    frequency: grouped.columns[0],
    recency: grouped.columns[1],
    T: grouped.columns[2],
    weight: grouped.weight,
    levelStart: grouped.levelStart,
    levelFrequency: grouped.levelValue,
    recencyValues,
    recencyIndex,
    TValues,
    TIndex,
    timePerPurchase: exposure / purchases,
  };
}

/** What is wrong with a row's customer count (a number ≥ 0 is right). */
export function invalidCount(count: number): CvaError {
  return Number.isFinite(count)
    ? cvaError("model.negative", { name: "count", value: count })
    : cvaError("model.notNumber", { name: "count", value: String(count) });
}

/** The distinct values of a column and, per entry, the index of its value among them. */
function distinctValues(column: Float64Array): [Float64Array, Int32Array] {
  const indexOf = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    let k = indexOf.get(column[i]);
    if (k === undefined) {
      k = values.length;
      indexOf.set(column[i], k);
      values.push(column[i]);
    }
    index[i] = k;
  }
  return [Float64Array.from(values), index];
}
