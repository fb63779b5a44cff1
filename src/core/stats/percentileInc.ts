import { selectRanks } from "./selectRanks";

/**
 * Excel's PERCENTILE.INC of one column at several k at once: rank h = (n − 1)·k, then linear interpolation between
 * the order statistics x[⌊h⌋] and x[⌊h⌋ + 1]. The order statistics are counted (whole numbers in a narrow range) or
 * selected (selectRanks), never sorted for, so `scratch` — the column's values, finite — may come back reordered.
 *
 * Reference: Microsoft, "PERCENTILE.INC function" (Hyndman & Fan definition 7).
 * @example percentilesInc(Float64Array.of(4, 1, 3, 2), [0.25, 0.3]) // [1.75, 1.9]
 */
export function percentilesInc(scratch: Float64Array, ks: readonly number[]): number[] {
  const n = scratch.length;
  if (n === 0) throw new RangeError("percentilesInc needs at least one value");
  for (const k of ks)
    if (!(k >= 0 && k <= 1)) throw new RangeError(`k must lie in [0, 1], got ${k}`);
  const ranks = ks.flatMap((k) => {
    const lower = Math.floor((n - 1) * k);
    return [lower, Math.min(lower + 1, n - 1)];
  });
  const valueOf = wholeNumberRanks(scratch, ranks) ?? selectedRanks(scratch, ranks);
  return ks.map((k, j) => {
    const h = (n - 1) * k;
    return between(valueOf[2 * j], valueOf[2 * j + 1], h - Math.floor(h));
  });
}

function selectedRanks(scratch: Float64Array, ranks: readonly number[]): number[] {
  selectRanks(scratch, ranks);
  return ranks.map((r) => scratch[r]);
}

/**
 * Counts and days — whole numbers in a range no wider than the column is long — are counted rather than selected:
 * one pass for the range, one to count each value, and the ranks are read off the running count. Undefined for any
 * other column.
 */
function wholeNumberRanks(values: Float64Array, ranks: readonly number[]): number[] | undefined {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (!(max - min <= n)) return undefined;
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== Math.floor(x)) return undefined;
    counts[x - min]++;
  }
  const byRank = ranks.map((rank, j) => [rank, j]).sort((a, b) => a[0] - b[0]);
  const found = new Array<number>(ranks.length);
  let v = 0;
  let through = counts[0]; // values ≤ min + v
  for (const [rank, j] of byRank) {
    while (through <= rank) through += counts[++v];
    found[j] = min + v;
  }
  return found;
}

/**
 * a + t·(b − a) for 0 ≤ t < 1, as Excel interpolates; when b − a overflows (a and b of opposite signs near ±1.8e308)
 * the equal (1 − t)·a + t·b, whose terms cannot.
 * @example between(-1.5e308, 1.5e308, 0.5) // 0
 */
export function between(a: number, b: number, t: number): number {
  const gap = b - a;
  return gap < Infinity ? a + t * gap : (1 - t) * a + t * b;
}
