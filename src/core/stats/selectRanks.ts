/** Below this many values a range is finished by insertion sort. */
const SMALL = 16;

/**
 * Rearranges `values` in place so that values[r] is the value of rank r (0-based, ascending) for every r in `ranks`
 * — what sorting would put there — without sorting the rest: a quickselect that follows only the parts holding a
 * wanted rank, so a few ranks of a million values cost a few passes instead of a sort. Hoare partitioning keeps
 * columns full of ties balanced; a range that partitions badly too often is sorted natively instead, which bounds
 * the worst case at n·log n. Values must not be NaN.
 * @example const v = Float64Array.of(5, 1, 4, 2, 3); selectRanks(v, [0, 2]); [v[0], v[2]] // [1, 3]
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  const wanted = Float64Array.from(ranks).sort();
  let depth = 2;
  for (let n = values.length; n > 1; n >>>= 1) depth += 2;
  select(values, 0, values.length - 1, wanted, 0, wanted.length - 1, depth);
}

function select(
  a: Float64Array,
  lo: number,
  hi: number,
  ranks: Float64Array,
  first: number,
  last: number,
  depth: number
): void {
  while (first <= last && lo < hi) {
    while (first <= last && ranks[first] < lo) first++;
    while (first <= last && ranks[last] > hi) last--;
    if (first > last) return;
    if (hi - lo < SMALL) return insertionSort(a, lo, hi);
    if (depth-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi], and everything strictly between j and i equals the pivot: those ranks are done.
    let split = first;
    while (split <= last && ranks[split] <= j) split++;
    select(a, lo, j, ranks, first, split - 1, depth);
    lo = i;
    first = split;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
