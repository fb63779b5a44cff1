import { valueError } from "../errors";
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
 * How far (as |ln(θ/θ_start)|) a parameter may move before it is taken to run off to 0 or ∞: the likelihood keeps
 * rising towards a boundary and there is no finite MLE. Such fits can meet the gradient test on the flat likelihood
 * far out, so they are refused explicitly. Scales (in time or money units) may move by e^15 ≈ 3·10⁶ from the
 * data's scale; shapes (pure numbers, started at 1 or 2) by e^7 ≈ 1,100: a Gamma or Beta shape beyond that
 * describes customers who are all alike (a coefficient of variation under 3 %), the limit the data point to.
 */
const SCALE_LOG_BOUND = 15;
const SHAPE_LOG_BOUND = 7;
/**
 * When a fit runs off, the parameters that have moved by more than e^4 ≈ 55 times from their start run off too:
 * a Gamma's shape and scale go together, the scale only less far.
 */
const RUNAWAY_LOG = 4;

/** Which way each parameter that runs off goes. */
export type Runaway = ReadonlyMap<string, "infinity" | "zero">;

/** What maximizeLikelihood needs to know about the model it fits (a subset of a model module). */
export interface FittedModel {
  displayName: string;
  parameterNames: readonly string[];
  parameterUnits: readonly ("time" | "money" | null)[];
  /**
   * What it means about the data that these parameters run off (e.g. "every customer seems to drop out at the
   * same rate") and what to do, or undefined for the generic explanation.
   */
  explainRunaway?(runaway: Runaway, params: Float64Array): string | undefined;
}

/**
 * Maximum-likelihood estimation shared by all models: the positive parameters are optimised as ln θ (so the
 * constraint θ > 0 never binds and the problem is unconstrained), by BFGS on the mean negative log-likelihood.
 * `start` should carry the data's scale (time or money units) so that the run-off test below is unit-free.
 * Throws CvaError("#VALUE!") saying why when the optimum is not reached, rather than returning a guess.
 */
export function maximizeLikelihood(
  model: FittedModel,
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
  const bounds = model.parameterUnits.map((unit) =>
    unit === null ? SHAPE_LOG_BOUND : SCALE_LOG_BOUND
  );
  // The optimisation variable is ln(θ / θ_start): unconstrained, and at 0 at the start.
  const result = minimizeBfgs(objective, new Float64Array(start.length), {
    gradientTolerance: GRADIENT_TOLERANCE,
    stalledGradientTolerance: STALLED_GRADIENT_TOLERANCE,
    maxIterations: 500,
    maxStep: 2,
    bound: bounds,
  });
  const estimate = Float64Array.from(result.x, (u, i) => start[i] * Math.exp(u));
  const logLikelihoodValue = -result.value * customers;
  const gradientNorm = result.gradientNorm * customers;
  if (!result.converged) {
    const runaway = new Map<string, "infinity" | "zero">();
    result.x.forEach((u, i) => {
      if (Math.abs(u) > RUNAWAY_LOG)
        runaway.set(model.parameterNames[i], u > 0 ? "infinity" : "zero");
    });
    const stopped =
      `stopped after ${result.iterations} iterations with gradient norm ${gradientNorm.toPrecision(3)} ` +
      `(log-likelihood ${logLikelihoodValue.toFixed(3)})`;
    throw valueError(
      runaway.size > 0
        ? `${model.displayName} has no best fit on these data: ${
            model.explainRunaway?.(runaway, estimate) ?? genericRunaway(runaway)
          } (${stopped}).`
        : `${model.displayName} fit did not converge: ${result.reason}; ${stopped}.`
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

/** "alpha runs off to infinity", "r and alpha run off to infinity" (…), for a model without its own wording. */
export function runawayText(runaway: Runaway): string {
  const parts = (["infinity", "zero"] as const)
    .map((direction) => {
      const names = [...runaway].filter(([, d]) => d === direction).map(([name]) => name);
      if (names.length === 0) return "";
      const verb = names.length === 1 ? "runs" : "run";
      return `${names.slice(0, -1).join(", ")}${names.length > 1 ? " and " : ""}${names[names.length - 1]} ${verb} off to ${direction}`;
    })
    .filter((part) => part !== "");
  return parts.join(" while ");
}

function genericRunaway(runaway: Runaway): string {
  return (
    `${runawayText(runaway)}: the likelihood keeps rising that way, so the data do not determine ` +
    `${runaway.size === 1 ? "it" : "them"} (too few customers or repeat purchases?)`
  );
}

/** True when the shape and scale of one Gamma (or the two Beta shapes) both run off to infinity together. */
export function runTogether(runaway: Runaway, first: string, second: string): boolean {
  return runaway.get(first) === "infinity" && runaway.get(second) === "infinity";
}

/** A rate or share for a message: 4 significant digits. */
export function shown(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
