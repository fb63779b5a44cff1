/** The adapters called directly with what Excel passes: ranges as rows × columns, omitted arguments as null. */
import { CvaError } from "../../src/core/errors";
import {
  cac,
  churnRate,
  clv,
  clvRetention,
  retentionRate,
  rfmScore,
  rfmSegment,
  score,
  tier,
} from "../../src/functions/functions";

const col = (...values: unknown[]) => values.map((v) => [v]) as number[][];
const codeOf = (cell: unknown) => (cell instanceof CvaError ? cell.code : cell);
const codes = (result: unknown[][]) => result.map((row) => row.map(codeOf));
const na = new CvaError({ code: "cell.errorValue", params: { code: "#N/A" } }, "#N/A");
const messageCodes = (result: unknown[][]) =>
  result.map((row) => row.map((cell) => (cell instanceof CvaError ? cell.messageCode : cell)));

describe("scalar KPI functions", () => {
  it("compute single values as 1×1 spills", () => {
    expect(clv([[50]], [[4]], [[3]], [[100]])).toEqual([[500]]);
    expect(clvRetention([[100]], [[0.8]], [[0.1]])[0][0]).toBeCloseTo(800 / 3, 10);
    expect(cac([[6000]], [[4000]], [[50]])).toEqual([[200]]);
    expect(retentionRate([[200]], [[180]], [[30]])).toEqual([[0.75]]);
    expect(churnRate([[200]], [[180]], [[30]])).toEqual([[0.25]]);
  });

  it("spill over columns, broadcasting single values, with blank and bad rows kept to themselves", () => {
    expect(codes(clv(col(50, null, "x", 10, -1), [[4]], col(3, null, 1, 2, 1)))).toEqual([
      [600],
      [""],
      ["#VALUE!"],
      [80],
      ["#VALUE!"],
    ]);
    expect(codes(cac(col(100, 100), col(0, 0), col(4, 0)))).toEqual([[25], ["#DIV/0!"]]);
    expect(codes(retentionRate(col(10, na), col(9, 9), col(1, 1)))).toEqual([[0.8], ["#N/A"]]);
  });

  it("use defaults for omitted or blank optional arguments, and treat an omitted horizon as infinite", () => {
    expect(clv([[50]], [[4]], [[3]], null as never, [[null]] as never, undefined)).toEqual([[600]]);
    expect(clvRetention([[100]], [[0.8]], [[0.1]], null as never, [[10]])[0][0]).toBeCloseTo(
      800 / 3 - 10,
      10
    );
  });

  it("report shape problems as one error: ranges of different lengths, several columns", () => {
    expect(codes(clv(col(1, 2, 3), col(1, 2), [[1]]))).toEqual([["#VALUE!"]]);
    expect(codes(cac([[1, 2]], [[1]], [[1]]))).toEqual([["#VALUE!"]]);
    expect((clv(col(1, 2, 3), col(1, 2), [[1]])[0][0] as CvaError).message).toMatch(
      /same number of rows/
    );
  });
});

describe("RFMSCORE", () => {
  const r = col(5, 40, 200, 10, 90);
  const f = col(9, 2, 1, 5, 3);
  const m = col(500, 80, 20, 300, 100);

  it("spills codes, sums or three columns", () => {
    // Quintile break points (PERCENTILE.INC at 0.2…0.8): recency 9, 28, 60, 112; frequency 1.8, 2.6, 3.8, 6.6;
    // monetary 68, 92, 180, 340.
    expect(rfmScore(r, f, m, 5)).toEqual([["555"], ["322"], ["111"], ["444"], ["233"]]);
    expect(rfmScore(r, f, m, 5, "sum")).toEqual([[15], [7], [3], [12], [8]]);
    expect(rfmScore(r, f, m, 5, "columns")).toEqual([
      [5, 5, 5],
      [3, 2, 2],
      [1, 1, 1],
      [4, 4, 4],
      [2, 3, 3],
    ]);
    expect(rfmScore(r, f, m)).toEqual(rfmScore(r, f, m, 5, "code"));
  });

  it("keeps blank rows blank and bad rows to themselves, scoring the others among themselves", () => {
    const result = rfmScore(
      col(5, null, 200, "soon", 10),
      col(9, null, 1, 5, 5),
      col(500, null, 20, 300, na),
      2,
      "columns"
    );
    expect(codes(result)).toEqual([
      [2, 2, 2],
      ["", "", ""],
      [1, 1, 1],
      ["#VALUE!", "#VALUE!", "#VALUE!"],
      ["#N/A", "#N/A", "#N/A"],
    ]);
    expect((result[3][0] as CvaError).message).toMatch(/Recency in row 4/);
  });

  it("refuses bad bins, formats, shapes and ranges without values", () => {
    expect(messageCodes(rfmScore(r, f, m, 1))).toEqual([["rfm.bins"]]);
    expect(messageCodes(rfmScore(r, f, m, 12))).toEqual([["rfm.codeBins"]]);
    expect(codes(rfmScore(r, f, m, 12))).toEqual([["#VALUE!"]]);
    expect(rfmScore(r, f, m, 12, "sum")[0]).toEqual([36]);
    expect(codes(rfmScore(r, f, m, 5, "stars"))).toEqual([["#VALUE!"]]);
    expect(codes(rfmScore(r, f, col(1, 2)))).toEqual([["#VALUE!"]]);
    expect(codes(rfmScore([[1, 2]], [[1, 2]], [[1, 2]]))).toEqual([["#VALUE!"]]);
    expect(codes(rfmScore(col(null, null), col(null, ""), col(null, null)))).toEqual([["#N/A"]]);
    expect(codes(rfmScore([] as never, [] as never, [] as never))).toEqual([["#VALUE!"]]);
  });
});

describe("RFMSEGMENT", () => {
  it("names segments from the default map, blanks and errors staying in their rows", () => {
    expect(codes(rfmSegment(col("555", 111, " 154", null, "999", na)))).toEqual([
      ["Champions"],
      ["Lost"],
      ["Can't Lose Them"],
      [""],
      ["#N/A"],
      ["#N/A"],
    ]);
  });

  it("uses and checks a user map", () => {
    const map: unknown[][] = [];
    for (const c of ["111", "112", "121", "122", "211", "212", "221", "222"])
      map.push([c, c[0] === "2" ? "Recent" : "Lapsed"]);
    expect(rfmSegment(col("211", 122), map as never)).toEqual([["Recent"], ["Lapsed"]]);
    expect(rfmSegment(col("211"), [...map, [null, null]] as never)).toEqual([["Recent"]]);
    const gap = rfmSegment(col("211"), map.slice(1) as never)[0][0] as CvaError;
    expect(gap.code).toBe("#VALUE!");
    expect(gap.message).toMatch(/111/);
    expect(codes(rfmSegment(col("211"), [["111"]] as never))).toEqual([["#VALUE!"]]);
  });
});

describe("TIER", () => {
  const values = col(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

  it("tiers by share of customers with the defaults, or by share of value", () => {
    expect(tier(values).flat()).toEqual([
      "Low",
      "Low",
      "Low",
      "Low",
      "Low",
      "Medium",
      "Medium",
      "Medium",
      "High",
      "High",
    ]);
    expect(tier(values, [[0.5]], [["Top", "Rest"]]).flat()).toEqual([
      "Rest",
      "Rest",
      "Rest",
      "Rest",
      "Rest",
      "Top",
      "Top",
      "Top",
      "Top",
      "Top",
    ]);
    // Total 550: 100 (nothing above) and 90 (100 above, under 20 % = 110) are High; 80 (190 above, under 275) Medium.
    expect(
      tier(values, null as never, null as never, "value")
        .flat()
        .slice(-3)
    ).toEqual(["Medium", "High", "High"]);
  });

  it("by share of value, gives a negative value its own #VALUE! and tiers the other rows without it", () => {
    const withRefund = col(10, 20, 30, 40, 50, -5, 60, 70, 80, 90, 100);
    const result = tier(withRefund, null as never, null as never, "value");
    expect(messageCodes([result[5]])).toEqual([["tier.valueNegative"]]);
    const others = result.filter((_, r) => r !== 5);
    expect(others).toEqual(tier(values, null as never, null as never, "value"));
  });

  it("refuses cutoffs out of order, label counts that do not fit and unknown bases", () => {
    expect(messageCodes(tier(values, [[0.5, 0.2]]))).toEqual([["tier.cutoffOrder"]]);
    expect(codes(tier(values, [[0.2, 0.5]], [["A", "B"]]))).toEqual([["#VALUE!"]]);
    expect(codes(tier(values, null as never, null as never, "revenue"))).toEqual([["#VALUE!"]]);
    // Among the valid 5 and 7: High from PERCENTILE.INC 0.8 = 6.6, Medium from 0.5 = 6.
    expect(codes(tier(col(5, "x", null, 7)))).toEqual([["Low"], ["#VALUE!"], [""], ["High"]]);
  });
});

describe("SCORE", () => {
  it("scores each row 0–100 from percentile ranks, directions reversing", () => {
    const values = [
      [10, 3],
      [20, 2],
      [30, 1],
    ] as number[][];
    expect(score(values, [[1, 1]], [[1, -1]])).toEqual([[0], [50], [100]]);
    expect(score(values, [[1], [0]])).toEqual([[0], [50], [100]]);
  });

  it("keeps bad rows to themselves and refuses bad weights", () => {
    const values = [
      [10, 3],
      [null, null],
      [20, "n/a"],
      [30, 1],
    ] as number[][];
    expect(codes(score(values, [[1, 1]]))).toEqual([[50], [""], ["#VALUE!"], [50]]);
    expect(codes(score(values, [[1]]))).toEqual([["#VALUE!"]]);
    expect(messageCodes(score(values, [[0, 0]]))).toEqual([["score.weightsZero"]]);
    expect(messageCodes(score(values, [[1, 1]], [[1, 0]]))).toEqual([["score.direction"]]);
  });
});
