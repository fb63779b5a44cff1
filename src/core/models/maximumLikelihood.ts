import { numError } from "../errors";
import { minimizeBfgs } from "./minimize";

/**
 * A model's total log-likelihood ℓ(θ) over the sample (sum over customers), with ∂ℓ/∂θ written into `gradient`,
 * both in the model's natural (positive) parameters.
 */
export type LogLikelihood = (params: Float64Array, gradient: Float64Array) => number;

/** How a fit went, carried by every fitted model so the user (and the tests) can judge it. */
export interface FitReport {
  /** Total log-likelihood at the estimate: the sum over customers, no constants dropped. */
  logLikelihood: number;
  iterations: number;
  /** ‖∂ℓ/∂ln θ‖∞ at the estimate: ~0 at a true optimum. */
  gradientNorm: number;
  /** Always true on a returned fit: a fit that does not converge throws. */
  converged: boolean;
  /** Customers the model was fitted on, and how many distinct rows they made. */
  customers: number;
  distinctRows: number;
}

/**
 * Converged when ‖∂ℓ/∂ln θ‖∞ ≤ GRADIENT_TOLERANCE · (customers + |ℓ|): a relative criterion, since ℓ grows with the
 * sample. At 1e-9 the parameters sit well within 1e-6 relative of the exact optimum on the CDNOW sample. Where the
 * rounding noise of ℓ stops progress first (ill-conditioned fits such as Gamma-Gamma), the looser
 * STALLED_GRADIENT_TOLERANCE still certifies an optimum to ~1e-6 relative; anything worse is reported as failure.
 */
const GRADIENT_TOLERANCE = 1e-9;
const STALLED_GRADIENT_TOLERANCE = 1e-7;
/** |ln θ| beyond this (θ outside e^±30) means the likelihood keeps rising towards a boundary: no finite MLE. */
const LOG_PARAMETER_BOUND = 30;

/**
 * Maximum-likelihood estimation shared by all models: the positive parameters are optimised as ln θ (so the
 * constraint θ > 0 never binds and the problem is unconstrained), by BFGS on the mean negative log-likelihood.
 * Throws CvaError("#NUM!") saying why when the optimum is not reached, rather than returning a guess.
 */
export function maximizeLikelihood(
  model: string,
  parameterNames: readonly string[],
  logLikelihood: LogLikelihood,
  start: readonly number[],
  customers: number,
  distinctRows: number,
): { params: Float64Array } & FitReport {
  const params = new Float64Array(start.length);
  const naturalGradient = new Float64Array(start.length);
  const objective = (logParams: Float64Array, gradient: Float64Array): number => {
    for (let i = 0; i < params.length; i++) params[i] = Math.exp(logParams[i]);
    const ll = logLikelihood(params, naturalGradient);
    // Chain rule for θ = e^u: ∂ℓ/∂u = θ ∂ℓ/∂θ.
    for (let i = 0; i < params.length; i++) gradient[i] = (-params[i] * naturalGradient[i]) / customers;
    return -ll / customers;
  };
  const result = minimizeBfgs(objective, start.map(Math.log), {
    gradientTolerance: GRADIENT_TOLERANCE,
    stalledGradientTolerance: STALLED_GRADIENT_TOLERANCE,
    maxIterations: 500,
    maxStep: 2,
    bound: LOG_PARAMETER_BOUND,
  });
  const estimate = Float64Array.from(result.x, Math.exp);
  const logLikelihoodValue = -result.value * customers;
  const gradientNorm = result.gradientNorm * customers;
  if (!result.converged) {
    const escaped = result.x.findIndex((u) => Math.abs(u) > LOG_PARAMETER_BOUND);
    const why =
      escaped >= 0
        ? `parameter ${parameterNames[escaped]} runs off to ${result.x[escaped] > 0 ? "infinity" : "zero"}, so the data do not determine it ` +
          "(too few customers or repeat purchases, or customers too alike)"
        : result.reason;
    throw numError(
      `${model} fit did not converge: ${why}; stopped after ${result.iterations} iterations with gradient norm ` +
        `${gradientNorm.toPrecision(3)} (log-likelihood ${logLikelihoodValue.toFixed(3)}).`,
    );
  }
  return {
    params: estimate,
    logLikelihood: logLikelihoodValue,
    iterations: result.iterations,
    gradientNorm,
    converged: true,
    customers,
    distinctRows,
  };
}
