/**
 * Whatever lands in the cells, every custom function returns a spill of plain values and typed errors: never an
 * exception, never NaN or ±Infinity; outside Office an error is a CvaError with one of our four codes. A bad row only
 * turns its own row into an error. ≥ 10,000 generated inputs per function.
 */
import fc from "fast-check";
import { CvaError } from "../../src/core/errors";
import * as functions from "../../src/functions/functions";

const RUNS = 10_000;
const CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];

const errorCell = fc.constantFrom<unknown>(
  new CvaError("#N/A", "n/a"),
  new CvaError("#DIV/0!", "div"),
  { code: "#REF!" },
  { code: "#N/A", message: "x" },
  { nonsense: true }
);
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 600 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "12",
      "code",
      "sum",
      "columns",
      "value",
      "customers",
      "555",
      "x"
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: errorCell }
);
/** A column as Excel passes it, or a scalar, a ragged range, an empty one. */
const anyRange = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(anyCell, { minLength: 1, maxLength: 8 })
      .map((cells) => cells.map((c) => [c])),
  },
  { weight: 2, arbitrary: anyCell },
  { weight: 1, arbitrary: fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 4 }) }
);
const optional = fc.option(anyRange, { nil: undefined });
const optionalCell = fc.option(anyCell, { nil: undefined });
/** Model parameter rows: mostly valid ones (so the customers' cells are what varies), or anything at all. */
const transactionParams = fc.oneof(
  fc.constantFrom<unknown>(
    [["BG/NBD", 0.2425945, 4.4136019, 0.7929199, 2.4258881]],
    [["MBG/NBD", 0.5248379, 6.182991, 0.8913563, 1.614]],
    [["Pareto/NBD", 0.5534, 10.5802, 0.6061, 11.6685]]
  ),
  anyRange
);
const spendParams = fc.oneof(fc.constant<unknown>([["GG", 6.25, 3.74, 15.44]]), anyRange);

function expectExcelSafe(result: unknown): void {
  expect(Array.isArray(result)).toBe(true);
  for (const row of result as unknown[][]) {
    expect(Array.isArray(row)).toBe(true);
    for (const cell of row) {
      if (cell instanceof CvaError) {
        expect(CODES).toContain(cell.code);
        expect(cell.message).not.toMatch(/^Unexpected failure/); // excelResult's net for bugs must stay unused
      } else if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      else expect(["string", "boolean"]).toContain(typeof cell);
    }
  }
}

const call = (fn: (...args: never[]) => unknown, args: unknown[]) => fn(...(args as never[]));

describe.each([
  ["CLV", functions.clv, [anyRange, anyRange, anyRange, optional, optional, optional]],
  ["CLVRETENTION", functions.clvRetention, [anyRange, anyRange, anyRange, optional, optional]],
  ["CAC", functions.cac, [anyRange, anyRange, anyRange]],
  ["RETENTIONRATE", functions.retentionRate, [anyRange, anyRange, anyRange]],
  ["CHURNRATE", functions.churnRate, [anyRange, anyRange, anyRange]],
  [
    "RFMSCORE",
    functions.rfmScore,
    [
      anyRange,
      anyRange,
      anyRange,
      fc.option(anyCell, { nil: undefined }),
      fc.option(anyCell, { nil: undefined }),
    ],
  ],
  ["RFMSEGMENT", functions.rfmSegment, [anyRange, optional]],
  ["TIER", functions.tier, [anyRange, optional, optional, fc.option(anyCell, { nil: undefined })]],
  [
    "SCORE",
    functions.score,
    [
      fc.array(fc.array(anyCell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
      anyRange,
      optional,
    ],
  ],
  ["RFMSUMMARY", functions.rfmSummary, [anyRange, anyRange, anyRange, optionalCell, optionalCell]],
  ["BGNBD", functions.bgNbd, [anyRange, anyRange, anyRange]],
  ["PARETONBD", functions.paretoNbd, [anyRange, anyRange, anyRange]],
  ["MBGNBD", functions.mbgNbd, [anyRange, anyRange, anyRange]],
  ["GAMMAGAMMA", functions.gammaGamma, [anyRange, anyRange]],
  ["PALIVE", functions.pAlive, [anyRange, anyRange, anyRange, transactionParams]],
  [
    "EXPECTEDPURCHASES",
    functions.expectedPurchases,
    [anyRange, anyRange, anyRange, anyRange, transactionParams],
  ],
  ["EXPECTEDSPEND", functions.expectedSpend, [anyRange, anyRange, spendParams]],
  [
    "PREDICTEDCLV",
    functions.predictedClv,
    [
      anyRange,
      anyRange,
      anyRange,
      anyRange,
      transactionParams,
      spendParams,
      optionalCell,
      optionalCell,
      fc.option(fc.oneof(anyCell, fc.constantFrom("D", "w", "M")), { nil: undefined }),
    ],
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

const goodNumber = fc.integer({ min: 1, max: 1000 });
const badCell = fc.oneof(fc.constantFrom<unknown>("text", true, NaN, -Infinity), errorCell);

describe("a bad row only affects its own row", () => {
  const rowsAndBad = fc.tuple(
    fc.array(fc.tuple(goodNumber, goodNumber, goodNumber), { minLength: 2, maxLength: 12 }),
    fc.nat(),
    badCell,
    fc.nat(2)
  );

  it("scalar functions: the other rows are unchanged", () => {
    fc.assert(
      fc.property(rowsAndBad, ([rows, at, bad, column]) => {
        const columns = [0, 1, 2].map((c) => rows.map((r) => [r[c]]));
        const before = functions.cac(...(columns as [number[][], number[][], number[][]]));
        const broken = columns.map((col) => col.map((cell) => [...cell]));
        const row = at % rows.length;
        broken[column][row] = [bad as number];
        const after = functions.cac(...(broken as [number[][], number[][], number[][]]));
        after.forEach((cells, r) =>
          r === row ? expect(cells[0]).toBeInstanceOf(CvaError) : expect(cells).toEqual(before[r])
        );
      }),
      { numRuns: RUNS }
    );
  });

  it("population functions: only that row is an error, the others are still scored", () => {
    fc.assert(
      fc.property(rowsAndBad, ([rows, at, bad, column]) => {
        const columns = [0, 1, 2].map((c) => rows.map((r) => [r[c]] as unknown[]));
        const row = at % rows.length;
        columns[column][row] = [bad];
        const [r, f, m] = columns as number[][][];
        const outputs = [
          functions.rfmScore(r, f, m, 3, "columns"),
          functions.tier(columns[column] as number[][]),
          functions.score(
            rows.map((x, i) => (i === row ? [bad, x[1]] : [x[0], x[1]])) as number[][],
            [[1, 1]]
          ),
        ];
        for (const output of outputs) {
          output.forEach((cells, i) => {
            for (const cell of cells)
              i === row
                ? expect(cell).toBeInstanceOf(CvaError)
                : expect(cell).not.toBeInstanceOf(CvaError);
          });
        }
      }),
      { numRuns: RUNS }
    );
  });
});
