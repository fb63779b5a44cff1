/**
 * The retention functions as a user types them into a real formula engine (HyperFormula): Fader & Hardie's (2007)
 * Table 1 and the BG/BB donations data typed into cells, fits spilling their parameter rows, predictions pointing
 * at them, and the cohort table of CDNOW_master checked against a count that shares nothing with the engine.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { excelSerial, parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { fitSbg } from "../../src/core/models/sbg";
import * as functions from "../../src/functions/functions";
import { expectRelative, REFERENCE_DATA } from "../core/models/cdnowData";
import { donations, DONATIONS, FH2007 } from "../core/models/retentionData";
import {
  buildSheet,
  cellAt,
  errorOf,
  messageOf,
  valuesOf,
  withCustomFunctions,
} from "./hyperformulaHarness";

withCustomFunctions();

/** A sheet's rows with the given cells put in (A1 addresses), padding rows as needed. */
function sheet(rows: unknown[][], cells: Record<string, unknown>): unknown[][] {
  for (const [a1, content] of Object.entries(cells)) {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    while (rows.length < Number(digits)) rows.push([]);
    const row = rows[Number(digits) - 1];
    while (row.length < column) row.push(null);
    row[column] = content;
  }
  return rows;
}

/** Parameter rows and values from them go through 15 significant digits in the sheet, as in Excel. */
const SHEET_PRECISION = 1e-13;

describe("sBG on Fader & Hardie's (2007) Table 1, typed as percentages of 1,000 customers", () => {
  const { regular, highEnd } = FH2007;
  const hf = () =>
    buildSheet(
      sheet([[...regular.calibration], [...highEnd.calibration]], {
        J1: "=CVA.SBG(A1:H1, 1000)",
        J2: "=CVA.SBG(A2:H2, 1000)",
        J3: "=CVA.SBG(A1:H2, 1000)",
        J4: "=CVA.SBG(A1:H2, {1000;2000})",
        A6: "=CVA.SBGSURVIVAL({8;9;10;11;12}, J1:L1)",
        B6: "=CVA.SBGSURVIVAL({8;9;10;11;12}, J2:L2)",
        C6: "=CVA.SBGRETENTION({1;2;3}, J1:L1)",
        D6: "=CVA.SBGDEL(J1:L1, 0.1)",
        E6: "=CVA.SBGDERL(J2:L2, 0.1, {0;1;3;4})",
        F6: "=CVA.SBGCLV(100, J1:L1, 0.1, 3)",
        G6: '=CVA.SBGCLV(100, {"sBG",200000000,800000000}, 0.1)',
        H6: "=CVA.CLVRETENTION(100, 0.8, 0.1)",
        I6: "=CVA.SBG(TRANSPOSE(A1:H1), 1000)",
      })
    );

  it("fits the published alpha and beta within 1e-3 (0.704, 1.182 and 0.668, 3.806)", () => {
    const sheetValues = hf();
    for (const [row, data] of [
      [1, regular],
      [2, highEnd],
    ] as const) {
      const [name, alpha, beta] = valuesOf(sheetValues, `J${row}:L${row}`)[0] as [
        string,
        number,
        number,
      ];
      expect(name).toBe("sBG");
      expect(Math.abs(alpha - data.published.alpha)).toBeLessThan(1e-3);
      expect(Math.abs(beta - data.published.beta)).toBeLessThan(1e-3);
      expectRelative(alpha, data.optimum.alpha, 1e-7);
      expectRelative(beta, data.optimum.beta, 1e-7);
    }
    // A single column is one cohort too.
    expect(valuesOf(sheetValues, "I6:K6")[0]).toEqual(valuesOf(sheetValues, "J1:L1")[0]);
    sheetValues.destroy();
  });

  it("pools several cohorts (rows) into one fit, each scaled by its own size", () => {
    const sheetValues = hf();
    const both = [regular.calibration, highEnd.calibration];
    const [pooled, sized] = [3, 4].map((row) => valuesOf(sheetValues, `J${row}:L${row}`)[0]);
    for (const [row, sizes] of [
      [pooled, [1000]],
      [sized, [1000, 2000]],
    ] as const) {
      const fit = fitSbg(both, sizes);
      expect(row[0]).toBe("sBG");
      expectRelative(row[1] as number, fit.params.alpha, SHEET_PRECISION);
      expectRelative(row[2] as number, fit.params.beta, SHEET_PRECISION);
    }
    sheetValues.destroy();
  });

  it("projects years 8–12 as mpmath does, with the retention, DEL, DERL and CLV formulas", () => {
    const sheetValues = hf();
    const projected = valuesOf(sheetValues, "A6:B10");
    projected.forEach(([r, h], i) => {
      expectRelative(100 * (r as number), regular.projected[i], 1e-7);
      expectRelative(100 * (h as number), highEnd.projected[i], 1e-7);
    });
    const [alpha, beta] = valuesOf(sheetValues, "K1:L1")[0] as number[];
    [1, 2, 3].forEach((t, i) =>
      expectRelative(
        cellAt(sheetValues, `C${6 + i}`) as number,
        (beta + t - 1) / (alpha + beta + t - 1),
        SHEET_PRECISION
      )
    );
    expectRelative(cellAt(sheetValues, "D6") as number, regular.del, 1e-7);
    valuesOf(sheetValues, "E6:E9").forEach(([value], i) =>
      expectRelative(value as number, highEnd.derl[i], 1e-7)
    );
    expectRelative(cellAt(sheetValues, "F6") as number, (100 * regular.derl[2]) / 1.1, 1e-7);
    // Beta(2e8, 8e8): every customer's churn probability is 0.2, as CVA.CLVRETENTION assumes.
    expectRelative(cellAt(sheetValues, "G6") as number, cellAt(sheetValues, "H6") as number, 1e-8);
    sheetValues.destroy();
  });

  it("fits a cohort triangle: blanks at the end of a row are periods not yet observed", () => {
    const triangle = [
      [1000, 631, 468, 382, 326],
      [800, 510, 380, 305, null],
      [900, 560, 420, null, null],
      [null, null, null, null, null],
      [700, 440, null, null, null],
    ];
    const sheetValues = buildSheet(
      sheet(
        triangle.map((row) => [...row]),
        { G1: "=CVA.SBG(A1:E5)" }
      )
    );
    const row = valuesOf(sheetValues, "G1:I1")[0];
    expect(row[0]).toBe("sBG");
    const direct = functions.sbg(triangle as never);
    expectRelative(row[1] as number, direct[0][1], SHEET_PRECISION);
    sheetValues.destroy();
  });

  it("says why with #VALUE!: rising counts, a gap in a row, text, a bad parameter row", () => {
    const sheetValues = buildSheet([
      [100, 80, 85, null, "=CVA.SBG(A1:C1)"],
      [100, null, 50, null, "=CVA.SBG(A2:C2)"],
      [100, "sixty", 50, null, "=CVA.SBG(A3:C3)"],
      [100, 60, null, null, "=CVA.SBG(A4:B4)"],
      [
        '=CVA.SBGSURVIVAL(1.5, {"sBG",1,2})',
        '=CVA.SBGSURVIVAL(1, {"BG/NBD",1,2,3,4})',
        "=CVA.SBGSURVIVAL(1, E1:G1)",
      ],
    ]);
    const cases: [string, RegExp][] = [
      ["E1", /^Period 2: 85 customers after 80 at period 1\. Survivors cannot rise/],
      ["E2", /^Period 1 is blank: only the periods after the last count may be blank/],
      ["E3", /^Period 1 must be a number, got "sixty"/],
      ["E4", /at least two renewals/],
      ["A5", /t counts whole periods/],
      [
        "B5",
        /^Expected the parameters of a retention model \(sBG: the row CVA\.SBG returns\) here, got BG\/NBD ones/,
      ],
      ["C5", /^The input holds #VALUE!/], // the failed fit's error, passed on (Excel hands over the code only)
    ];
    for (const [cell, message] of cases) {
      expect(errorOf(cellAt(sheetValues, cell))).toBe("#VALUE!");
      expect(messageOf(cellAt(sheetValues, cell))).toMatch(message);
    }
    sheetValues.destroy();
  });
});

describe("BG/BB on the donations data (22 patterns, 11,104 donors)", () => {
  const data = donations();
  const rows: unknown[][] = [["frequency", "recency", "periods", "count"]];
  data.frequency.forEach((x, i) => rows.push([x, data.recency[i], data.periods[i], data.count[i]]));
  // The same donors one row each, in columns M:O.
  let r = 1;
  data.count.forEach((count, i) => {
    for (let k = 0; k < count; k++) {
      r++;
      sheet(rows, {
        [`M${r}`]: data.frequency[i],
        [`N${r}`]: data.recency[i],
        [`O${r}`]: data.periods[i],
      });
    }
  });
  sheet(rows, {
    F1: "=CVA.BGBB(A2:A23, B2:B23, C2:C23, D2:D23)",
    F2: `=CVA.BGBB(M2:M${r}, N2:N${r}, O2:O${r})`,
    F3: "=CVA.BGBB(A2:A23, B2:B23, C2:C23, {1;2})",
    F4: "=CVA.BGBB(B2:B23, A2:A23, C2:C23)",
    // The registered model's predictions through the general functions.
    H6: "=CVA.PALIVE({0;2;6}, {0;4;6}, 6, F1:J1)",
    I6: "=SUMPRODUCT(CVA.EXPECTEDPURCHASES(5, A2:A23, B2:B23, C2:C23, F1:J1), D2:D23)",
    J6: "=CVA.EXPECTEDPURCHASES(2.5, 2, 4, 6, F1:J1)",
    K6: "=11104 * CVA.PNPURCHASES({0;6}, 6, F1:J1)",
    L6: "=CVA.PNOPURCHASE(5, {0;2;6}, {0;4;6}, 6, F1:J1)",
  });

  it("fits the published alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, per pattern or per donor", () => {
    const hf = buildSheet(rows);
    const [patterns, donors] = valuesOf(hf, "F1:J2");
    expect(patterns[0]).toBe("BG/BB");
    (["alpha", "beta", "gamma", "delta"] as const).forEach((name, k) => {
      expect((patterns[k + 1] as number).toFixed(3)).toBe(DONATIONS.published[name].toFixed(3));
      expectRelative(patterns[k + 1] as number, DONATIONS.optimum[name], 1e-7);
      expectRelative(donors[k + 1] as number, patterns[k + 1] as number, 1e-9);
    });
    // CVA.PALIVE with a BG/BB row: P(alive at the next occasion), the paper's "P(alive in 2002)" of Table 6.
    valuesOf(hf, "H6:H8").forEach(([value], i) =>
      expect((value as number).toFixed(2)).toBe(DONATIONS.publishedPAlive[i].toFixed(2))
    );
    // Hardie's workbook: 12,884.2 donations expected over the next 5 years from all donors.
    expect((cellAt(hf, "I6") as number).toFixed(1)).toBe(
      DONATIONS.publishedNextFiveYears.toFixed(1)
    );
    // CVA.PNPURCHASES with a BG/BB row: the workbook's 3,454.9 and 1,253.1 donors with 0 and 6 repeat donations.
    const repeatDonors = valuesOf(hf, "K6:K7").map(([value]) => (value as number).toFixed(1));
    expect(repeatDonors).toEqual(
      [DONATIONS.publishedDonorsWithZero, DONATIONS.publishedDonorsWithSix].map((v) => v.toFixed(1))
    );
    // CVA.PNOPURCHASE: no donation in the next 5 years, L(x, tₓ, 11) / L(x, tₓ, 6) (mpmath at the exact optimum;
    // the sheet's fit is within 1e-7 of it).
    valuesOf(hf, "L6:L8").forEach(([value], i) =>
      expectRelative(value as number, DONATIONS.noneNextFive[i], 1e-7)
    );
    expect(errorOf(cellAt(hf, "J6"))).toBe("#VALUE!");
    expect(messageOf(cellAt(hf, "J6"))).toMatch(/future occasions and must be a whole number/);
    expect(errorOf(cellAt(hf, "F3"))).toBe("#VALUE!");
    expect(messageOf(cellAt(hf, "F3"))).toMatch(/same number of rows/);
    expect(errorOf(cellAt(hf, "F4"))).toBe("#VALUE!");
    expect(messageOf(cellAt(hf, "F4"))).toMatch(/^Row 3: frequency 2 exceeds recency 1/);
    hf.destroy();
  });
});

describe("=CVA.COHORTS on CDNOW_master (69,659 transactions) against an independent count", () => {
  const text = readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8");
  const transactions = parseCdnowMaster(text);
  const last = transactions.customerId.length + 1;
  const rows: unknown[][] = [["customer", "date"]];
  // Ids typed as text ('00001), as an imported column keeps them.
  transactions.customerId.forEach((id, i) => rows.push([`'${id}`, transactions.date[i]]));
  sheet(rows, {
    D1: `=CVA.COHORTS(A2:A${last}, B2:B${last})`,
    // Each below the 241 × 241 cells the harness reserves for a cohort table.
    D300: `=CVA.COHORTRETENTION(A2:A${last}, B2:B${last}, "m")`,
    D600: `=CVA.COHORTS(A2:A${last}, B2:B${last}, "Q", DATE(1997,12,31), "retained")`,
  });

  /** Months from the yyyymmdd text and a Set of months per customer: nothing shared with the engine. */
  function independentMonthly(): number[][] {
    const monthsOf = new Map<string, Set<number>>();
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [id, yyyymmdd] = line.trim().split(/\s+/);
      if (!id) continue;
      const month = (Number(yyyymmdd.slice(0, 4)) - 1997) * 12 + Number(yyyymmdd.slice(4, 6)) - 1;
      monthsOf.set(id, (monthsOf.get(id) ?? new Set()).add(month));
    }
    const table: number[][] = [];
    for (const months of monthsOf.values()) {
      const first = Math.min(...months);
      table[first] ??= new Array(18 - first).fill(0);
      for (let k = 0; first + k < 18; k++) if (months.has(first + k)) table[first][k]++;
    }
    return table.filter(Boolean);
  }

  it("spills the triangle by month exactly as counted independently, and the rates as its shares", () => {
    const hf = buildSheet(rows);
    const expected = independentMonthly();
    expect(expected).toHaveLength(3);
    const spilled = valuesOf(hf, "D1:V4");
    expect(spilled[0]).toEqual([
      "cohort",
      "customers",
      ...Array.from({ length: 17 }, (_, k) => k + 1),
    ]);
    expect(spilled.slice(1).map((row) => row[0])).toEqual(["1997-01", "1997-02", "1997-03"]);
    expected.forEach((counts, c) => {
      // Cells past June 1998 are blank (the spill gives "", which HyperFormula stores as an empty cell).
      const cells = spilled[c + 1]
        .slice(1)
        .map((cell) => (cell === null || cell === "" ? undefined : cell));
      expect(cells).toEqual([...counts, ...new Array(18 - counts.length).fill(undefined)]);
    });
    // Nothing below the last cohort (the reserved range stays empty).
    expect(valuesOf(hf, "D5:V5")[0].every((cell) => cell === null)).toBe(true);
    const rates = valuesOf(hf, "D301:V303");
    expected.forEach((counts, c) =>
      counts
        .slice(1)
        .forEach((count, k) =>
          expectRelative(rates[c][k + 2] as number, count / counts[0], SHEET_PRECISION)
        )
    );
    // By quarter to the end of 1997, counting retained customers: one cohort, 1997-Q1, never rising.
    const quarterly = valuesOf(hf, "D600:H602");
    expect(quarterly[0]).toEqual(["cohort", "customers", 1, 2, 3]);
    expect(quarterly[1][0]).toBe("1997-Q1");
    expect(quarterly[1][1]).toBe(23570);
    const retained = quarterly[1].slice(1) as number[];
    retained.slice(1).forEach((count, k) => expect(count).toBeLessThanOrEqual(retained[k]));
    expect(quarterly[2].every((cell) => cell === null)).toBe(true);
    hf.destroy();
  });
});

describe("cohort functions on small logs", () => {
  const day = (y: number, m: number, d: number) => excelSerial(y, m, d);

  it("takes the period by letter or name, an as-of date, and says why with #VALUE! or #N/A", () => {
    const hf = buildSheet([
      ["a", day(2024, 1, 5), '=CVA.COHORTS(A1:A4, B1:B4, "year")'],
      ["b", day(2024, 2, 5)],
      ["a", day(2024, 4, 5)],
      ["c", day(2025, 1, 5)],
    ]);
    // Each clear of the 5 × 5 cells reserved for the one above.
    hf.setCellContents({ sheet: 0, col: 0, row: 9 }, '=CVA.COHORTS(A1:A4, B1:B4, "W")');
    hf.setCellContents({ sheet: 0, col: 0, row: 19 }, '=CVA.COHORTS(A1:A4, B1:B4, , , "lost")');
    hf.setCellContents({ sheet: 0, col: 0, row: 29 }, '=CVA.COHORTS(A1:A4, {1;2;3;"2024-01-01"})');
    hf.setCellContents(
      { sheet: 0, col: 0, row: 39 },
      '=CVA.COHORTRETENTION(A1:A4, B1:B4, "M", DATE(2023,1,1))'
    );
    expect(valuesOf(hf, "C1:E3")).toEqual([
      ["cohort", "customers", 1],
      ["2024", 2, 0],
      ["2025", 1, ""],
    ]);
    const cases: [string, string, RegExp][] = [
      ["A10", "#VALUE!", /^period must be one of "M", "Q", "Y"; got "W"/],
      ["A20", "#VALUE!", /^count must be one of "active", "retained"; got "lost"/],
      ["A30", "#VALUE!", /^dates row 4 is text/],
      ["A40", "#N/A", /^asOfDate 2023-01-01 precedes every transaction/],
    ];
    for (const [cell, code, message] of cases) {
      expect(errorOf(cellAt(hf, cell))).toBe(code);
      expect(messageOf(cellAt(hf, cell))).toMatch(message);
    }
    hf.destroy();
  });
});
