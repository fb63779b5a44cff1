/**
 * Unconstrained minimisation by BFGS with a strong-Wolfe line search (Nocedal & Wright, "Numerical Optimization",
 * 2nd ed., Algorithms 6.1, 3.5 and 3.6). The models have 3–4 parameters, so the dense inverse-Hessian update is
 * cheaper than anything limited-memory, and the Wolfe curvature condition keeps it positive definite.
 *
 * The objective may return a non-finite value where the model cannot be evaluated (a parameter overflowing, a
 * series that would not converge); the line search treats that as "too far" and shortens the step.
 */

/** Writes ∇f(x) into `gradient` and returns f(x). */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop once ‖∇f‖∞ ≤ gradientTolerance · (1 + |f|): relative to f, with an absolute floor near f = 0. */
  gradientTolerance: number;
  /**
   * When no step can decrease f any more (its rounding noise exceeds the decrease the gradient promises, which
   * happens before gradientTolerance on ill-conditioned problems), the point still counts as converged if
   * ‖∇f‖∞ ≤ stalledGradientTolerance · (1 + |f|).
   */
  stalledGradientTolerance: number;
  maxIterations: number;
  /** The first trial step of a line search moves no coordinate by more than this. */
  maxStep: number;
  /**
   * Give up (not converged) when a coordinate stays outside [−bound, bound] (or [−bound[i], bound[i]]) for three
   * iterations in a row: the optimum is not finite.
   */
  bound: number | readonly number[];
}

/**
 * "start": the objective cannot be evaluated at the start; "noStep": no step along the search direction decreases
 * it any more; "iterations": the iteration limit; "bound": a coordinate left its bounded region.
 */
export type StopReason = "converged" | "start" | "noStep" | "iterations" | "bound";

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** Why the iteration stopped. */
  reason: StopReason;
}

const SUFFICIENT_DECREASE = 1e-4;
/** Iterations in a row beyond the bound after which the optimum is taken to lie at infinity. */
const OUTSIDE_ITERATIONS = 3;
const CURVATURE = 0.9;
const MAX_LINE_SEARCH_STEPS = 40;
/** Relative size of the rounding noise in a sum of thousands of log-likelihood terms. */
const ROUNDING_NOISE = 1e-12;

export function minimizeBfgs(
  objective: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions
): MinimizeResult {
  const n = start.length;
  let x: Float64Array = Float64Array.from(start);
  let gradient: Float64Array = new Float64Array(n);
  let evaluations = 1;
  let value = objective(x, gradient);
  const small = (g: Float64Array, f: number) =>
    maxAbs(g) <= options.gradientTolerance * (1 + Math.abs(f));
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return result(x, value, gradient, 0, evaluations, false, "start");
  }
  // Start from the inverse of a finite-difference Hessian when it is positive definite there: n extra gradient
  // evaluations that save BFGS most of the iterations it would spend learning the curvature from scratch.
  const startCurvature = differencedInverseHessian(objective, x, gradient);
  evaluations += n;
  let inverseHessian = startCurvature ?? identity(n);
  let freshHessian = startCurvature === null;
  const direction = new Float64Array(n);
  let iterationsOutside = 0;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (small(gradient, value))
      return result(x, value, gradient, iteration, evaluations, true, "converged");
    multiply(inverseHessian, gradient, direction, -1);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Rounding has made the quasi-Newton direction useless; restart from steepest descent.
      inverseHessian = identity(n);
      freshHessian = true;
      multiply(inverseHessian, gradient, direction, -1);
      slope = dot(direction, gradient);
    }
    const search = lineSearch(
      objective,
      x,
      value,
      slope,
      direction,
      Math.min(1, options.maxStep / maxAbs(direction)),
      small
    );
    evaluations += search.evaluations;
    const accepted = search.accepted;
    if (!accepted) {
      if (!freshHessian) {
        inverseHessian = identity(n);
        freshHessian = true;
        continue;
      }
      const stalledConverged =
        maxAbs(gradient) <= options.stalledGradientTolerance * (1 + Math.abs(value));
      return stalledConverged
        ? result(x, value, gradient, iteration, evaluations, true, "converged")
        : result(x, value, gradient, iteration, evaluations, false, "noStep");
    }
    const step = new Float64Array(n);
    const change = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      step[i] = accepted.x[i] - x[i];
      change[i] = accepted.gradient[i] - gradient[i];
    }
    const curvature = dot(step, change);
    if (freshHessian) {
      // Shanno–Phua scaling: give the first inverse Hessian the size of the curvature just observed.
      const scale = curvature / dot(change, change);
      for (let i = 0; i < n * n; i++) inverseHessian[i] *= scale;
      freshHessian = false;
    }
    updateInverseHessian(inverseHessian, step, change, curvature);
    x = accepted.x;
    value = accepted.value;
    gradient = accepted.gradient;
    const { bound } = options;
    const outside = x.some(
      (xi, i) => Math.abs(xi) > (typeof bound === "number" ? bound : bound[i])
    );
    // A line search may overshoot once and come back; staying out for OUTSIDE_ITERATIONS in a row is a run-off.
    iterationsOutside = outside ? iterationsOutside + 1 : 0;
    if (iterationsOutside >= OUTSIDE_ITERATIONS) {
      return result(x, value, gradient, iteration + 1, evaluations, false, "bound");
    }
  }
  const converged = small(gradient, value);
  return result(
    x,
    value,
    gradient,
    options.maxIterations,
    evaluations,
    converged,
    converged ? "converged" : "iterations"
  );
}

function result(
  x: Float64Array,
  value: number,
  gradient: Float64Array,
  iterations: number,
  evaluations: number,
  converged: boolean,
  reason: StopReason
): MinimizeResult {
  return {
    x,
    value,
    gradient,
    gradientNorm: maxAbs(gradient),
    iterations,
    evaluations,
    converged,
    reason,
  };
}

interface LineSearchResult {
  /** The accepted point, or null when no step along the direction decreases the objective. */
  accepted: Trial | null;
  evaluations: number;
}

interface Trial {
  step: number;
  value: number;
  slope: number;
  x: Float64Array;
  gradient: Float64Array;
}

/**
 * Finds a step satisfying the strong Wolfe conditions along `direction`: bracketing by doubling, then zooming
 * with safeguarded cubic interpolation (Nocedal & Wright Algorithms 3.5 and 3.6).
 */
function lineSearch(
  objective: Objective,
  origin: Float64Array,
  value0: number,
  slope0: number,
  direction: Float64Array,
  firstStep: number,
  converged: (gradient: Float64Array, value: number) => boolean
): LineSearchResult {
  let evaluations = 0;
  const evaluate = (step: number): Trial => {
    const x = new Float64Array(origin.length);
    for (let i = 0; i < x.length; i++) x[i] = origin[i] + step * direction[i];
    const gradient = new Float64Array(origin.length);
    evaluations++;
    const value = objective(x, gradient);
    const slope = dot(gradient, direction);
    // Anything not evaluable counts as an infinitely bad point: the search then shortens the step.
    return Number.isFinite(value) && Number.isFinite(slope)
      ? { step, value, slope, x, gradient }
      : { step, value: Infinity, slope: Infinity, x, gradient };
  };
  const accept = (trial: Trial): LineSearchResult => ({ accepted: trial, evaluations });
  const fail = (): LineSearchResult => ({ accepted: null, evaluations });
  const sufficient = (trial: Trial) =>
    trial.value <= value0 + SUFFICIENT_DECREASE * trial.step * slope0;
  const curvatureMet = (trial: Trial) => Math.abs(trial.slope) <= -CURVATURE * slope0;
  // A trial that already passes the convergence test is taken unless it is worse than the start beyond f's rounding
  // noise: near the optimum the Wolfe conditions, blind below that noise, can reject the very point being sought.
  const done = (trial: Trial) =>
    converged(trial.gradient, trial.value) &&
    trial.value <= value0 + ROUNDING_NOISE * (1 + Math.abs(value0));

  let previous: Trial = {
    step: 0,
    value: value0,
    slope: slope0,
    x: origin,
    gradient: new Float64Array(origin.length),
  };
  let step = firstStep;
  for (let i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
    const trial = evaluate(step);
    if (trial.value === Infinity && previous.step === 0) {
      step /= 4; // overshot into a region the model cannot evaluate: retreat before bracketing
      continue;
    }
    if (done(trial)) return accept(trial);
    if (!sufficient(trial) || (previous.step > 0 && trial.value >= previous.value))
      return zoom(previous, trial);
    if (curvatureMet(trial)) return accept(trial);
    if (trial.slope >= 0) return zoom(trial, previous);
    previous = trial;
    step *= 2;
  }
  return fail();

  function zoom(low: Trial, high: Trial): LineSearchResult {
    for (let i = 0; evaluations < MAX_LINE_SEARCH_STEPS && i < MAX_LINE_SEARCH_STEPS; i++) {
      const trial = evaluate(interpolate(low, high));
      if (done(trial)) return accept(trial);
      if (!sufficient(trial) || trial.value >= low.value) {
        high = trial;
      } else {
        if (curvatureMet(trial)) return accept(trial);
        if (trial.slope * (high.step - low.step) >= 0) high = low;
        low = trial;
      }
      if (Math.abs(high.step - low.step) <= 1e-12 * Math.max(1, Math.abs(low.step))) break;
    }
    // The interval collapsed: take the best point found if it is an improvement at all.
    return low.step > 0 && low.value < value0 ? accept(low) : fail();
  }
}

/** Minimiser of the cubic through two trials' values and slopes, kept inside the middle 80% of the bracket. */
function interpolate(low: Trial, high: Trial): number {
  const a = Math.min(low.step, high.step);
  const b = Math.max(low.step, high.step);
  const margin = 0.1 * (b - a);
  if (Number.isFinite(high.value)) {
    const d1 = low.slope + high.slope - (3 * (low.value - high.value)) / (low.step - high.step);
    const discriminant = d1 * d1 - low.slope * high.slope;
    if (discriminant >= 0) {
      const d2 = Math.sign(high.step - low.step) * Math.sqrt(discriminant);
      const step =
        high.step -
        ((high.step - low.step) * (high.slope + d2 - d1)) / (high.slope - low.slope + 2 * d2);
      if (Number.isFinite(step)) return Math.min(Math.max(step, a + margin), b - margin);
    }
  }
  return (a + b) / 2;
}

/**
 * The inverse of the Hessian estimated by forward differences of the gradient (symmetrised), or null when that
 * estimate is not positive definite (far from a minimum, or not evaluable) and so gives no descent direction.
 */
function differencedInverseHessian(
  objective: Objective,
  x: Float64Array,
  gradient: Float64Array
): Float64Array | null {
  const n = x.length;
  const hessian = new Float64Array(n * n);
  const shifted = new Float64Array(n);
  const step = 1e-5;
  for (let j = 0; j < n; j++) {
    const probe = Float64Array.from(x);
    probe[j] += step;
    if (!Number.isFinite(objective(probe, shifted))) return null;
    for (let i = 0; i < n; i++) hessian[i * n + j] = (shifted[i] - gradient[i]) / step;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++)
      hessian[i * n + j] = hessian[j * n + i] = (hessian[i * n + j] + hessian[j * n + i]) / 2;
  }
  return invertPositiveDefinite(hessian, n);
}

/** Inverse of a symmetric matrix by Cholesky factorisation, or null if it is not (numerically) positive definite. */
export function invertPositiveDefinite(m: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(m[i * n + i]))) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  // Columns of L⁻ᵀ L⁻¹ by forward and back substitution on the unit vectors.
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    for (let i = 0; i < n; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= l[i * n + k] * column[k];
      column[i] = sum / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = column[i];
      for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * column[k];
      column[i] = sum / l[i * n + i];
    }
    for (let i = 0; i < n; i++) inverse[i * n + c] = column[i];
  }
  return inverse;
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀs); skipped when the curvature is not positive. */
function updateInverseHessian(
  h: Float64Array,
  s: Float64Array,
  y: Float64Array,
  curvature: number
): void {
  if (!(curvature > 0)) return;
  const n = s.length;
  const rho = 1 / curvature;
  const hy = new Float64Array(n);
  multiply(h, y, hy, 1);
  const yhy = dot(y, hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
    }
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function multiply(m: Float64Array, v: Float64Array, out: Float64Array, sign: number): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += m[i * n + j] * v[j];
    out[i] = sign * sum;
  }
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
}

function maxAbs(v: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
  return max;
}
