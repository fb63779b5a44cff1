/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for real arguments and z < 1,
 * plus the special case 2F1(1, d; c; z) with its partial derivatives, which the Pareto/NBD likelihood needs.
 *
 * The BTYD models only meet 0 ≤ z < 1, but with parameters that grow with a customer's purchase count x
 * (r + x, b + x, …, x in the hundreds). Summed directly, such a series climbs to ~(1 − z)^−(a+b−c) before it
 * turns, which overflows or loses every digit. Euler's transformation
 *   2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c − a, c − b; c; z)          (Abramowitz & Stegun 15.3.3)
 * trades the large numerator parameters for small ones, and for negative z Pfaff's transformation
 *   2F1(a, b; c; z) = (1 − z)^(−a) · 2F1(a, c − b; c; z / (z − 1))       (A&S 15.3.4)
 * brings the argument back into [0, 1), so the series that is summed always has modest terms.
 *
 * Convergence is geometric with ratio → z, so z close to 1 costs ~37 / (1 − z) terms; we sum until the tail is
 * provably below double precision rather than until "a small term", and give up loudly after MAX_TERMS.
 */

const EPSILON = 1e-17;
const MAX_TERMS = 200_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real a, b, c (c not 0, −1, −2, …) and real z < 1.
 *
 * Reference: Abramowitz & Stegun (1964) 15.1.1, 15.3.3, 15.3.4; DLMF §15.2, §15.8.
 * @example hyp2f1(1, 1, 2, 0.5) // 2·ln 2 = 1.3862943611198906
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1 needs z < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c}`);
  if (z < 0) {
    // Pfaff: keep whichever numerator parameter leaves the smaller second parameter in the new series.
    const w = z / (z - 1);
    return Math.abs(c - b) <= Math.abs(c - a)
      ? Math.pow(1 - z, -a) * gaussSeries(a, c - b, c, w)
      : Math.pow(1 - z, -b) * gaussSeries(c - a, b, c, w);
  }
  if (Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b)) {
    return Math.pow(1 - z, c - a - b) * gaussSeries(c - a, c - b, c, z);
  }
  return gaussSeries(a, b, c, z);
}

/** The Maclaurin series of 2F1 for 0 ≤ z < 1, summed until the remaining tail is below EPSILON relative. */
function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let compensation = 0; // Neumaier summation: near z = 1 thousands of terms would otherwise lose ~n·ε
  // Past this index every factor (a + n)(b + n) keeps its sign, so the term ratios settle towards z.
  const monotoneFrom = Math.max(0, -Math.min(a, b));
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    if (term === 0) return sum + compensation; // a or b was a non-positive integer: the series is a polynomial
    if (n >= monotoneFrom) {
      // The ratio tends to z, from above when a + b − c − 1 > 0, so max(z, this ratio) bounds all later ones.
      const bound = Math.max(z, Math.abs(ratio));
      if (bound < 1 && Math.abs(term) * bound <= EPSILON * (1 - bound) * Math.abs(sum))
        return sum + compensation;
    }
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

/**
 * 2F1(1, d; c; z) = Σₙ (d)ₙ/(c)ₙ zⁿ for 0 < d < c and 0 ≤ z < 1, and, when `gradient` is given, its partial
 * derivatives in d, c and z, summed alongside in the same loop (forward-mode differentiation of the series).
 *
 * With d < c every term ratio (d + n) z / (c + n) is below z, all terms are positive and the sum lies in
 * [1, 1/(1 − z)], so the value is accurate to a few ulps for any size of d and c. This is the shape the Pareto/NBD
 * likelihood takes after Euler's transformation (see paretoNbd.ts). Returns NaN, rather than throwing, when
 * z is so close to 1 that the series would need more than MAX_TERMS terms: the optimizer then backs off.
 *
 * Reference: A&S 15.1.1 with a = 1; derivatives term by term, ∂(d)ₙ/∂d = (d)ₙ Σₖ<ₙ 1/(d + k).
 * @example unitHyp2f1(1, 2, 0.5) // 2F1(1, 1; 2; 0.5) = 2·ln 2
 */
export function unitHyp2f1(d: number, c: number, z: number, gradient?: Float64Array): number {
  let zPower = 1; // qₙ z^(n−1), the z-derivative's term without its factor n (defined at z = 0 as well)
  let term = 1; // qₙ zⁿ with qₙ = (d)ₙ / (c)ₙ
  let sum = 1;
  let compensation = 0;
  let sumD = 0;
  let sumC = 0;
  let sumZ = 0;
  let harmonicD = 0; // Σₖ<ₙ 1/(d + k)
  let harmonicC = 0; // Σₖ<ₙ 1/(c + k)
  for (let n = 1; n <= MAX_TERMS; n++) {
    const ratio = (d + n - 1) / (c + n - 1);
    zPower = n === 1 ? ratio : zPower * ratio * z;
    term = zPower * z;
    const next = sum + term; // terms are positive and below the sum: Kahan compensation suffices
    compensation += sum - next + term;
    sum = next;
    if (gradient) {
      harmonicD += 1 / (d + n - 1);
      harmonicC += 1 / (c + n - 1);
      sumD += term * harmonicD;
      sumC -= term * harmonicC;
      sumZ += n * zPower;
    }
    // Later ratios stay below z, and the derivative terms grow at most like n, hence the (n + 1) and (1 − z)².
    const tail = gradient ? (n + 1) * zPower : term;
    if (tail * z <= EPSILON * (1 - z) * (1 - z) * sum || term === 0) {
      if (gradient) {
        gradient[0] = sumD;
        gradient[1] = sumC;
        gradient[2] = sumZ;
      }
      return sum + compensation;
    }
  }
  return Number.NaN;
}
