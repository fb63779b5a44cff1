/**
 * Whatever lands in the cells, the retention functions return a spill of plain values and typed errors: never an
 * exception, never NaN or ±Infinity, only our error codes. As test/functions/properties.test.ts does for the other
 * functions. (#NUM! still comes from code shared with them: a fit that does not converge, a date before 1900.)
 */
import fc from "fast-check";
import { CvaError } from "../../src/core/errors";
import * as functions from "../../src/functions/functions";

const RUNS = 2_000;

const errorCell = fc.constantFrom<unknown>(
  new CvaError("#N/A", "n/a"),
  { code: "#REF!" },
  { code: "#N/A", message: "x" }
);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.double() },
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 60_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", " ", "12", "sBG", "M", "q", "Year", "retained", "x"),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: errorCell }
);
const anyRange = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(anyCell, { minLength: 1, maxLength: 8 })
      .map((cells) => cells.map((c) => [c])),
  },
  { weight: 2, arbitrary: anyCell },
  {
    weight: 2,
    arbitrary: fc.array(fc.array(anyCell, { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
  }
);
const optional = fc.option(anyRange, { nil: undefined });
const optionalCell = fc.option(anyCell, { nil: undefined });
/** Survivor curves: mostly falling counts (so fits run), or anything at all. */
const survivors = fc.oneof(
  fc
    .array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 6 }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((rows) =>
      rows.map((steps) =>
        steps.reduce<number[]>(
          (curve, s) => [...curve, Math.max(0, (curve.at(-1) ?? 1000) - s)],
          []
        )
      )
    ),
  anyRange
);
const sbgParams = fc.oneof(
  fc
    .tuple(
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true })
    )
    .map(([a, b]) => [["sBG", a, b]]),
  anyRange
);
const dates = fc
  .array(fc.integer({ min: 1, max: 2_958_465 }), { minLength: 1, maxLength: 8 })
  .map((d) => d.map((v) => [v]));

function expectExcelSafe(result: unknown): void {
  expect(Array.isArray(result)).toBe(true);
  for (const row of result as unknown[][]) {
    expect(Array.isArray(row)).toBe(true);
    for (const cell of row) {
      if (cell instanceof CvaError) {
        expect(["#VALUE!", "#N/A", "#NUM!"]).toContain(cell.code);
        expect(cell.message).not.toMatch(/^Unexpected failure/);
      } else if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      else expect(["string", "boolean"]).toContain(typeof cell);
    }
  }
}

const call = (fn: (...args: never[]) => unknown, args: unknown[]) => fn(...(args as never[]));

describe.each([
  ["SBG", functions.sbg, [survivors, optional]],
  ["SBGSURVIVAL", functions.sbgSurvivalCurve, [anyRange, sbgParams]],
  ["SBGRETENTION", functions.sbgRetentionRate, [anyRange, sbgParams]],
  ["SBGDEL", functions.sbgDel, [sbgParams, anyRange]],
  ["SBGDERL", functions.sbgDerl, [sbgParams, anyRange, anyRange]],
  ["SBGCLV", functions.sbgClvValue, [anyRange, sbgParams, anyRange, optional]],
  ["BGBB", functions.bgbb, [anyRange, anyRange, anyRange, optional]],
  [
    "COHORTS",
    functions.cohorts,
    [
      fc.oneof(dates, anyRange),
      fc.oneof(dates, anyRange),
      optionalCell,
      optionalCell,
      optionalCell,
    ],
  ],
  [
    "COHORTRETENTION",
    functions.cohortRetention,
    [anyRange, dates, optionalCell, optionalCell, optionalCell],
  ],
] as const)("%s on arbitrary cells", (_name, fn, arbitraries) => {
  it("never throws and returns only finite numbers, text and typed errors", () => {
    fc.assert(
      fc.property(fc.tuple(...(arbitraries as unknown as fc.Arbitrary<unknown>[])), (args) =>
        expectExcelSafe(call(fn, args))
      ),
      { numRuns: RUNS }
    );
  });
});

describe("a bad row only affects its own row", () => {
  it("SBGSURVIVAL over a column: the other rows are unchanged", () => {
    const params = [["sBG", 0.704, 1.182]];
    const t = [[0], [1], ["x"], [2.5], [null], [3]];
    const result = functions.sbgSurvivalCurve(t as never, params);
    expect(result.map(([cell]) => (cell instanceof CvaError ? cell.code : typeof cell))).toEqual([
      "number",
      "number",
      "#VALUE!",
      "#VALUE!",
      "string",
      "number",
    ]);
  });
});
