import { rfmCode } from "../../../src/core/rfm/rfmCode";
import { rfmScores } from "../../../src/core/rfm/rfmScores";
import { DEFAULT_SEGMENT_MAP, SEGMENTS } from "../../../src/core/rfm/segmentMap";
import { segmentMapFrom } from "../../../src/core/rfm/segmentMapFrom";
import { segmentOf } from "../../../src/core/rfm/segmentOf";
import { weightedScores } from "../../../src/core/score/weightedScores";
import { assignTiers } from "../../../src/core/tiers/assignTiers";
import { SEGMENT_ACTIONS } from "../../../src/core/segmentation/recommendedActions";
import { segmentCustomers } from "../../../src/core/segmentation/segmentCustomers";
import { sampleSheet } from "../table/sampleSheets";

const customers = sampleSheet("cdnow-customers"); // Customer ID, First, Last, Recency (days), Frequency, Monetary
const column = (c: number) => customers.slice(1).map((row) => row[c] as number);

describe("segmentCustomers: RFM", () => {
  const result = segmentCustomers(
    { rows: customers, hasHeader: true, customer: 0 },
    { method: "rfm", recency: 3, frequency: 4, monetary: 5 }
  );
  const engine = rfmScores(column(3), column(4), column(5), 5);

  it("writes R, F, M, the code and the segment per row, as the engine scores them", () => {
    expect(result.columns.map((c) => c.header)).toEqual(["R", "F", "M", "RFM", "Segment"]);
    expect(result.tierColumn).toBe(4);
    expect(result.columns[0].values).toEqual(Array.from(engine.recency));
    expect(result.columns[1].values).toEqual(Array.from(engine.frequency));
    expect(result.columns[2].values).toEqual(Array.from(engine.monetary));
    const codes = column(3).map((_, i) =>
      rfmCode(engine.recency[i], engine.frequency[i], engine.monetary[i])
    );
    expect(result.columns[3].values).toEqual(codes);
    expect(result.columns[4].values).toEqual(codes.map((code) => segmentOf(code)));
    expect(result.breakpoints).toEqual(engine.breakpoints);
    // The first sample customer: 526 days, 1 purchase, $39.31.
    expect(result.columns.map((c) => c.values[0])).toEqual([1, 1, 3, "113", "Lost"]);
  });

  it("lists the eleven segments best first with customers, value (monetary), shares and action keys", () => {
    expect(result.tiers.map((t) => t.label)).toEqual([...SEGMENTS]);
    expect(result.tiers.map((t) => t.action)).toEqual(SEGMENTS.map((s) => SEGMENT_ACTIONS[s]));
    const segments = result.columns[4].values;
    const monetary = column(5);
    for (const tier of result.tiers) {
      const members = segments.flatMap((s, i) => (s === tier.label ? [i] : []));
      expect(tier.customers).toBe(members.length);
      expect(tier.value).toBeCloseTo(
        members.reduce((sum, i) => sum + monetary[i], 0),
        6
      );
      expect(tier.shareOfCustomers).toBeCloseTo(members.length / 2357, 12);
    }
    expect(result.tiers[0]).toMatchObject({
      label: "Champions",
      customers: 466,
      action: "action.reward",
    });
    expect(result.tiers.reduce((sum, t) => sum + t.shareOfValue, 0)).toBeCloseTo(1, 12);
    expect(result.quality).toMatchObject({ dataRows: 2357, kept: 2357, skipped: [] });
  });

  it("leaves skipped rows blank and scores only the rest", () => {
    const rows = [
      ["Id", "R", "F", "M"],
      ["a", 10, 5, 500],
      ["b", "x", 1, 10],
      [null, null, null, null],
      ["c", 200, 1, 20],
      ["d", 40, 2, 80],
    ];
    const small = segmentCustomers(
      { rows, hasHeader: true, customer: 0 },
      { method: "rfm", recency: 1, frequency: 2, monetary: 3, bins: 3, segmentMap: threeBinMap() }
    );
    const scores = rfmScores([10, 200, 40], [5, 1, 2], [500, 20, 80], 3);
    expect(small.columns[0].values).toEqual([
      scores.recency[0],
      null,
      null,
      scores.recency[1],
      scores.recency[2],
    ]);
    expect(small.columns[3].values).toEqual(["333", null, null, "111", "222"]);
    expect(small.columns[4].values).toEqual(["Top", null, null, "Rest", "Rest"]);
    expect(small.tiers).toEqual([
      {
        label: "Top",
        customers: 1,
        value: 500,
        shareOfCustomers: 1 / 3,
        shareOfValue: 500 / 600,
        action: "action.review",
      },
      {
        label: "Rest",
        customers: 2,
        value: 100,
        shareOfCustomers: 2 / 3,
        shareOfValue: 100 / 600,
        action: "action.review",
      },
    ]);
    expect(small.quality.skipped.map((s) => [s.sheetRow, s.reason])).toEqual([
      [3, "text"],
      [4, "blank"],
    ]);
  });

  it("refuses bins without a map made for them, and more than 9 bins", () => {
    const rows = [
      [1, 1, 1],
      [2, 2, 2],
    ];
    expect(() =>
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "rfm", recency: 0, frequency: 1, monetary: 2, bins: 4 }
      )
    ).toThrow(/125 codes; 4 bins need a map of all 64/);
    expect(() =>
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "rfm", recency: 0, frequency: 1, monetary: 2, bins: 10 }
      )
    ).toThrow(/2 to 9 bins/);
    expect(DEFAULT_SEGMENT_MAP.size).toBe(125);
  });
});

/** 3 bins: "Top" for 333, "Rest" for everything else. */
function threeBinMap() {
  const entries: [string, string][] = [];
  for (let r = 1; r <= 3; r++)
    for (let f = 1; f <= 3; f++)
      for (let m = 1; m <= 3; m++)
        entries.push([rfmCode(r, f, m), r + f + m === 9 ? "Top" : "Rest"]);
  return segmentMapFrom(entries);
}

describe("segmentCustomers: value tiers", () => {
  it("tiers a numeric column as assignTiers does, with VIP / personalised / basic actions", () => {
    const result = segmentCustomers(
      { rows: customers, hasHeader: true, customer: 0 },
      { method: "tiers", column: 5 }
    );
    const engine = assignTiers(column(5));
    expect(result.columns).toHaveLength(1);
    expect(result.columns[0]).toEqual({
      header: "Tier",
      values: Array.from(engine.tiers, (t) => engine.labels[t]),
    });
    expect(result.thresholds).toEqual(engine.thresholds);
    expect(result.tiers.map((t) => [t.label, t.action])).toEqual([
      ["High", "action.vip"],
      ["Medium", "action.personalised"],
      ["Low", "action.basicService"],
    ]);
    expect(result.tiers.map((t) => t.customers).reduce((a, b) => a + b)).toBe(2357);
  });

  it("takes cutoffs by share of value (ABC), own labels and own actions", () => {
    const rows = [[5], [45], [10], [20], [10], [10]];
    const result = segmentCustomers(
      { rows, hasHeader: false },
      {
        method: "tiers",
        column: 0,
        basis: "value",
        cutoffs: [0.5, 0.8],
        labels: ["A", "B", "C"],
        actions: ["action.vip", "action.nurture", "action.winBack"],
      }
    );
    // 80 % of the value is reached inside the tied 10s, so none of them is promoted to B (ties never promote).
    expect(result.columns[0].values).toEqual(["C", "A", "C", "A", "C", "C"]);
    expect(result.tiers).toEqual([
      {
        label: "A",
        customers: 2,
        value: 65,
        shareOfCustomers: 2 / 6,
        shareOfValue: 0.65,
        action: "action.vip",
      },
      {
        label: "B",
        customers: 0,
        value: 0,
        shareOfCustomers: 0,
        shareOfValue: 0,
        action: "action.nurture",
      },
      {
        label: "C",
        customers: 4,
        value: 35,
        shareOfCustomers: 4 / 6,
        shareOfValue: 0.35,
        action: "action.winBack",
      },
    ]);
  });

  it("reports negatives as skipped rows for tiers by share of value, and allows them by share of customers", () => {
    const rows = [[-5], [10], [20]];
    expect(
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "tiers", column: 0, basis: "value", cutoffs: [0.5], labels: ["A", "B"] }
      ).quality.counts.negative
    ).toBe(1);
    expect(
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "tiers", column: 0, cutoffs: [0.5], labels: ["A", "B"] }
      ).columns[0].values
    ).toEqual(["B", "B", "A"]); // 10 is the median: only a value above it is promoted
  });

  it("refuses tier names equal but for case, and more tiers than colours", () => {
    const rows = [[1], [2]];
    expect(() =>
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "tiers", column: 0, cutoffs: [0.5], labels: ["Top", "TOP"] }
      )
    ).toThrow(/ignoring case/);
    const cutoffs = Array.from({ length: 11 }, (_, j) => (j + 1) / 12);
    const labels = cutoffs.map((_, j) => `T${j}`).concat("T11");
    expect(() =>
      segmentCustomers({ rows, hasHeader: false }, { method: "tiers", column: 0, cutoffs, labels })
    ).toThrow(/At most 11/);
    expect(() =>
      segmentCustomers(
        { rows, hasHeader: false },
        { method: "tiers", column: 0, actions: ["action.vip"] }
      )
    ).toThrow(/3 tiers need 3 actions/);
  });
});

describe("segmentCustomers: weighted score", () => {
  it("scores 0–100 as weightedScores does (to two decimals) and tiers the score", () => {
    const recency = column(3);
    const frequency = column(4);
    const monetary = column(5);
    const result = segmentCustomers(
      { rows: customers, hasHeader: true, customer: 0 },
      {
        method: "score",
        columns: [5, 4, 3],
        weights: [0.5, 0.3, 0.2],
        directions: [1, 1, -1],
        valueColumn: 5,
      }
    );
    const engine = Array.from(
      weightedScores([monetary, frequency, recency], [0.5, 0.3, 0.2], [1, 1, -1]),
      (s) => Math.round(s * 100) / 100
    );
    expect(result.columns.map((c) => c.header)).toEqual(["Score", "Tier"]);
    expect(result.tierColumn).toBe(1);
    expect(result.columns[0].values).toEqual(engine);
    const tiers = assignTiers(engine);
    expect(result.columns[1].values).toEqual(Array.from(tiers.tiers, (t) => tiers.labels[t]));
    const highSpend = monetary.filter((_, i) => tiers.tiers[i] === 0).reduce((a, b) => a + b, 0);
    expect(result.tiers[0].value).toBeCloseTo(highSpend, 6);
  });

  it("uses the score as the value when no value column is given", () => {
    const result = segmentCustomers(
      { rows: [[1], [2], [3], [4]], hasHeader: false },
      { method: "score", columns: [0], weights: [1], cutoffs: [0.5], labels: ["Top", "Rest"] }
    );
    expect(result.columns[0].values).toEqual([0, 33.33, 66.67, 100]);
    expect(result.tiers.map((t) => [t.label, t.customers])).toEqual([
      ["Top", 2],
      ["Rest", 2],
    ]);
    expect(result.tiers.map((t) => t.value)).toEqual([
      expect.closeTo(166.67, 10),
      expect.closeTo(33.33, 10),
    ]);
  });
});
