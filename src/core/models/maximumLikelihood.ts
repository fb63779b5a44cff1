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
/**
 * A parameter moving by more than a factor e^15 ≈ 3·10⁶ from its (data-scaled) start is taken to run off to 0 or ∞:
 * the likelihood keeps rising towards a boundary and there is no finite MLE (e.g. nobody ever drops out). Such
 * fits can meet the gradient test on the flat likelihood far out, so they are refused explicitly.
 */
const LOG_PARAMETER_BOUND = 15;

/**
 * Maximum-likelihood estimation shared by all models: the positive parameters are optimised as ln θ (so the
 * constraint θ > 0 never binds and the problem is unconstrained), by BFGS on the mean negative log-likelihood.
 * `start` should carry the data's scale (time or money units) so that the run-off test below is unit-free.
 * Throws CvaError("#NUM!") saying why when the optimum is not reached, rather than returning a guess.
 */
export function maximizeLikelihood(
  model: string,
  parameterNames: readonly string[],
  logLikelihood: LogLikelihood,
  start: readonly number[],
  customers: number,
  distinctRows: number
): { params: Float64Array } & FitReport {
  const params = new Float64Array(start.length);
  const naturalGradient = new Float64Array(start.length);
  const objective = (logParams: Float64Array, gradient: Float64Array): number => {
    for (let i = 0; i < params.length; i++) params[i] = start[i] * Math.exp(logParams[i]);
    const ll = logLikelihood(params, naturalGradient);
    // Chain rule for θ = e^u: ∂ℓ/∂u = θ ∂ℓ/∂θ.
    for (let i = 0; i < params.length; i++)
      gradient[i] = (-params[i] * naturalGradient[i]) / customers;
    return -ll / customers;
  };
  // The optimisation variable is ln(θ / θ_start): unconstrained, and at 0 at the start.
  const result = minimizeBfgs(objective, new Float64Array(start.length), {
    gradientTolerance: GRADIENT_TOLERANCE,
    stalledGradientTolerance: STALLED_GRADIENT_TOLERANCE,
    maxIterations: 500,
    maxStep: 2,
    bound: LOG_PARAMETER_BOUND,
  });
  const estimate = Float64Array.from(result.x, (u, i) => start[i] * Math.exp(u));
  const logLikelihoodValue = -result.value * customers;
  const gradientNorm = result.gradientNorm * customers;
  if (!result.converged) {
    const escaped = result.x.findIndex((u) => Math.abs(u) > LOG_PARAMETER_BOUND);
    const why =
      escaped >= 0
        ? `parameter ${parameterNames[escaped]} runs off to ${result.x[escaped] > 0 ? "infinity" : "zero"}: the likelihood keeps rising that way, so the data ` +
          "do not determine it (too few customers or repeat purchases, or no sign of what it measures, e.g. nobody dropping out)"
        : result.reason;
    throw numError(
      `${model} fit did not converge: ${why}; stopped after ${result.iterations} iterations with gradient norm ` +
        `${gradientNorm.toPrecision(3)} (log-likelihood ${logLikelihoodValue.toFixed(3)}).`
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
