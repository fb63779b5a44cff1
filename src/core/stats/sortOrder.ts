/** 11-bit digits: three passes per 32-bit half, with a 2,048-entry histogram that stays in cache. */
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

export interface SortOrder {
  /** order[p] is the index of the p-th smallest value. */
  order: Uint32Array;
  /** The values in ascending order: sorted[p] = values[order[p]]. */
  sorted: Float64Array;
}

/**
 * The ascending sort order of the values (an "argsort") and the sorted values; equal values keep their input order.
 * −0 sorts (and comes back) as 0; values must not be NaN.
 *
 * LSD radix sort on the 64-bit patterns of the doubles, 11 bits per pass (6 passes), carrying the keys along so every pass reads
 * and writes sequentially: a comparison sort or a binary search per value spends its time on cache misses once a
 * column has a million rows. A double's bits become an unsigned key that orders like the number by flipping all
 * bits of a negative number and only the sign bit of a positive one (Herf, "Radix tricks", 2001). Passes whose digit
 * is the same for every value are skipped, which is most of them for counts, days or whole amounts.
 * @example sortOrder([30, 10, 20]) // { order: [1, 2, 0], sorted: [10, 20, 30] }
 */
export function sortOrder(values: ArrayLike<number>): SortOrder {
  const n = values.length;
  const pair = new Float64Array(1);
  const bits = new Uint32Array(pair.buffer);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    pair[0] = values[i] + 0; // −0 + 0 is +0, so both zeros get one key
    const negative = bits[1] >>> 31 === 1;
    hi[i] = negative ? ~bits[1] >>> 0 : (bits[1] | 0x80000000) >>> 0;
    lo[i] = negative ? ~bits[0] >>> 0 : bits[0];
    order[i] = i;
  }
  let hiNext = new Uint32Array(n);
  let loNext = new Uint32Array(n);
  let orderNext = new Uint32Array(n);
  const counts = new Uint32Array(DIGIT_MASK + 1);
  for (let pass = 0; pass < 6; pass++) {
    const word = pass < 3 ? lo : hi;
    const shift = (pass % 3) * DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(word[i] >>> shift) & DIGIT_MASK]++;
    if (counts[(word[0] >>> shift) & DIGIT_MASK] === n) continue;
    let start = 0;
    for (let b = 0; b <= DIGIT_MASK; b++) {
      const c = counts[b];
      counts[b] = start;
      start += c;
    }
    for (let i = 0; i < n; i++) {
      const target = counts[(word[i] >>> shift) & DIGIT_MASK]++;
      hiNext[target] = hi[i];
      loNext[target] = lo[i];
      orderNext[target] = order[i];
    }
    [hi, hiNext] = [hiNext, hi];
    [lo, loNext] = [loNext, lo];
    [order, orderNext] = [orderNext, order];
  }
  const sorted = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const positive = hi[p] >>> 31 === 1;
    bits[1] = positive ? hi[p] & 0x7fffffff : ~hi[p];
    bits[0] = positive ? lo[p] : ~lo[p];
    sorted[p] = pair[0];
  }
  return { order, sorted };
}
