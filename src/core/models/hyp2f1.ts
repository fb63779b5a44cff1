/**
 * The Gauss hypergeometric series 2F1(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ in the two forms the models sum, for
 * 0 ≤ z < 1: (2F1 − 1)/b, smooth through b = 0 (BG/NBD's expectation at a = 1), and 2F1(1, d; c; z) with its
 * partial derivatives (the Pareto/NBD likelihood).
 *
 * The BTYD models meet parameters that grow with a customer's purchase count x (r + x, b + x, …, x in the
 * hundreds). Summed directly, such a series climbs to ~(1 − z)^−(a+b−c) before it turns, which overflows or loses
 * every digit, so the callers first apply Euler's transformation
 *   2F1(a, b; c; z) = (1 − z)^(c−a−b) · 2F1(c − a, c − b; c; z)          (Abramowitz & Stegun 15.3.3)
 * which trades the large numerator parameters for small ones: the series summed here always has modest terms.
 *
 * Convergence is geometric with ratio → z, so z close to 1 costs ~37 / (1 − z) terms; we sum until the tail is
 * provably below double precision rather than until "a small term", and give up loudly after MAX_TERMS.
 */

const EPSILON = 1e-17;
const MAX_TERMS = 200_000;

/**
 * (2F1(a, b; c; z) − 1) / b = Σₙ≥₁ (a)ₙ (b+1)ₙ₋₁ / ((c)ₙ n!) zⁿ for 0 ≤ z < 1: the series without its leading 1,
 * divided by b. It is finite and smooth at b = 0 (where 2F1 − 1 and b vanish together), which a quotient of the
 * two would not be. Summed directly (no transformation), so meant for the moderate parameters BG/NBD passes.
 * @example hyp2f1Increment(1, 0, 2, 0.5) // the b-derivative of 2F1(1, b; 2; 0.5) at b = 0
 */
export function hyp2f1Increment(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1Increment needs 0 ≤ z < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1 is undefined for c = ${c}`);
  return gaussSeries(a, b, c, z, 1, (a / c) * z);
}

/**
 * Σₙ≥from of the Maclaurin series of 2F1 for 0 ≤ z < 1, starting from the term `first` (the ratios of
 * consecutive terms are those of 2F1), summed until the remaining tail is below EPSILON relative.
 */
function gaussSeries(a: number, b: number, c: number, z: number, from = 0, first = 1): number {
  let term = first;
  let sum = first;
  let compensation = 0; // Neumaier summation: near z = 1 thousands of terms would otherwise lose ~n·ε
  if (term === 0) return 0;
  // Past this index every factor (a + n)(b + n) keeps its sign, so the term ratios settle towards z.
  const monotoneFrom = Math.max(from, -Math.min(a, b));
  for (let n = from; n < MAX_TERMS; n++) {
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
 * z is so close to 1 that the series would need more than `maxTerms` terms: the optimizer then backs off.
 *
 * Reference: A&S 15.1.1 with a = 1; derivatives term by term, ∂(d)ₙ/∂d = (d)ₙ Σₖ<ₙ 1/(d + k).
 * @example unitHyp2f1(1, 2, 0.5) // 2F1(1, 1; 2; 0.5) = 2·ln 2
 */
export function unitHyp2f1(
  d: number,
  c: number,
  z: number,
  gradient?: Float64Array,
  maxTerms = MAX_TERMS
): number {
  let zPower = 1; // qₙ z^(n−1), the z-derivative's term without its factor n (defined at z = 0 as well)
  let term = 1; // qₙ zⁿ with qₙ = (d)ₙ / (c)ₙ
  let sum = 1;
  let compensation = 0;
  let sumD = 0;
  let sumC = 0;
  let sumZ = 0;
  let harmonicD = 0; // Σₖ<ₙ 1/(d + k)
  let harmonicC = 0; // Σₖ<ₙ 1/(c + k)
  for (let n = 1; n <= maxTerms; n++) {
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
