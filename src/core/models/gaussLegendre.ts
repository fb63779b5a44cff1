/**
 * Gauss–Legendre quadrature: n nodes and weights on [−1, 1], exact for polynomials of degree < 2n. Nodes are the
 * roots of the Legendre polynomial Pₙ, found by Newton's method from Tricomi's approximation cos(π(k − ¼)/(n + ½)),
 * weights 2 / ((1 − x²) Pₙ′(x)²) (Abramowitz & Stegun 25.4.29; Golub & Welsch 1969 for the method's accuracy).
 */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

export function gaussLegendre(n: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let k = 1; k <= Math.ceil(n / 2); k++) {
    let x = Math.cos((Math.PI * (k - 0.25)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // Pₙ(x) by the three-term recurrence, and Pₙ′(x) = n (x Pₙ − Pₙ₋₁) / (x² − 1).
      let previous = 1;
      let current = x;
      for (let j = 2; j <= n; j++) {
        const next = ((2 * j - 1) * x * current - (j - 1) * previous) / j;
        previous = current;
        current = next;
      }
      derivative = (n * (x * current - previous)) / (x * x - 1);
      const step = current / derivative;
      x -= step;
      if (Math.abs(step) <= 1e-16) break;
    }
    const weight = 2 / ((1 - x * x) * derivative * derivative);
    nodes[k - 1] = -x;
    nodes[n - k] = x;
    weights[k - 1] = weights[n - k] = weight;
  }
  return { nodes, weights };
}
