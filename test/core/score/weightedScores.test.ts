import { cvaErrorWith } from "../cvaErrorMatcher";
import { weightedScores } from "../../../src/core/score/weightedScores";

describe("weightedScores", () => {
  it("weights percentile ranks, reversing measures with direction −1", () => {
    expect(
      Array.from(
        weightedScores(
          [
            [10, 20, 30],
            [3, 2, 1],
          ],
          [1, 1],
          [1, -1]
        )
      )
    ).toEqual([0, 50, 100]);
    // Equal weights normalised: (0.25 + 0.75)/2 etc.
    const scores = weightedScores(
      [
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
      ],
      [3, 1]
    );
    expect(Array.from(scores)).toEqual([25, 37.5, 50, 62.5, 75].map((s) => expect.closeTo(s, 12)));
  });

  it("gives tied values the rank of the first of them (PERCENTRANK.INC)", () => {
    // ranks of [10, 20, 20, 40]: 0, 1/3, 1/3, 1
    expect(Array.from(weightedScores([[10, 20, 20, 40]], [2]))).toEqual(
      [0, 100 / 3, 100 / 3, 100].map((s) => expect.closeTo(s, 12))
    );
    expect(Array.from(weightedScores([[5, 5, 5]], [1]))).toEqual([0, 0, 0]);
    expect(Array.from(weightedScores([[5]], [1]))).toEqual([100]);
  });

  it("keeps the best customer at exactly 100 with awkward weights", () => {
    const scores = weightedScores(
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
      [0.1, 0.7, 0.2]
    );
    expect(scores[1]).toBe(100);
  });

  it("refuses bad weights and directions and mismatched measures", () => {
    expect(() => weightedScores([[1, 2]], [0])).toThrow(cvaErrorWith("score.weightsZero"));
    expect(() => weightedScores([[1, 2]], [-1])).toThrow(cvaErrorWith("score.weight"));
    expect(() => weightedScores([[1, 2]], [1, 1])).toThrow(
      expect.objectContaining({ code: "#VALUE!" })
    );
    expect(() => weightedScores([[1, 2]], [1], [2])).toThrow(/Directions/);
    expect(() => weightedScores([[1, 2], [1]], [1, 1])).toThrow(/one value per customer/);
    expect(() => weightedScores([[1, Infinity]], [1])).toThrow(/Measure 1/);
    expect(() => weightedScores([], [])).toThrow(/at least one measure/);
  });
});

describe("weightedScores with extreme weights", () => {
  it("normalises the weights first: huge and subnormal weights score as weights of 1", () => {
    expect(
      Array.from(
        weightedScores(
          [
            [0, 1],
            [0, 0],
          ],
          [1.797693134862316e306, 0]
        )
      )
    ).toEqual([0, 100]);
    const columns = [
      [0, 1, 2],
      [2, 1, 0],
    ];
    for (const weight of [1e308, Number.MAX_VALUE, 5e-324, 1e-310])
      expect(Array.from(weightedScores(columns, [weight, weight]))).toEqual([50, 50, 50]);
    expect(Array.from(weightedScores(columns, [5e-324, 0]))).toEqual([0, 50, 100]);
  });
});
