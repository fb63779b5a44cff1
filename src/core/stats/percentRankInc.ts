import { countBelow } from "./countBelow";

/**
 * Percentile rank of a value that belongs to the data, on an ascending-sorted array:
 *
 *   rank(x) = #{values < x} / (n − 1)
 *
 * the smallest value ranks 0, the largest 1 and tied values share the rank of the first of them. For members of the
 * data this is Excel's PERCENTRANK.INC without its default truncation to 3 digits (PERCENTRANK.INC(data, x, 15)).
 * A single value has nothing to rank against and ranks 1.
 *
 * Reference: Microsoft, "PERCENTRANK.INC function".
 * @example percentRankIncSorted([10, 20, 20, 40], 20) // 1/3
 */
export function percentRankIncSorted(sorted: ArrayLike<number>, x: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("percentRankIncSorted needs at least one value");
  return n === 1 ? 1 : countBelow(sorted, x) / (n - 1);
}
