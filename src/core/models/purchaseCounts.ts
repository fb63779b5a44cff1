import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * The negative binomial distribution of purchases in t time units by a customer who stays alive, buying at a
 * Poisson rate λ ~ Gamma(r, α): NB(j; t) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j (FHL 2005 eq. 3). The
 * building block of every model's P(X(t) = n).
 */
export function logPurchasesIfAlive(r: number, alpha: number, j: number, t: number): number {
  const lnStay = Math.log(alpha / (alpha + t));
  return (
    gammaln(r + j) -
    gammaln(r) -
    gammaln(j + 1) +
    r * lnStay +
    (j === 0 ? 0 : j * Math.log(t / (alpha + t)))
  );
}

/**
 * P(N(t) ≥ n) under NB(·; t): 1 − Σⱼ<ₙ NB(j; t) while that sum is below ½, else the tail Σⱼ≥ₙ NB(j; t) summed
 * directly (its terms fall geometrically, ratio → t/(α+t)), so neither end loses digits to cancellation. The sum
 * below n stops once its terms are falling and the rest is negligible (the tail then starts from NB(n; t) itself),
 * so a large n costs no more than the distribution's own spread.
 */
export function purchasesAtLeast(r: number, alpha: number, n: number, t: number): number {
  if (n <= 0) return 1;
  const ratio = t / (alpha + t);
  let term = Math.exp(logPurchasesIfAlive(r, alpha, 0, t));
  let below = 0;
  let j = 0;
  for (; j < n; j++) {
    below += term;
    const next = ((r + j) / (j + 1)) * ratio;
    term *= next;
    // Later ratios stay below `next` once it is below 1, so the rest is at most term/(1 − next).
    if (next < 1 && term <= 1e-17 * (1 - next) * below) break;
  }
  if (below < 0.5) return 1 - below;
  if (j < n) term = Math.exp(logPurchasesIfAlive(r, alpha, n, t));
  // term is now NB(n; t); later ratios (r + j)/(j + 1)·q fall towards q < 1.
  let tail = 0;
  for (let k = n; k < n + 100_000; k++) {
    tail += term;
    const next = ((r + k) / (k + 1)) * ratio;
    term *= next;
    if (next < 1 && term <= 1e-17 * (1 - next) * tail) break;
  }
  return tail;
}
