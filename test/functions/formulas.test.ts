/**
 * Formulas typed as users type them, evaluated by a real formula engine (HyperFormula) with our functions
 * registered from the generated metadata. RFM break points and tier thresholds are compared with HyperFormula's own
 * PERCENTILE.INC in the same sheet.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import * as functions from "../../src/functions/functions";
import {
  buildSheet,
  cellAt,
  errorOf,
  GeneratedMetadata,
  generateMetadata,
  registerCustomFunctions,
} from "./hyperformulaHarness";

let metadata: GeneratedMetadata;
let plugin: ReturnType<typeof registerCustomFunctions>;

beforeAll(async () => {
  metadata = await generateMetadata();
  plugin = registerCustomFunctions(metadata, functions);
});

afterAll(() => HyperFormula.unregisterFunctionPlugin(plugin));

/** n customers with ties in every measure, deterministic. */
function customers(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [
    (i * 37) % 365,
    1 + ((i * 7) % 11),
    Math.round(((i * 7919) % 1000) * 1.37 * 100) / 100,
  ]);
}

/**
 * The R, F and M of row `row` as docs/functions-engine.md tells users to check them, for data in A1:C{n}: a score
 * goes up only by strictly beating a break point (recency: by being below it).
 */
function documentedScores(row: number, n: number): string[] {
  const breaks = (column: string) => `PERCENTILE.INC(${column}$1:${column}$${n},{0.2,0.4,0.6,0.8})`;
  return [
    `=1+SUM(--(A${row}<${breaks("A")}))`,
    `=1+SUM(--(B${row}>${breaks("B")}))`,
    `=1+SUM(--(C${row}>${breaks("C")}))`,
  ];
}

describe("custom functions in HyperFormula", () => {
  it("registers every function of the generated metadata under CVA.<ID>", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "CLV",
        "CLVRETENTION",
        "CAC",
        "RETENTIONRATE",
        "CHURNRATE",
        "RFMSCORE",
        "RFMSEGMENT",
        "TIER",
        "SCORE",
        "RFMSUMMARY",
        "BGNBD",
        "PARETONBD",
        "MBGNBD",
        "GAMMAGAMMA",
        "PALIVE",
        "EXPECTEDPURCHASES",
        "EXPECTEDSPEND",
        "PREDICTEDCLV",
      ])
    );
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const id of ids) expect(registered).toContain(`CVA.${id}`);
  });

  it("computes the KPI formulas from literals and cell references, spilling over columns", () => {
    const hf = buildSheet([
      ["aov", "freq", "clv"],
      [50, 4, "=CVA.CLV(A2:A4, B2:B4, 3, 100)"],
      [20, 2],
      [null, null],
      ["=CVA.CLV(50, 4, 3, 100)", "=CVA.CLVRETENTION(100, 0.8, 0.1)", "=CVA.CAC(6000, 4000, 50)"],
      [
        "=CVA.RETENTIONRATE(200, 180, 30)",
        "=CVA.CHURNRATE(200, 180, 30)",
        "=CVA.CLV(50, 4, 3, , , 0.1)",
      ],
    ]);
    // A blank row spills "", what Excel receives from the function and shows as an empty cell.
    expect([cellAt(hf, "C2"), cellAt(hf, "C3"), cellAt(hf, "C4")]).toEqual([500, 20, ""]);
    expect(cellAt(hf, "A5")).toBe(500);
    expect(cellAt(hf, "B5")).toBeCloseTo(800 / 3, 10);
    expect(cellAt(hf, "C5")).toBe(200);
    expect([cellAt(hf, "A6"), cellAt(hf, "B6")]).toEqual([0.75, 0.25]);
    expect(cellAt(hf, "C6")).toBeCloseTo(200 / 1.1 + 200 / 1.21 + 200 / 1.331, 10);
    hf.destroy();
  });

  it("spills =CVA.RFMSCORE over 1,000 rows, each score equal to the Excel formula the docs give", () => {
    const data = customers(1000);
    const rows: unknown[][] = data.map((row, i) => [
      ...row,
      ...(i === 0 ? ["=CVA.RFMSCORE(A1:A1000,B1:B1000,C1:C1000)", null] : [null, null]),
      ...(i === 0
        ? ['=CVA.RFMSCORE(A1:A1000,B1:B1000,C1:C1000,5,"columns")', null, null]
        : [null, null, null]),
      ...documentedScores(i + 1, 1000),
      i === 0 ? "=CVA.RFMSEGMENT(D1:D1000)" : null,
    ]);
    const hf = buildSheet(rows);
    data.forEach((_, row) => {
      const expected = [8, 9, 10].map((col) => hf.getCellValue({ sheet: 0, col, row }));
      expect([5, 6, 7].map((col) => hf.getCellValue({ sheet: 0, col, row }))).toEqual(expected);
      expect(hf.getCellValue({ sheet: 0, col: 3, row })).toBe(expected.join(""));
      expect(typeof hf.getCellValue({ sheet: 0, col: 11, row })).toBe("string");
    });
    expect(cellAt(hf, "L1")).toBe(functions.rfmSegment([[cellAt(hf, "D1") as never]])[0][0]);
    hf.destroy();
  });

  it("never promotes ties: 70 % at the worst recency get R = 1, 85 % zero spenders are Low and the rest High", () => {
    // 100 customers: recency 1..30 days then 70 capped at 365; monetary 0 for 85 of them, then 10..24.
    const rows: unknown[][] = Array.from({ length: 100 }, (_, i) => [
      i < 30 ? i + 1 : 365,
      1 + (i % 4),
      i < 85 ? 0 : i - 75,
      i === 0 ? '=CVA.RFMSCORE(A1:A100,B1:B100,C1:C100,5,"columns")' : null,
      null,
      null,
      i === 0 ? "=CVA.TIER(C1:C100)" : null,
      ...documentedScores(i + 1, 100),
      `=CHOOSE(1+SUM(--(C${i + 1}<=PERCENTILE.INC(C$1:C$100,{0.8,0.5}))),"High","Medium","Low")`,
    ]);
    const hf = buildSheet(rows);
    const column = (col: number) =>
      Array.from({ length: 100 }, (_, row) => hf.getCellValue({ sheet: 0, col, row }));
    expect(column(3)).toEqual(column(7)); // R against the documented formula
    expect(column(4)).toEqual(column(8));
    expect(column(5)).toEqual(column(9));
    expect(column(6)).toEqual(column(10)); // tiers against the documented formula
    expect(column(3).slice(30)).toEqual(new Array(70).fill(1));
    expect(column(6)).toEqual([...new Array(85).fill("Low"), ...new Array(15).fill("High")]);
    hf.destroy();
  });

  it("spills =CVA.TIER with HyperFormula's PERCENTILE.INC as the thresholds, and =CVA.SCORE in 0..100", () => {
    const data = customers(200);
    const rows: unknown[][] = data.map(([r, f, m]) => [r, f, m]);
    rows[0].push(
      "=CVA.TIER(C1:C200)",
      "=PERCENTILE.INC(C1:C200,0.8)",
      "=PERCENTILE.INC(C1:C200,0.5)",
      "=CVA.SCORE(A1:C200,{0.2,0.3,0.5},{-1,1,1})",
      '=CVA.TIER(C1:C200,{0.1,0.4,0.7},{"A","B","C","D"},"value")'
    );
    const hf = buildSheet(rows);
    const high = cellAt(hf, "E1") as number;
    const medium = cellAt(hf, "F1") as number;
    data.forEach(([, , m], row) => {
      expect(hf.getCellValue({ sheet: 0, col: 3, row })).toBe(
        m > high ? "High" : m > medium ? "Medium" : "Low"
      );
      const s = hf.getCellValue({ sheet: 0, col: 6, row }) as number;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
      expect(["A", "B", "C", "D"]).toContain(hf.getCellValue({ sheet: 0, col: 7, row }));
    });
    hf.destroy();
  });

  it("returns typed errors: whole-call problems in the anchor cell, bad rows in their own row", () => {
    // Each formula in its own column: HyperFormula reserves a spill range per formula before evaluating it.
    const hf = buildSheet([
      [
        5,
        9,
        500,
        "=CVA.RFMSCORE(A1:A4,B1:B4,C1:C4,2)",
        "=CVA.CAC(1, 1, 0)",
        "=CVA.RFMSCORE(A1:A4,B1:B3,C1:C4)",
        "=CVA.RFMSCORE(A1:A4,B1:B4,C1:C4,1)",
        "=CVA.TIER(C1:C4,{0.5,0.2})",
        "=CVA.CLV(-1, 4, 3)",
        '=CVA.RFMSCORE(A1:A4,B1:B4,C1:C4,5,"stars")',
      ],
      [40, 2, "=NA()"],
      [200, 1, 20],
      ["soon", 5, 300],
    ]);
    expect([
      cellAt(hf, "D1"),
      errorOf(cellAt(hf, "D2")),
      cellAt(hf, "D3"),
      errorOf(cellAt(hf, "D4")),
    ]).toEqual(["222", "#N/A", "111", "#VALUE!"]);
    expect((cellAt(hf, "D4") as DetailedCellError).message).toMatch(
      /Recency in row 4 must be a number/
    );
    expect(["E1", "F1", "G1", "H1", "I1", "J1"].map((a) => errorOf(cellAt(hf, a)))).toEqual([
      "#DIV/0!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
    ]);
    expect((cellAt(hf, "F1") as DetailedCellError).message).toMatch(/same number of rows/);
    hf.destroy();
  });
});
