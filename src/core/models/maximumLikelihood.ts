import { cvaError } from "../errors";
import { type Message, phrase } from "../messages/catalogue";
import { invertPositiveDefinite, minimizeBfgs, type StopReason } from "./minimize";

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
  /** Only when asked for: standard errors, covariance and information criteria. */
  details?: FitDetails;
}

/** What a fit says about its own precision (the "details" of the fitting functions). */
export interface FitDetails {
  /** Square roots of the covariance's diagonal, in parameter order. */
  standardErrors: Float64Array;
  /**
   * The asymptotic covariance of the estimates, k×k row-major: the inverse of the observed information −∂²ℓ/∂θ²
   * at the optimum.
   */
  covariance: Float64Array;
  /** Akaike's and Schwarz's criteria, 2k − 2ℓ and k·ln(n) − 2ℓ with n the customers (lower is better). */
  aic: number;
  bic: number;
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
  explainRunaway?(runaway: Runaway, params: Float64Array): Message | undefined;
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
  distinctRows: number,
  withDetails = false
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
    const stopped = {
      model: model.displayName,
      iterations: result.iterations,
      gradient: shown(gradientNorm, 3),
      logLikelihood: Number(logLikelihoodValue.toFixed(3)),
    };
    // A coordinate beyond its bound (e^7 or e^15) is beyond RUNAWAY_LOG too: the run-off is never empty there.
    throw result.reason === "bound"
      ? cvaError("model.noMaximum", {
          ...stopped,
          reason: model.explainRunaway?.(runaway, estimate) ?? genericRunaway(runaway),
        })
      : cvaError("model.notConverged", {
          ...stopped,
          reason: STOP_REASONS[result.reason as keyof typeof STOP_REASONS],
        });
  }
  return {
    params: estimate,
    logLikelihood: logLikelihoodValue,
    iterations: result.iterations,
    gradientNorm,
    converged: true,
    customers,
    distinctRows,
    details: withDetails
      ? fitDetails(logLikelihood, estimate, logLikelihoodValue, customers)
      : undefined,
  };
}

/** Relative step of the central differences of the analytic gradient (truncation ~1e-10, rounding ~1e-11). */
const HESSIAN_STEP = 1e-5;

/**
 * Standard errors and covariance from the observed information at the optimum. The Hessian is taken in
 * u = ln θ by central differences of the analytic gradient (2k evaluations), where the parameters' very
 * different scales do not matter, and mapped back by the delta method: Cov(θ) = diag(θ) Cov(u) diag(θ) (exact
 * here, as ∂ℓ/∂θ = 0 at the optimum). Throws #VALUE! when the information is not positive definite.
 */
export function fitDetails(
  logLikelihood: LogLikelihood,
  estimate: Float64Array,
  logLikelihoodValue: number,
  customers: number
): FitDetails {
  const k = estimate.length;
  const hessian = new Float64Array(k * k);
  const gradient = new Float64Array(k);
  const up = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const shifted = Float64Array.from(estimate);
    shifted[j] = estimate[j] * Math.exp(HESSIAN_STEP);
    logLikelihood(shifted, gradient);
    for (let i = 0; i < k; i++) up[i] = shifted[i] * gradient[i];
    shifted[j] = estimate[j] * Math.exp(-HESSIAN_STEP);
    logLikelihood(shifted, gradient);
    // −∂²ℓ/∂u_i∂u_j, the observed information in u
    for (let i = 0; i < k; i++)
      hessian[i * k + j] = -(up[i] - shifted[i] * gradient[i]) / (2 * HESSIAN_STEP);
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < i; j++)
      hessian[i * k + j] = hessian[j * k + i] = (hessian[i * k + j] + hessian[j * k + i]) / 2;
  const inverse = invertPositiveDefinite(hessian, k);
  if (!inverse) throw cvaError("model.noStandardErrors");
  const covariance = inverse.map((c, at) => c * estimate[Math.floor(at / k)] * estimate[at % k]);
  return {
    standardErrors: Float64Array.from({ length: k }, (_, i) => Math.sqrt(covariance[i * k + i])),
    covariance,
    aic: 2 * k - 2 * logLikelihoodValue,
    bic: k * Math.log(customers) - 2 * logLikelihoodValue,
  };
}

/** Why a fit stopped short of the optimum, other than a parameter running off (see explainRunaway). */
const STOP_REASONS: Record<Exclude<StopReason, "converged" | "bound">, Message> = {
  start: phrase("model.stopStart"),
  noStep: phrase("model.stopNoStep"),
  iterations: phrase("model.stopIterations"),
};

/** "alpha runs off to infinity": one parameter's way, as a phrase. */
export function runsOff(runaway: Runaway, name: string): Message {
  return runaway.get(name) === "zero"
    ? phrase("model.runsOffToZero", { name })
    : phrase("model.runsOffToInfinity", { name });
}

function genericRunaway(runaway: Runaway): Message {
  return phrase("model.runawayGeneric", {
    runaway: [...runaway.keys()].map((name) => runsOff(runaway, name)),
  });
}

/** A model's meanings of a run-off and its advice, as explainRunaway returns them; undefined without meanings. */
export function explained(meanings: readonly Message[], advice: Message): Message | undefined {
  return meanings.length === 0 ? undefined : phrase("model.runawayExplained", { meanings, advice });
}

/** True when the shape and scale of one Gamma (or the two Beta shapes) both run off to infinity together. */
export function runTogether(runaway: Runaway, first: string, second: string): boolean {
  return runaway.get(first) === "infinity" && runaway.get(second) === "infinity";
}

/** A rate or share for a message: 4 (or `digits`) significant digits. */
export function shown(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}
