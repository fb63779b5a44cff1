/**
 * How many values of an ascending-sorted array are strictly below x (the lower bound of x), by binary search.
 * With x in the data this is the number of values ranked before it, ties excluded, so equal values get equal counts.
 * @example countBelow([1, 2, 2, 5], 2) // 1
 */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
