/**
 * The present value of 1 paid n periods from now at rate d per period, for a whole n ≥ 0:
 *
 *   v^n = (1 + d)^(−n)
 *
 * by repeated squaring of v = 1/(1 + d): about log₂ n multiplications, each within an ulp, and several times faster
 * than Math.pow or exp/log1p here, which matters to a formula called once per customer row. Beyond 2³¹ periods
 * (never a real lifespan) the bit loop would overflow, so Math.pow takes over.
 * @example discountFactor(0.1, 2) // 1/1.21 = 0.8264…
 */
export function discountFactor(d: number, n: number): number {
  let base = 1 / (1 + d);
  if (n > 0x7fffffff) return Math.pow(base, n);
  let result = 1;
  for (let e = n; e > 0; e >>>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
}
