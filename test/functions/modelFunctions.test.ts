/**
 * The model adapters called directly with what Excel passes (ranges as rows × columns, omitted arguments as null):
 * shapes, defaults, and bad input. The published figures are checked through a formula engine in models.test.ts.
 */
import fc from "fast-check";
import { CvaError } from "../../src/core/errors";
import { cdnowSummaryWithSpend } from "../core/models/cdnowData";
import {
  bgNbd,
  expectedPurchases,
  expectedSpend,
  gammaGamma,
  mbgNbd,
  pAlive,
  paretoNbd,
  predictedClv,
  rfmSummary,
} from "../../src/functions/functions";

const col = (...values: unknown[]) => values.map((v) => [v]) as number[][];
const codeOf = (cell: unknown) => (cell instanceof CvaError ? cell.code : cell);
const codes = (result: unknown[][]) => result.map((row) => row.map(codeOf));
const messageOf = (cell: unknown) => (cell as CvaError).message;
const na = new CvaError("#N/A", "The input holds #N/A.");

const BG = [["BG/NBD", 0.2425945, 4.4136019, 0.7929199, 2.4258881]];
const PARETO = [["Pareto/NBD", 0.5534, 10.5802, 0.6061, 11.6685]];
const GG = [["GG", 6.25, 3.74, 15.44]];

describe("RFMSUMMARY", () => {
  const ids = col("a", "b", "a", null, "a", "b");
  const dates = col(45292, 45294, 45292.75, null, 45296, 45302);
  const amounts = col(10, 7, 5, null, 20, 3);

  it("spills a header row and one row per customer, in order of first appearance", () => {
    expect(rfmSummary(ids, dates, amounts)).toEqual([
      [
        "customer",
        "frequency",
        "recency",
        "T",
        "monetary",
        "orders",
        "total",
        "first purchase",
        "last purchase",
      ],
      ["a", 1, 4, 10, 20, 3, 35, 45292, 45296],
      ["b", 1, 8, 8, 3, 2, 10, 45294, 45302],
    ]);
  });

  it("takes an as-of date and a period length; blank optional cells mean the defaults", () => {
    const early = rfmSummary(ids, dates, amounts, 45300);
    expect(early.slice(1)).toEqual([
      ["a", 1, 4, 8, 20, 3, 35, 45292, 45296],
      ["b", 0, 0, 6, 0, 1, 7, 45294, 45294],
    ]);
    expect(rfmSummary(ids, dates, amounts, [[null]] as never, [[""]] as never)).toEqual(
      rfmSummary(ids, dates, amounts)
    );
    // 45292 is Monday 1 January 2024: a's purchases all fall in that week, b's in that week and the next.
    expect(rfmSummary(ids, dates, amounts, undefined, 7).slice(1)).toEqual([
      ["a", 0, 0, 1, 0, 3, 35, 45292, 45296],
      ["b", 1, 1, 1, 3, 2, 10, 45294, 45302],
    ]);
  });

  it("nets a refund (a negative amount) into its day's spend, as the pane's summary and the file path do", () => {
    const refunded = rfmSummary(ids, dates, col(10, 7, -4, null, 20, -3), 45302);
    // a: 10 − 4 on the first day, 20 on the repeat day; b: a refund alone on its repeat day still counts as one.
    expect(refunded.slice(1)).toEqual([
      ["a", 1, 4, 10, 20, 3, 26, 45292, 45296],
      ["b", 1, 8, 8, -3, 2, 4, 45294, 45302],
    ]);
  });

  it("reports a bad cell naming its column and row, and bad options, as one error", () => {
    const text = rfmSummary(ids, col(45292, 45294, "2024-01-03", null, 45296, 45302), amounts);
    expect(codes(text)).toEqual([["#VALUE!"]]);
    expect(messageOf(text[0][0])).toMatch(/^dates row 3 is text \("2024-01-03"\)/);
    const error = rfmSummary(ids, dates, col(10, 7, na, null, 20, 3))[0][0];
    expect([codeOf(error), messageOf(error)]).toEqual([
      "#N/A",
      "amounts row 3 holds an error: The input holds #N/A.",
    ]);
    expect(codes(rfmSummary(ids, dates, amounts, "soon" as never))).toEqual([["#VALUE!"]]);
    expect(codes(rfmSummary(ids, dates, amounts, undefined, 0))).toEqual([["#VALUE!"]]);
    expect(codes(rfmSummary(ids, dates, amounts, 40000))).toEqual([["#N/A"]]);
    expect(codes(rfmSummary(ids, col(1, 2), amounts))).toEqual([["#VALUE!"]]);
    expect(codes(rfmSummary([["a", "b"]], [[1, 2]], [[1, 2]]))).toEqual([["#VALUE!"]]);
  });

  it("reads the columns in place: a plain list is a column, a row of another width is refused", () => {
    const plain = (rows: number[][]) => rows.map((row) => row[0]) as never;
    expect(rfmSummary(plain(ids), plain(dates), plain(amounts))).toEqual(
      rfmSummary(ids, dates, amounts)
    );
    const ragged = [...ids.slice(0, 4), ["a", "b"], ...ids.slice(5)] as never;
    const refused = rfmSummary(ragged, dates, amounts)[0][0];
    expect([codeOf(refused), messageOf(refused)]).toEqual([
      "#VALUE!",
      expect.stringMatching(/customerIds/),
    ]);
  });
});

describe("model fits", () => {
  const base = cdnowSummaryWithSpend();
  const columns = [base.frequency, base.recency, base.T].map((c) => col(...c));

  it("return one parameter row: the model's name, then its parameters (GG has three)", () => {
    for (const [fit, name] of [
      [bgNbd, "BG/NBD"],
      [paretoNbd, "Pareto/NBD"],
      [mbgNbd, "MBG/NBD"],
    ] as const) {
      const result = fit(columns[0], columns[1], columns[2]);
      expect(result).toHaveLength(1);
      expect(result[0]).toHaveLength(5);
      expect(result[0][0]).toBe(name);
      for (const value of result[0].slice(1)) expect(value).toBeGreaterThan(0);
    }
    const spend = gammaGamma(columns[0], col(...base.monetary));
    expect(spend[0]).toHaveLength(4);
    expect(spend[0][0]).toBe("GG");
  });

  it("skip blank rows, and name bad rows by their row in the range", () => {
    const withBlank = columns.map((c) => [...c.slice(0, 10), [null], ...c.slice(10)] as number[][]);
    expect(bgNbd(withBlank[0], withBlank[1], withBlank[2])).toEqual(
      bgNbd(columns[0], columns[1], columns[2])
    );
    // Row 12 of the range is customer 11 (5 repeat purchases), after the blank row: recency beyond T.
    const late = withBlank.map((c) => [...c]);
    late[1][11] = [late[2][11][0] + 1];
    const error = bgNbd(late[0], late[1], late[2])[0][0];
    expect(codeOf(error)).toBe("#VALUE!");
    expect(messageOf(error)).toMatch(/^Row 12: recency 39.86 exceeds T 38.86/);
    const monetary = [
      ...col(...base.monetary.slice(0, 10)),
      [null],
      ...col(...base.monetary.slice(10)),
    ] as number[][];
    monetary[11] = [-1];
    expect(messageOf(gammaGamma(withBlank[0], monetary)[0][0])).toMatch(
      /^Row 12: monetary must be > 0/
    );
  });

  it("refuse text, errors, mixed blanks and too few customers with a message naming the row", () => {
    const text = bgNbd(col(1, "x"), col(2, 1), col(3, 3))[0][0];
    expect([codeOf(text), messageOf(text)]).toEqual([
      "#VALUE!",
      'Frequency in row 2 must be a number, got "x".',
    ]);
    const error = paretoNbd(col(1, 1), col(2, na), col(3, 3))[0][0];
    expect([codeOf(error), messageOf(error)]).toEqual([
      "#N/A",
      "Recency in row 2 holds an error: The input holds #N/A.",
    ]);
    expect(messageOf(mbgNbd(col(1, 1), col(2, null), col(3, 3))[0][0])).toBe(
      "Recency in row 2 is blank."
    );
    expect(messageOf(bgNbd([[1]], [[2]], [[3]])[0][0])).toMatch(/at least 2 customers/);
    expect(messageOf(bgNbd(col(0, 0), col(0, 0), col(3, 4))[0][0])).toMatch(
      /No customer has a repeat/
    );
    expect(messageOf(gammaGamma(col(0, 1), col(0, 5))[0][0])).toMatch(/at least 2 customers/);
    expect(codes(bgNbd(col(1, 2), col(1), col(3, 3)))).toEqual([["#VALUE!"]]);
  });

  it("say why a fit does not converge", () => {
    const frequency = col(...Array.from({ length: 200 }, (_, i) => 1 + (i % 5)));
    const T = col(...Array.from({ length: 200 }, (_, i) => 20 + (i % 20)));
    const error = bgNbd(frequency, T, T)[0][0];
    expect(codeOf(error)).toBe("#VALUE!");
    expect(messageOf(error)).toMatch(
      /^BG\/NBD has no best fit on these data: .*a runs off to zero: .*nobody seems to drop out/
    );
    const spend = gammaGamma(col(1, 2, 3, 1), col(10, 10, 10, 10))[0][0];
    expect(codeOf(spend)).toBe("#VALUE!");
    expect(messageOf(spend)).toMatch(
      /^Gamma-Gamma has no best fit on these data: p runs off to infinity: each customer's purchases seem to have exactly the same value/
    );
  });
});

describe("predictions", () => {
  it("read the parameter row as a row or a column, any spelling of the name, and pass on its errors", () => {
    const alive = pAlive([[2]], [[30.43]], [[38.86]], BG)[0][0] as number;
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(1);
    expect(pAlive([[2]], [[30.43]], [[38.86]], col(...BG[0]))).toEqual([[alive]]);
    expect(pAlive([[2]], [[30.43]], [[38.86]], [["bgnbd", ...BG[0].slice(1)]])).toEqual([[alive]]);
    expect(expectedSpend([[2]], [[22.35]], [[...GG[0], null]])).toEqual(
      expectedSpend([[2]], [[22.35]], GG)
    );
    const failedFit = new CvaError("#VALUE!", "BG/NBD has no best fit on these data: …");
    expect(pAlive([[2]], [[30.43]], [[38.86]], [[failedFit, "", "", "", ""]])).toEqual([
      [failedFit],
    ]);
    expect(codes(pAlive([[2]], [[30.43]], [[38.86]], [["NBD", 1, 2, 3, 4]]))).toEqual([
      ["#VALUE!"],
    ]);
    expect(codes(pAlive([[2]], [[30.43]], [[38.86]], [["BG/NBD", 1, 2, 0, 4]]))).toEqual([
      ["#VALUE!"],
    ]);
    expect(codes(pAlive([[2]], [[30.43]], [[38.86]], GG))).toEqual([["#VALUE!"]]);
    expect(codes(expectedSpend([[2]], [[22.35]], BG))).toEqual([["#VALUE!"]]);
    expect(
      codes(
        pAlive(
          [[2]],
          [[30.43]],
          [[38.86]],
          [
            [1, 2],
            [3, 4],
          ]
        )
      )
    ).toEqual([["#VALUE!"]]);
  });

  it("spill over columns, broadcasting single values, with blank and bad rows kept to themselves", () => {
    const result = expectedPurchases(
      col(39, 39, null, 39, -1, 39),
      col(2, 1, null, "x", 2, 0),
      col(30.43, 40, null, 5, 30.43, 0),
      [[38.86]],
      PARETO
    );
    expect(codes(result)).toEqual([
      [expect.any(Number)],
      ["#VALUE!"],
      [""],
      ["#VALUE!"],
      ["#VALUE!"],
      [expect.any(Number)],
    ]);
    expect(messageOf(result[1][0])).toMatch(/^recency 40 exceeds T 38.86/);
    expect(messageOf(result[3][0])).toBe('Frequency in row 4 must be a number, got "x".');
    expect(messageOf(result[4][0])).toMatch(/horizon t must not be negative/);
    expect(codes(expectedSpend(col(2, 0, 1, 1.5), col(22.35, null, 0, 10), GG))).toEqual([
      [expect.any(Number)],
      ["#VALUE!"],
      ["#VALUE!"],
      ["#VALUE!"],
    ]);
  });

  it("PREDICTEDCLV: defaults 12 months, 1 % a month, days; units and options checked", () => {
    const args = [col(2, 0), col(30.43, 0), col(38.86, 38.86), col(22.35, 0), BG, GG] as const;
    const daily = predictedClv(...args);
    expect(predictedClv(...args, 12, 0.01, "D")).toEqual(daily);
    expect(predictedClv(...args, [[null]] as never, [[""]] as never, [[null]] as never)).toEqual(
      daily
    );
    const weekly = predictedClv(...args, 12, 0.01, " w ");
    expect(weekly).toEqual(predictedClv(...args, 12, 0.01, "W"));
    // The same numbers read as weeks cover 4.345 instead of 30 of their periods a month: far less value.
    expect(weekly[0][0] as number).toBeLessThan((daily[0][0] as number) / 3);
    const unit = predictedClv(...args, 12, 0.01, "weeks")[0][0];
    expect([codeOf(unit), messageOf(unit)]).toEqual([
      "#VALUE!",
      'dataUnit must be the time unit of recency and T: "D" (days), "W" (weeks) or "M" (months); got "weeks".',
    ]);
    expect(codes(predictedClv(...args, 0))).toEqual([["#VALUE!"]]);
    expect(codes(predictedClv(...args, 1.5))).toEqual([["#VALUE!"]]);
    expect(codes(predictedClv(...args, 12, -1))).toEqual([["#VALUE!"]]);
    // A monthly rate of 12 is surely 12 %: refused with the fraction to type, as CVA.CLV refuses a margin of 40.
    const percent = predictedClv(...args, 12, 12)[0][0];
    expect([codeOf(percent), messageOf(percent)]).toEqual([
      "#VALUE!",
      "The monthly discount rate is a fraction per month: 12 would mean 1200 % a month. For 12 % a month enter 0.12.",
    ]);
    expect(typeof predictedClv(...args, 12, 1)[0][0]).toBe("number");
    expect(
      codes(predictedClv(col(1, 2, 3), col(1, 2), col(3, 3, 3), col(5, 5, 5), BG, GG))
    ).toEqual([["#VALUE!"]]);
    const [f, r, T, m] = args;
    expect(codes(predictedClv(f, r, T, m, BG, [["GG", 6.25, 0.9, 15.44]]))).toEqual([["#VALUE!"]]);
  });

  it("PREDICTEDCLV keeps blank and bad customers to their own rows", () => {
    const result = predictedClv(
      col(2, null, 1, "x", 1, 3),
      col(30.43, null, 40, 5, 5, 20),
      col(38.86, null, 38.86, 38.86, 38.86, 38.86),
      col(22.35, null, 10, 10, 0, na),
      BG,
      GG,
      12,
      0.01,
      "W"
    );
    expect(codes(result)).toEqual([
      [expect.any(Number)],
      [""],
      ["#VALUE!"],
      ["#VALUE!"],
      ["#VALUE!"],
      ["#N/A"],
    ]);
    expect(messageOf(result[4][0])).toMatch(/monetary must be > 0/);
  });
});

describe("a bad customer only affects its own row (property)", () => {
  const customer = fc.integer({ min: 0, max: 40 }).chain((frequency) =>
    fc.record({
      frequency: fc.constant(frequency),
      T: fc.integer({ min: 1, max: 200 }),
      share: fc.double({ min: 0.01, max: 1, noNaN: true }),
      monetary: fc.integer({ min: 1, max: 500 }),
    })
  );
  const badCell = fc.constantFrom<unknown>("text", true, null, na, { code: "#REF!" });
  /** The columns (frequency, recency, T, monetary) each function reads. */
  const reads = [
    [0, 1, 2],
    [0, 1, 2],
    [0, 3],
    [0, 1, 2, 3],
  ];

  it("PALIVE, EXPECTEDPURCHASES, EXPECTEDSPEND and PREDICTEDCLV leave the other rows unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 2, maxLength: 10 }),
        fc.nat(),
        fc.nat(3),
        badCell,
        (rows, at, column, bad) => {
          const columns = [
            rows.map((c) => [c.frequency]),
            rows.map((c) => [c.frequency > 0 ? Math.max(0.5, c.share * c.T) : 0]),
            rows.map((c) => [c.T]),
            rows.map((c) => [c.frequency > 0 ? c.monetary : 0]),
          ] as unknown[][][];
          const outputs = (cells: unknown[][][]) => {
            const [f, r, T, m] = cells as number[][][];
            return [
              pAlive(f, r, T, PARETO),
              expectedPurchases([[52]], f, r, T, BG),
              expectedSpend(f, m, GG),
              predictedClv(f, r, T, m, BG, GG, 6, 0.01, "W"),
            ];
          };
          const before = outputs(columns);
          const row = at % rows.length;
          const broken = columns.map((c) => c.map((cell) => [...cell]));
          broken[column][row] = [bad];
          outputs(broken).forEach((output, k) =>
            output.forEach((cells, i) => {
              if (i === row && reads[k].includes(column)) expect(cells[0]).toBeInstanceOf(CvaError);
              else expect(cells).toEqual(before[k][i]);
            })
          );
        }
      ),
      { numRuns: 2000 }
    );
  });
});
