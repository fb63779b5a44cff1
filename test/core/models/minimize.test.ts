import { minimizeBfgs, type Objective } from "../../../src/core/models/minimize";

const options = {
  gradientTolerance: 1e-10,
  stalledGradientTolerance: 1e-8,
  maxIterations: 200,
  maxStep: 2,
  bound: 30,
};

describe("minimizeBfgs", () => {
  it("finds the minimum of the Rosenbrock function to full precision", () => {
    const rosenbrock: Objective = ([x, y], gradient) => {
      gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      gradient[1] = 200 * (y - x * x);
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    };
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], options);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(1, 8);
    expect(result.gradientNorm).toBeLessThanOrEqual(1e-10);
    expect(result.iterations).toBeLessThan(60);
  });

  it("backs off from points where the objective cannot be evaluated", () => {
    // f = (x − 3)² but undefined (NaN) for x > 4: a full first step from 0 overshoots into the hole.
    const holed: Objective = ([x], gradient) => {
      gradient[0] = 2 * (x - 3);
      return x > 4 ? Number.NaN : (x - 3) ** 2;
    };
    const result = minimizeBfgs(holed, [-20], { ...options, maxStep: 100 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 10);
  });

  it("reports a minimum at infinity as not converged, naming the runaway coordinate", () => {
    const runaway: Objective = ([x, y], gradient) => {
      gradient[0] = -Math.exp(-x);
      gradient[1] = 2 * y;
      return Math.exp(-x) + y * y;
    };
    const result = minimizeBfgs(runaway, [0, 1], { ...options, bound: 10 });
    expect(result.converged).toBe(false);
    expect(result.reason).toBe("bound");
    expect(Math.abs(result.x[0])).toBeGreaterThan(10);
  });

  it("reports a wrong gradient as not converged rather than as a minimum", () => {
    const lying: Objective = ([x], gradient) => {
      gradient[0] = 1; // the true derivative 2x vanishes at 0; this one never does
      return x * x;
    };
    const result = minimizeBfgs(lying, [1], options);
    expect(result.converged).toBe(false);
    expect(result.gradientNorm).toBe(1);
  });
});
