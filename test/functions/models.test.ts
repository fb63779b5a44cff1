/**
 * Predictive CLV as live formulas, typed as a user types them into a real formula engine (HyperFormula): the CDNOW
 * customers in columns B:E, a model fitted in one cell that spills its parameter row, predictions for every customer
 * pointing at that row (or at a fit nested in the formula). Values are checked against the published figures (see
 * data/README.md and docs/models.md) and against the engine called directly.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { HyperFormula } from "hyperformula";
import { excelSerial, parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { conditionalExpectedAverageSpend, fitGammaGamma } from "../../src/core/models/gammaGamma";
import { formatModelParams } from "../../src/core/models/parameterRow";
import { predictedClv } from "../../src/core/models/predictiveClv";
import { transactionModel } from "../../src/core/models/registry";
import {
  columnCells,
  RFM_SUMMARY_HEADERS,
  rfmSummary,
  rfmSummarySheet,
} from "../../src/core/summary/rfmSummary";
import {
  cdnowSummary,
  cdnowSummaryWithSpend,
  expectRelative,
  REFERENCE_DATA,
} from "../core/models/cdnowData";
import {
  buildSheet,
  cellAt,
  errorOf,
  messageOf,
  valuesOf,
  withCustomFunctions,
} from "./hyperformulaHarness";

withCustomFunctions();

/** A column of results, rows 2..customers + 1 of the given column letter. */
const columnOf = (hf: HyperFormula, column: string, count: number) =>
  valuesOf(hf, `${column}2:${column}${count + 1}`).map((row) => row[0]);

/** Published figures (data/README.md) and the exact optima of this file (SciPy), as in test/core/models. */
const BG_PUBLISHED = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
const BG_OPTIMUM = { r: 0.2425929, alpha: 4.41353141, a: 0.79288618, b: 2.42575355 };
const PARETO_PUBLISHED = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6685 };
const PARETO_OPTIMUM = { r: 0.5532755, alpha: 10.5776122, s: 0.6062136, beta: 11.66791226 };
const MBG_OPTIMUM = { r: 0.52483788, alpha: 6.18299097, a: 0.89135632, b: 1.61399996 };
const GG_OPTIMUM = { p: 6.24880318, q: 3.74458844, v: 15.44774595 };

/**
 * Sheet values against the engine called directly. HyperFormula, like Excel, keeps 15 significant digits of every
 * result, parameter rows included, so they agree to ~1e-15, and values computed from a parameter row to ~1e-14.
 */
const SHEET_PRECISION = 1e-13;

function expectSheetValues(values: unknown[], reference: (i: number) => number): void {
  values.forEach((value, i) => expectRelative(value as number, reference(i), SHEET_PRECISION));
}

/** A spilled table against the engine's rows: text exactly, numbers to the sheet's precision; the first few misses. */
function expectSheetRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual).toHaveLength(expected.length);
  const misses = expected
    .flatMap((row, i) =>
      row.map((cell, k) => ({ row: i, column: k, actual: actual[i][k], expected: cell }))
    )
    .filter(({ actual: a, expected: e }) =>
      typeof e === "number"
        ? !(typeof a === "number" && Math.abs(a - e) <= SHEET_PRECISION * Math.abs(e))
        : a !== e
    );
  expect(misses.slice(0, 5)).toEqual([]);
}

describe("fit → prediction chains on the 2,357 CDNOW customers (weeks)", () => {
  const data = cdnowSummaryWithSpend();
  const n = data.frequency.length;
  const last = n + 1;
  const B = `B2:B${last}`;
  const C = `C2:C${last}`;
  const D = `D2:D${last}`;
  const E = `E2:E${last}`;
  // cdnow_customers_summary.csv's customers (x, t_x, T; the same numbers, checked below) with their mean spend zbar.
  const rows: unknown[][] = [["id", "frequency", "recency", "T", "monetary"]];
  data.frequency.forEach((x, i) =>
    rows.push([i + 1, x, data.recency[i], data.T[i], data.monetary[i]])
  );
  const put = (a1: string, content: unknown) => {
    const [, letter, digits] = /^([A-Z])(\d+)$/.exec(a1)!;
    const row = rows[Number(digits) - 1];
    const col = letter.charCodeAt(0) - 65;
    while (row.length < col) row.push(null);
    row[col] = content;
  };
  // Fits, each spilling one parameter row.
  put("G1", `=CVA.BGNBD(${B}, ${C}, ${D})`);
  put("G2", `=CVA.PARETONBD(${B}, ${C}, ${D})`);
  put("G3", `=CVA.MBGNBD(${B}, ${C}, ${D})`);
  put("G4", `=CVA.GAMMAGAMMA(${B}, ${E})`);
  // The published BG/NBD estimate typed in by hand.
  ["BG/NBD", BG_PUBLISHED.r, BG_PUBLISHED.alpha, BG_PUBLISHED.a, BG_PUBLISHED.b].forEach((v, k) =>
    put(`${"GHIJK"[k]}5`, v)
  );
  put("G6", "=CVA.EXPECTEDPURCHASES(39, 2, 30.43, 38.86, G5:K5)");
  put("H6", "=CVA.EXPECTEDPURCHASES(39, 2, 30.43, 38.86, G1:K1)");
  put("G7", "=CVA.EXPECTEDPURCHASES({1;3;32;78}, 0, 0, 0, G5:K5)");
  put("G11", `=CVA.PREDICTEDCLV(B2, C2, D2, E2, $G$1:$K$1, $G$4:$J$4, 12, 0.01, "W")`);
  put("H11", `=CVA.PREDICTEDCLV(B2, C2, D2, E2, $G$1:$K$1, $G$4:$J$4)`);
  // Per-customer predictions spilling down columns M..S.
  put("M2", `=CVA.PALIVE(${B}, ${C}, ${D}, G1:K1)`);
  put("N2", `=CVA.PALIVE(${B}, ${C}, ${D}, CVA.BGNBD(${B}, ${C}, ${D}))`);
  put("O2", `=CVA.PALIVE(${B}, ${C}, ${D}, G2:K2)`);
  put("P2", `=CVA.EXPECTEDPURCHASES(39, ${B}, ${C}, ${D}, G3:K3)`);
  put("Q2", `=CVA.EXPECTEDSPEND(${B}, ${E}, G4:J4)`);
  put("R2", `=CVA.PREDICTEDCLV(${B}, ${C}, ${D}, ${E}, G1:K1, G4:J4, 12, 0.01, "W")`);
  put("S2", `=CVA.PREDICTEDCLV(${B}, ${C}, ${D}, ${E}, G2:K2, G4:J4, 6, 0.05, "w")`);

  let hf: HyperFormula;
  beforeAll(() => {
    hf = buildSheet(rows);
  });
  afterAll(() => hf.destroy());

  // The engine called directly, for reference.
  const fit = (id: "BG/NBD" | "Pareto/NBD" | "MBG/NBD") =>
    transactionModel(id).fit(data.frequency, data.recency, data.T).params;
  const [bg, pareto, mbg] = [fit("BG/NBD"), fit("Pareto/NBD"), fit("MBG/NBD")];
  const gg = fitGammaGamma(data.frequency, data.monetary).params;

  it("=CVA.BGNBD spills the paper's estimates (0.243, 4.414, 0.793, 2.426), at the exact optimum", () => {
    expect(cdnowSummary()).toEqual({ frequency: data.frequency, recency: data.recency, T: data.T });
    const [row] = valuesOf(hf, "G1:K1");
    expect(row[0]).toBe("BG/NBD");
    const [r, alpha, a, b] = row.slice(1) as number[];
    expect([r, alpha, a, b].map((x) => x.toFixed(3))).toEqual(["0.243", "4.414", "0.793", "2.426"]);
    (["r", "alpha", "a", "b"] as const).forEach((name, k) => {
      expectRelative([r, alpha, a, b][k], BG_OPTIMUM[name], 1e-6);
      expectRelative([r, alpha, a, b][k], BG_PUBLISHED[name], 1e-4);
    });
    expectSheetValues(row.slice(1), (k) => formatModelParams(bg)[k + 1] as number);
  });

  it("=CVA.PARETONBD and =CVA.MBGNBD land on their optima; Pareto/NBD near its published values", () => {
    const [paretoRow] = valuesOf(hf, "G2:K2");
    expect(paretoRow[0]).toBe("Pareto/NBD");
    (["r", "alpha", "s", "beta"] as const).forEach((name, k) => {
      expectRelative(paretoRow[k + 1] as number, PARETO_OPTIMUM[name], 1e-6);
      expectRelative(paretoRow[k + 1] as number, PARETO_PUBLISHED[name], 3e-4);
    });
    const [mbgRow] = valuesOf(hf, "G3:K3");
    expect(mbgRow[0]).toBe("MBG/NBD");
    (["r", "alpha", "a", "b"] as const).forEach((name, k) =>
      expectRelative(mbgRow[k + 1] as number, MBG_OPTIMUM[name], 1e-6)
    );
  });

  it("=CVA.GAMMAGAMMA spills p = 6.25, q = 3.74, v = 15.45 (note 025 prints 15.44; see docs/models.md)", () => {
    const [row] = valuesOf(hf, "G4:K4");
    expect(row[0]).toBe("GG");
    expect(row.slice(1, 4).map((x) => (x as number).toFixed(2))).toEqual(["6.25", "3.74", "15.45"]);
    (["p", "q", "v"] as const).forEach((name, k) =>
      expectRelative(row[k + 1] as number, GG_OPTIMUM[name], 1e-6)
    );
    expect(row[4]).toBeNull(); // four cells: nothing spills into K4
  });

  it("expects 1.226 purchases in 39 weeks from x = 2, tₓ = 30.43, T = 38.86, and the population E[X(t)]", () => {
    expect((cellAt(hf, "G6") as number).toFixed(3)).toBe("1.226");
    expectRelative(cellAt(hf, "G6") as number, 1.2259057045100396496, 1e-13);
    expect((cellAt(hf, "H6") as number).toFixed(3)).toBe("1.226");
    // An observation period of 0 gives the population expectation E[X(t)] (mpmath references, test/core/models).
    const population = valuesOf(hf, "G7:G10").map((row) => row[0] as number);
    [
      0.053184281689749111349, 0.15063078397773560036, 1.0437308814404468902, 1.8579560091180785677,
    ].forEach((expected, i) => expectRelative(population[i], expected, 1e-13));
  });

  it("=CVA.PALIVE spills P(alive) per customer, the same with the fit nested in the formula", () => {
    const alive = columnOf(hf, "M", n);
    expectSheetValues(alive, (i) =>
      transactionModel(bg).conditionalProbabilityAlive(
        bg,
        data.frequency[i],
        data.recency[i],
        data.T[i]
      )
    );
    expect(columnOf(hf, "N", n)).toEqual(alive);
    expectSheetValues(columnOf(hf, "O", n), (i) =>
      transactionModel(pareto).conditionalProbabilityAlive(
        pareto,
        data.frequency[i],
        data.recency[i],
        data.T[i]
      )
    );
    expect(cellAt(hf, `M${last + 1}`)).toBeNull();
  });

  it("=CVA.EXPECTEDPURCHASES spills the MBG/NBD expectation per customer", () => {
    expectSheetValues(columnOf(hf, "P", n), (i) =>
      transactionModel(mbg).conditionalExpectedPurchases(
        mbg,
        39,
        data.frequency[i],
        data.recency[i],
        data.T[i]
      )
    );
  });

  it("=CVA.EXPECTEDSPEND gives the first ten customers' published expected spends", () => {
    const spends = columnOf(hf, "Q", n) as number[];
    expect(spends.slice(0, 10).map((s) => (Math.floor(s * 100) / 100).toFixed(2))).toEqual([
      "24.65",
      "18.91",
      "35.17",
      "35.17",
      "35.17",
      "71.46",
      "18.91",
      "35.17",
      "27.28",
      "35.17",
    ]);
    expectRelative(spends[0], 24.658619, 2e-7);
    expectSheetValues(spends, (i) =>
      conditionalExpectedAverageSpend(gg, data.frequency[i], data.monetary[i])
    );
  });

  it("=CVA.PREDICTEDCLV spills the engine's CLV per customer, filled down or as one spill", () => {
    const weekly = predictedClv(bg, gg, data.frequency, data.recency, data.T, data.monetary, {
      months: 12,
      monthlyDiscountRate: 0.01,
      dataUnit: "W",
    }) as number[];
    const clv = columnOf(hf, "R", n) as number[];
    expectSheetValues(clv, (i) => weekly[i]);
    expect(cellAt(hf, "G11")).toBe(clv[0]);
    const paretoMonthly = predictedClv(
      pareto,
      gg,
      data.frequency,
      data.recency,
      data.T,
      data.monetary,
      { months: 6, monthlyDiscountRate: 0.05, dataUnit: "W" }
    ) as number[];
    expectSheetValues(columnOf(hf, "S", n), (i) => paretoMonthly[i]);
    // The default unit is days: these weekly data read as days value every customer several times higher.
    expect(cellAt(hf, "H11") as number).toBeGreaterThan(3 * clv[0]);
  });
});

describe("=CVA.RFMSUMMARY on CDNOW_master (69,659 transactions)", () => {
  const transactions = parseCdnowMaster(
    readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8")
  );
  const count = transactions.customerId.length;
  const last = count + 1;
  // Ids typed as text ('00001), so the zero padding survives as it would in an imported column.
  const rows: unknown[][] = [["customer", "date", "amount"]];
  transactions.customerId.forEach((id, i) =>
    rows.push([`'${id}`, transactions.date[i], transactions.amount[i]])
  );
  rows[0].push(null, `=CVA.RFMSUMMARY(A2:A${last}, B2:B${last}, C2:C${last})`);
  rows[0].push(
    ...new Array(9).fill(null),
    `=CVA.RFMSUMMARY(A2:A${last}, B2:B${last}, C2:C${last}, DATE(1997,9,30), 7)`
  );

  it("spills the header and exactly the engine's summary, daily and weekly with an as-of date", () => {
    const hf = buildSheet(rows);
    const daily = rfmSummary(transactions.customerId, transactions.date, transactions.amount);
    expect(daily.customer).toHaveLength(23570);
    const spilled = valuesOf(hf, `E1:M${daily.customer.length + 2}`);
    expect(spilled[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    const cells = columnCells(transactions.customerId, transactions.date, transactions.amount);
    expectSheetRows(spilled.slice(0, -1), rfmSummarySheet(cells).rows);
    expect(spilled[spilled.length - 1]).toEqual(new Array(9).fill(null));
    expect(spilled[3]).toEqual([
      "00003",
      5,
      511,
      544,
      expect.closeTo(27.14, 10),
      6,
      expect.closeTo(156.46, 10),
      excelSerial(1997, 1, 2),
      excelSerial(1998, 5, 28),
    ]);

    const weekly = rfmSummary(
      transactions.customerId,
      transactions.date,
      transactions.amount,
      excelSerial(1997, 9, 30),
      7
    );
    const weeklySpilled = valuesOf(hf, `O1:W${weekly.customer.length + 1}`);
    expect(weeklySpilled[0]).toEqual([...RFM_SUMMARY_HEADERS]);
    expectSheetRows(weeklySpilled, rfmSummarySheet(cells, excelSerial(1997, 9, 30), 7).rows);
    expect(weekly.excludedTransactions).toBeGreaterThan(0);
    hf.destroy();
  });
});

describe("errors, typed as a user would meet them", () => {
  // Nobody ever drops out: everyone bought right up to the end of observation (test/core/models/bgnbd.test.ts).
  const loyal = Array.from({ length: 200 }, (_, i) => [1 + (i % 5), 20 + (i % 20), 20 + (i % 20)]);

  it("#VALUE! when a fit has no maximum, saying why, passed on to the predictions that use it", () => {
    const rows: unknown[][] = loyal.map((row) => [...row]);
    rows[0].push("=CVA.BGNBD(A1:A200, B1:B200, C1:C200)");
    rows[1].push(null, null, null, null, null, "=CVA.PALIVE(A1:A3, B1:B3, C1:C3, D1:H1)");
    const hf = buildSheet(rows);
    expect(errorOf(cellAt(hf, "D1"))).toBe("#VALUE!");
    expect(messageOf(cellAt(hf, "D1"))).toMatch(
      /^BG\/NBD has no best fit on these data: .*a runs off to zero: .*nobody seems to drop out/
    );
    expect(errorOf(cellAt(hf, "I2"))).toBe("#VALUE!");
    hf.destroy();
  });

  it("refuses fits on bad rows, naming the row: text, recency > T, a repeat buyer with recency 0, negatives, one customer", () => {
    // Each fit in its own row: HyperFormula reserves the five cells of a parameter row before evaluating.
    const hf = buildSheet([
      [
        2,
        30,
        38,
        2,
        30,
        38,
        2,
        30,
        38,
        2,
        30,
        38,
        2,
        30,
        38,
        2,
        30,
        null,
        "=CVA.BGNBD(A1:A3, B1:B3, C1:C3)",
      ],
      [
        1,
        5,
        38,
        1,
        40,
        38,
        1,
        0,
        38,
        1,
        5,
        -1,
        1,
        5,
        38,
        1,
        5,
        null,
        "=CVA.PARETONBD(D1:D3, E1:E3, F1:F3)",
      ],
      [
        "two",
        5,
        38,
        0,
        0,
        38,
        0,
        0,
        38,
        0,
        0,
        38,
        null,
        null,
        null,
        3,
        0,
        null,
        "=CVA.MBGNBD(G1:G3, H1:H3, I1:I3)",
      ],
      [...new Array(18).fill(null), "=CVA.BGNBD(J1:J3, K1:K3, L1:L3)"],
      [...new Array(18).fill(null), "=CVA.BGNBD(M1, N1, O1)"],
      [...new Array(18).fill(null), "=CVA.GAMMAGAMMA(P1:P3, Q1:Q3)"],
    ]);
    const results = ["S1", "S2", "S3", "S4", "S5", "S6"].map((a1) => cellAt(hf, a1));
    expect(results.map(errorOf)).toEqual([
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
    ]);
    expect(results.map(messageOf)).toEqual([
      expect.stringMatching(/^Frequency in row 3 must be a number, got "two"/),
      expect.stringMatching(/^Row 2: recency 40 exceeds T 38/),
      expect.stringMatching(/^Row 2: frequency 1 with recency 0/),
      expect.stringMatching(/^Row 2: T must not be negative/),
      expect.stringMatching(/at least 2 customers/),
      expect.stringMatching(/^Row 3: monetary must be > 0/),
    ]);
    hf.destroy();
  });

  it("keeps a bad customer's error in its own row of a prediction spill", () => {
    const hf = buildSheet([
      [2, 30.43, 38.86, 22.35, "BG/NBD", ...Object.values(BG_PUBLISHED)],
      [1, 40, 38.86, 10, "GG", 6.25, 3.74, 15.44],
      ["n/a", 5, 38.86, 10],
      [1, 5, 38.86, 0],
      [null, null, null, null],
      [
        "=CVA.PALIVE(A1:A5, B1:B5, C1:C5, E1:I1)",
        '=CVA.PREDICTEDCLV(A1:A5, B1:B5, C1:C5, D1:D5, E1:I1, E2:H2, 12, 0.01, "W")',
        "=CVA.EXPECTEDSPEND(A1:A5, D1:D5, E2:H2)",
        "=CVA.EXPECTEDSPEND(A1, D1, E1:I1)",
        '=CVA.PREDICTEDCLV(A1, B1, C1, D1, E1:I1, E2:H2, 12, 0.01, "years")',
        "=CVA.PALIVE(A1, B1, C1, E2:H2)",
      ],
    ]);
    const column = (letter: string) =>
      valuesOf(hf, `${letter}6:${letter}10`).map((row) => errorOf(row[0]));
    expect(column("A")).toEqual([expect.any(Number), "#VALUE!", "#VALUE!", expect.any(Number), ""]);
    expect(messageOf(cellAt(hf, "A7"))).toMatch(/^recency 40 exceeds T 38.86/);
    expect(messageOf(cellAt(hf, "A8"))).toMatch(/^Frequency in row 3 must be a number/);
    expect(column("B")).toEqual([expect.any(Number), "#VALUE!", "#VALUE!", "#VALUE!", ""]);
    expect(messageOf(cellAt(hf, "B9"))).toMatch(/monetary must be > 0/);
    expect(column("C")).toEqual([expect.any(Number), expect.any(Number), "#VALUE!", "#VALUE!", ""]);
    expect(["D6", "E6", "F6"].map((a1) => errorOf(cellAt(hf, a1)))).toEqual([
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
    ]);
    expect(messageOf(cellAt(hf, "D6"))).toMatch(
      /Expected the parameters of a spend model \(Gamma-Gamma \(GG\)\) here, got BG\/NBD ones/
    );
    expect(messageOf(cellAt(hf, "E6"))).toMatch(/dataUnit must be .*"W" \(weeks\)/);
    expect(messageOf(cellAt(hf, "F6"))).toMatch(
      /Expected the parameters of a transaction model \(BG\/NBD, Pareto\/NBD, MBG\/NBD, BG\/BB\) here/
    );
    hf.destroy();
  });

  it("=CVA.PREDICTEDCLV spreads one T (or one monetary value) over the customers, as =CVA.PALIVE does", () => {
    const hf = buildSheet([
      [2, 30.43, 38.86, 22.35, "BG/NBD", ...Object.values(BG_PUBLISHED)],
      [0, 0, 38.86, 0, "GG", 6.25, 3.74, 15.44],
      [7, 35.5, 38.86, 30.5],
      [
        '=CVA.PREDICTEDCLV(A1:A3, B1:B3, C1:C3, D1:D3, E1:I1, E2:H2, 12, 0.01, "W")',
        '=CVA.PREDICTEDCLV(A1:A3, B1:B3, 38.86, D1:D3, E1:I1, E2:H2, 12, 0.01, "W")',
        '=CVA.PREDICTEDCLV(A1:A3, B1:B3, C1:C3, 25, E1:I1, E2:H2, 12, 0.01, "W")',
        '=CVA.PREDICTEDCLV(A1:A3, B1:B3, C1:C3, {25;25;25}, E1:I1, E2:H2, 12, 0.01, "W")',
      ],
    ]);
    const spill = (letter: string) => valuesOf(hf, `${letter}4:${letter}6`).map((row) => row[0]);
    expect(spill("B")).toEqual(spill("A"));
    expect(spill("A").every((value) => typeof value === "number")).toBe(true);
    expect(spill("C")).toEqual(spill("D"));
    hf.destroy();
  });

  it("=CVA.RFMSUMMARY names the row of a text date", () => {
    const hf = buildSheet([
      ["a", 45000, 10, "=CVA.RFMSUMMARY(A1:A3, B1:B3, C1:C3)"],
      ["b", 45001, 5],
      ["a", "'2023-03-15", 7],
    ]);
    expect(errorOf(cellAt(hf, "D1"))).toBe("#VALUE!");
    expect(messageOf(cellAt(hf, "D1"))).toMatch(
      /^dates row 3 is text \("2023-03-15"\), not a date/
    );
    hf.destroy();
  });
});
