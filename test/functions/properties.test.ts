/**
 * Whatever lands in the cells, every custom function — each one the generated metadata lists, so a function added
 * later is covered without touching this file — returns a spill of plain values and typed errors: never an exception,
 * never NaN or ±Infinity, and every error Excel would show without its message (#NUM!, #DIV/0!) is one whose bare
 * code says it all (the catalogue marks it so) or the input's own error passed on. Inputs run to the extremes of a
 * double (±1e308, ±1.8e308, 5e-324, −0) and to spills of 100,000 rows; 1,000 generated calls per function. A bad row
 * only turns its own row into an error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { CvaError } from "../../src/core/errors";
import { entryOf } from "../../src/core/messages/catalogue";
import * as functions from "../../src/functions/functions";
import { functionMetadata, ParameterMetadata } from "./hyperformulaHarness";

const RUNS = 1_000;
const CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];
const { functions: metadata, implementationOf } = functionMetadata();
const implementations = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
const implementation = (id: string) => implementations[implementationOf.get(id) as string];

const heldError = (code: "#N/A" | "#DIV/0!" | "#NUM!") =>
  new CvaError({ code: "cell.errorValue", params: { code } }, code);
const errorCell = fc.constantFrom<unknown>(
  heldError("#N/A"),
  heldError("#DIV/0!"),
  { code: "#REF!" },
  { code: "#N/A", message: "x" },
  { nonsense: true }
);
/** The edges of a double, and values that are dates, shares and counts at once. */
const EXTREMES = [
  1e308,
  -1e308,
  1.5e308,
  -1.5e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  1e-300,
  0,
  -0,
  1,
  0.5,
  45000,
  2958465,
];
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 600 }) },
  { weight: 3, arbitrary: fc.constantFrom(...EXTREMES) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
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
      "D",
      "w",
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

/**
 * Arguments that are a fit's output (a parameter row, or the rows of a fit with details): mostly the real thing, fitted
 * here on 300 CDNOW customers, so that the customers' cells are what varies; sometimes anything at all.
 */
const sample = readFileSync(
  join(__dirname, "..", "..", "data", "cdnow_customers_summary.csv"),
  "utf8"
)
  .trim()
  .split(/\r?\n/)
  .slice(1, 301)
  .map((line) => line.split(",").map(Number));
const column = (k: number) => sample.map((row) => [row[k]]);
const [frequency, recency, T] = [column(1), column(2), column(3)];
const monetary = sample.map((row) => [row[1] > 0 ? 20 + (row[0] % 37) : 0]);
const fitted = (id: string, details: boolean) =>
  id === "GAMMAGAMMA"
    ? implementation(id)(frequency, monetary, undefined, details)
    : implementation(id)(frequency, recency, T, undefined, details);
const FIT_OUTPUTS: Record<string, () => unknown[]> = {
  modelParams: () => ["BGNBD", "PARETONBD", "MBGNBD"].map((id) => fitted(id, false)),
  details: () => ["BGNBD", "PARETONBD", "MBGNBD"].map((id) => fitted(id, true)),
  ggParams: () => [fitted("GAMMAGAMMA", false)],
  ggDetails: () => [fitted("GAMMAGAMMA", true)],
};
const fitOutputs = Object.fromEntries(
  Object.entries(FIT_OUTPUTS).map(([name, outputs]) => [name, outputs()])
);

function argumentFor(parameter: ParameterMetadata): fc.Arbitrary<unknown> {
  const outputs = fitOutputs[parameter.name];
  const given =
    outputs !== undefined
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...outputs) },
          { weight: 1, arbitrary: anyRange }
        )
      : parameter.dimensionality === "matrix"
        ? anyRange
        : anyCell;
  return parameter.optional ? fc.option(given, { nil: undefined }) : given;
}

/**
 * What is wrong with a result, cell by cell (empty when nothing is): not a spill of plain values, a number that is not
 * finite, an error outside our four codes or from the net for bugs, a #NUM!/#DIV/0! that is neither bare nor passed on
 * from the input, a message with no Chinese text (engine.untranslated). Checked in plain code and asserted once, so that 100,000-row spills stay quick.
 */
function problemsOf(result: unknown): unknown[] {
  if (!Array.isArray(result)) return [{ notASpill: result }];
  const problems: unknown[] = [];
  for (const row of result as unknown[]) {
    if (!Array.isArray(row)) {
      problems.push({ notARow: row });
      continue;
    }
    for (const cell of row) {
      if (cell instanceof CvaError) {
        const silent = cell.code === "#NUM!" || cell.code === "#DIV/0!";
        const entry = entryOf(cell.messageCode);
        if (
          !CODES.includes(cell.code) ||
          cell.messageCode === "result.unexpected" ||
          cell.messageCode === "engine.untranslated" ||
          (silent && entry.bare !== true && entry.excel !== "input")
        )
          problems.push({ code: cell.code, messageCode: cell.messageCode, message: cell.message });
      } else if (typeof cell === "number") {
        if (!Number.isFinite(cell)) problems.push(cell);
      } else if (typeof cell !== "string" && typeof cell !== "boolean") problems.push({ cell });
    }
  }
  return problems.slice(0, 5);
}

function expectExcelSafe(result: unknown): void {
  expect(problemsOf(result)).toEqual([]);
}

describe("every custom function of the metadata", () => {
  it("is more than the 18 of the first release, each with an implementation", () => {
    expect(metadata.length).toBeGreaterThanOrEqual(18);
    for (const fn of metadata)
      expect([fn.id, typeof implementation(fn.id)]).toEqual([fn.id, "function"]);
  });

  describe.each(metadata.map((fn) => [fn.id, fn] as const))("%s", (id, fn) => {
    it("never throws and returns only finite numbers, text and typed errors, at any magnitude", () => {
      fc.assert(
        fc.property(fc.tuple(...fn.parameters.map(argumentFor)), (args) =>
          expectExcelSafe(implementation(id)(...args))
        ),
        { numRuns: RUNS }
      );
    });

    it("keeps that up over 100,000-row columns of extreme values", () => {
      const rows = 100_000;
      for (const fill of [
        (i: number) => EXTREMES[i % EXTREMES.length],
        (i: number) => (i % 3 === 0 ? 1e308 : i % 3 === 1 ? -1e308 : 5e-324),
        (i: number) => i % 365,
      ]) {
        const columnArg = Array.from({ length: rows }, (_, i) => [fill(i)]);
        const args = fn.parameters.map((p, k) =>
          fitOutputs[p.name] !== undefined
            ? fitOutputs[p.name][0]
            : p.dimensionality === "matrix"
              ? columnArg
              : EXTREMES[k % EXTREMES.length]
        );
        expectExcelSafe(implementation(id)(...args));
      }
    });
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
