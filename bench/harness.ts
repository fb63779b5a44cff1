/** A tiny benchmark harness: warm up, take the median of several timed runs, print it against its target. */
export interface BenchResult {
  name: string;
  medianMs: number;
  targetMs: number | null;
  met: boolean;
}

const results: BenchResult[] = [];

export function measure(
  name: string,
  targetMs: number | null,
  run: () => unknown,
  repeats = 7
): BenchResult {
  run(); // warm-up: JIT and caches, as a user's second call would see
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return record(name, times[Math.floor(times.length / 2)], targetMs);
}

/**
 * V8 needs several calls before it optimises a loop (the first call of a fit runs ~10× slower than the steady state,
 * and measure()'s single warm-up leaves the median on the tiering curve): measureWarm reports the first (cold) call,
 * makes WARM_UP_CALLS calls in all, then measures the steady state against the target.
 */
export const WARM_UP_CALLS = 10;

export function measureWarm(
  name: string,
  targetMs: number | null,
  run: () => unknown,
  repeats?: number
): BenchResult {
  const start = performance.now();
  run();
  const coldMs = performance.now() - start;
  for (let i = 1; i < WARM_UP_CALLS; i++) run();
  const result = measure(name, targetMs, run, repeats);
  report(`  first (cold) call`, `${coldMs.toFixed(2)} ms`);
  return result;
}

function record(name: string, medianMs: number, targetMs: number | null): BenchResult {
  const result = { name, medianMs, targetMs, met: targetMs === null || medianMs <= targetMs };
  results.push(result);
  const target =
    targetMs === null ? "" : `  (target ≤ ${targetMs} ms: ${result.met ? "met" : "MISSED"})`;
  console.log(`${name.padEnd(64)} ${medianMs.toFixed(2).padStart(10)} ms${target}`);
  return result;
}

/** measure() for work that awaits (the workbook port is asynchronous, like Office.js). */
export async function measureAsync(
  name: string,
  targetMs: number | null,
  run: () => Promise<unknown>,
  repeats = 5
): Promise<BenchResult> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return record(name, times[Math.floor(times.length / 2)], targetMs);
}

/** For figures that are not times (sizes, counts, fit diagnostics). */
export function report(name: string, value: string, note = ""): void {
  console.log(`${name.padEnd(64)} ${value.padStart(13)}${note ? `  ${note}` : ""}`);
}

/** A non-time figure with a target (e.g. a bundle size), counted as met or missed like a time. */
export function reportAgainstTarget(
  name: string,
  value: number,
  unit: string,
  target: number
): void {
  const met = value <= target;
  results.push({ name, medianMs: value, targetMs: target, met });
  report(
    name,
    `${value.toFixed(1)} ${unit}`,
    `(target ≤ ${target} ${unit}: ${met ? "met" : "MISSED"})`
  );
}

export function allResults(): readonly BenchResult[] {
  return results;
}
