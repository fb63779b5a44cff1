/**
 * Excel's PERCENTILE.INC on an ascending-sorted array: rank h = (n − 1)·k, then linear interpolation between
 * the order statistics x[⌊h⌋] and x[⌊h⌋ + 1].
 *
 * Reference: Microsoft, "PERCENTILE.INC function" (Hyndman & Fan definition 7).
 * @example percentileIncSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export function percentileIncSorted(sorted: ArrayLike<number>, k: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentileIncSorted needs at least one value");
  if (!(k >= 0 && k <= 1)) throw new RangeError(`k must lie in [0, 1], got ${k}`);
  const h = (n - 1) * k;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}
