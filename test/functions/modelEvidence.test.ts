/**
 * The functions that put evidence beside a prediction, typed as formulas in HyperFormula: fits with [count] and
 * [details], the details block used wherever a parameter row is, PNPURCHASES, PNOPURCHASE, the frequency × recency
 * grids, the intervals and CALHOLDOUT. References: lifetimes 0.11.3 (test/core/models/reference/lifetimes.json).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { cdnowSummary, expectRelative, REFERENCE_DATA } from "../core/models/cdnowData";
import lifetimes from "../core/models/reference/lifetimes.json";
import { buildSheet, cellAt, errorOf, valuesOf, withCustomFunctions } from "./hyperformulaHarness";

withCustomFunctions();

describe("fits with count and details on the 2,357 CDNOW customers", () => {
  const data = cdnowSummary();
  const n = data.frequency.length;
  const rows: unknown[][] = data.frequency.map((x, i) => [x, data.recency[i], data.T[i]]);
  // A grouped copy of the same customers in E:H: distinct (frequency, recency, T) with their counts.
  const groups = new Map<string, number>();
  rows.forEach((row) => groups.set(row.join(","), (groups.get(row.join(",")) ?? 0) + 1));
  [...groups].forEach(([key, count], i) =>
    rows[i].push(null, ...key.split(",").map(Number), count)
  );
  const g = groups.size;
  rows[0].push(null, `=CVA.BGNBD(A1:A${n}, B1:B${n}, C1:C${n}, , TRUE())`);
  rows[8].push(null, `=CVA.BGNBD(E1:E${g}, F1:F${g}, G1:G${g}, H1:H${g})`);
  rows[9].push(null, `=CVA.PALIVE(2, 30.43, 38.86, J1:Q7)`);
  rows[10].push(null, `=CVA.PALIVE(2, 30.43, 38.86, J9:N9)`);
  rows[11].push(
    null,
    `=CVA.PNPURCHASES({0;1;2;3;4;5;6;7;8;9;10}, 39, J1:Q7)`,
    `=CVA.PNOPURCHASE(39, 2, 30.43, 38.86, J1:Q7)`,
    `=CVA.PURCHASESINTERVAL(39, 2, 30.43, 38.86, J1:Q7)`,
    null,
    null,
    `=CVA.EXPECTEDPURCHASES(39, 2, 30.43, 38.86, J1:Q7)`
  );
  let hf: HyperFormula;
  beforeAll(() => {
    hf = buildSheet(rows);
  });
  afterAll(() => hf.destroy());

  it("spills the parameter row, lifetimes' standard errors, LL/AIC/BIC/n and the covariance", () => {
    const block = valuesOf(hf, "J1:Q7");
    expect(block[0][0]).toBe("BG/NBD");
    const fitted = lifetimes.bgnbdFit;
    Object.values(fitted.params).forEach((p, k) =>
      expectRelative(block[0][k + 1] as number, p, 2e-6)
    );
    expect(block[1][0]).toBe("SE");
    Object.values(fitted.standardErrors).forEach((se, k) =>
      expectRelative(block[1][k + 1] as number, se, 1e-4)
    );
    expect([block[2][0], block[2][2], block[2][4], block[2][6], block[2][7]]).toEqual([
      "LL",
      "AIC",
      "BIC",
      "n",
      n,
    ]);
    expectRelative(block[2][3] as number, 8 - 2 * (block[2][1] as number), 1e-14);
    expect(block.slice(3).map((row) => row[0])).toEqual(["r", "alpha", "a", "b"]);
    expectRelative(block[3][1] as number, (block[1][1] as number) ** 2, 1e-12);
  });

  it("fits the grouped table like the customers, and reads a details block as its parameter row", () => {
    const grouped = valuesOf(hf, "J9:N9")[0];
    const plain = valuesOf(hf, "J1:N1")[0];
    expect(grouped[0]).toBe("BG/NBD");
    grouped.slice(1).forEach((p, k) => expectRelative(p as number, plain[k + 1] as number, 1e-7));
    expectRelative(cellAt(hf, "J10") as number, cellAt(hf, "J11") as number, 1e-6);
  });

  it("gives P(X(39) = n), P(no purchase in 39 weeks) and the interval of expected purchases", () => {
    const probabilities = valuesOf(hf, "J12:J22").map((row) => row[0] as number);
    probabilities.forEach((p) => expect(p).toBeGreaterThan(0));
    expectRelative(probabilities[0], 0.5743072834054229, 1e-6); // lifetimes' own fit, n = 0
    const none = cellAt(hf, "K12") as number;
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThan(1);
    const [low, median, high] = valuesOf(hf, "L12:N12")[0] as number[];
    const expected = cellAt(hf, "O12") as number;
    expect(low).toBeLessThan(median);
    expect(median).toBeLessThan(high);
    expect(low).toBeLessThan(expected);
    expect(high).toBeGreaterThan(expected);
    expect(valuesOf(hf, "L12:N12")).toEqual(valuesOf(hf, "L12:N12")); // seeded: recalculation is stable
  });
});

describe("grids and the published parameters", () => {
  const published = ["BG/NBD", 0.2425945, 4.4136019, 0.7929199, 2.4258881];
  it("PALIVEMATRIX and PURCHASESMATRIX: headers, blanks where no customer can be, values as PALIVE gives", () => {
    const hf = buildSheet([
      [...published],
      ["=CVA.PALIVEMATRIX(A1:E1, 38.86, 3, 5)"],
      ...new Array(6).fill([]),
      ["=CVA.PURCHASESMATRIX(39, A1:E1, 38.86, 3, 5)"],
      ...new Array(6).fill([]),
      ["=CVA.PALIVE(2, 4, 38.86, A1:E1)", "=CVA.EXPECTEDPURCHASES(39, 3, 5, 38.86, A1:E1)"],
    ]);
    const grid = valuesOf(hf, "A2:G6");
    expect(grid[0]).toEqual(["frequency \\ recency", 0, 1, 2, 3, 4, 5]);
    expect(grid.map((row) => row[0])).toEqual(["frequency \\ recency", 0, 1, 2, 3]);
    expect(grid[1]).toEqual([0, 1, "", "", "", "", ""]);
    expect(grid[2][1]).toBe("");
    expect(grid[3][5]).toBe(cellAt(hf, "A16"));
    expect(valuesOf(hf, "A9:G13")[4][6]).toBe(cellAt(hf, "B16"));
    hf.destroy();
  });

  it("PNPURCHASES equals lifetimes' probability_of_n_purchases_up_to_time(39, n)", () => {
    const hf = buildSheet([
      [...published],
      ["=CVA.PNPURCHASES({0;1;2;3;4;5;6;7;8;9;10}, 39, A1:E1)"],
    ]);
    valuesOf(hf, "A2:A12").forEach((row, n) =>
      expectRelative(row[0] as number, lifetimes.pnPurchases["BG/NBD"][n], 1e-12)
    );
    hf.destroy();
  });

  it("refuses an interval without a details block, and a fractional n", () => {
    const hf = buildSheet([
      [...published],
      ["=CVA.PURCHASESINTERVAL(39, 2, 30.43, 38.86, A1:E1)"],
      ["=CVA.PNPURCHASES(1.5, 39, A1:E1)"],
    ]);
    expect(errorOf(cellAt(hf, "A2"))).toBe("#VALUE!");
    expect((cellAt(hf, "A2") as DetailedCellError).message).toMatch(
      /needs the BG\/NBD fit's details block/
    );
    expect((cellAt(hf, "A3") as DetailedCellError).message).toMatch(/n counts repeat purchases/);
    hf.destroy();
  });
});

describe("=CVA.CALHOLDOUT on CDNOW_master", () => {
  it("spills lifetimes' calibration_and_holdout_data (1997-09-30, 1998-06-30)", () => {
    const t = parseCdnowMaster(readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8"));
    const last = t.customerId.length;
    const rows: unknown[][] = t.customerId.map((id, i) => [`'${id}`, t.date[i], t.amount[i]]);
    rows[0].push(
      null,
      `=CVA.CALHOLDOUT(A1:A${last}, B1:B${last}, C1:C${last}, DATE(1997,9,30), DATE(1998,6,30))`
    );
    const hf = buildSheet(rows);
    const table = valuesOf(hf, `E1:L${lifetimes.calHoldout.customers + 1}`);
    expect(table[0]).toEqual([
      "customer",
      "frequency_cal",
      "recency_cal",
      "T_cal",
      "monetary_cal",
      "frequency_holdout",
      "monetary_holdout",
      "duration_holdout",
    ]);
    const byId = new Map(table.slice(1).map((row) => [row[0], row.slice(1)]));
    expect(byId.size).toBe(lifetimes.calHoldout.customers);
    for (const [id, expected] of Object.entries(lifetimes.calHoldout.rows))
      expected.forEach((value, c) => expect(byId.get(id)![c] as number).toBeCloseTo(value, 9));
    hf.destroy();
  });
});
