import { cvaErrorWith } from "../cvaErrorMatcher";
import { rfmCode } from "../../../src/core/rfm/rfmCode";
import { rfmScores } from "../../../src/core/rfm/rfmScores";

describe("rfmScores", () => {
  it("scores against PERCENTILE.INC break points, recency reversed", () => {
    // 1..10: quintile break points PERCENTILE.INC at 0.2, 0.4, 0.6, 0.8 = 2.8, 4.6, 6.4, 8.2
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const s = rfmScores(x, x, x, 5);
    expect(s.breakpoints.frequency).toEqual([2.8, 4.6, 6.4, 8.2].map((b) => expect.closeTo(b, 12)));
    expect(Array.from(s.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(s.monetary)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(s.recency)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("gives equal values equal scores, and a value on a break point does not beat it", () => {
    const f = [1, 1, 1, 1, 2, 2, 3, 8];
    const s = rfmScores(f, f, f, 4);
    // PERCENTILE.INC at 0.25, 0.5, 0.75 of the sorted column: 1, 1.5, 2.25
    expect(s.breakpoints.frequency).toEqual([1, 1.5, 2.25]);
    expect(Array.from(s.frequency)).toEqual([1, 1, 1, 1, 3, 3, 4, 4]);
    // Recency 1 sits on the first break point: it beats (is below) only 1.5 and 2.25.
    expect(Array.from(s.recency)).toEqual([3, 3, 3, 3, 2, 2, 1, 1]);
  });

  it("never promotes a tie group: 70 % tied at the worst recency get R = 1", () => {
    // A CRM export capping recency at 365 days: 30 customers at 1..30 days, 70 at 365.
    const recency = [...Array.from({ length: 30 }, (_, i) => i + 1), ...new Array(70).fill(365)];
    const ones = new Array(100).fill(1);
    const s = rfmScores(recency, ones, ones, 5);
    // PERCENTILE.INC at 0.2: rank 19.8 → 20 + 0.8·(21 − 20); from 0.4 on (rank ≥ 39.6) the tied 365.
    expect(s.breakpoints.recency).toEqual([20.8, 365, 365, 365]);
    expect(Array.from(s.recency.subarray(30))).toEqual(new Array(70).fill(1));
    expect(Array.from(s.recency.subarray(0, 30))).toEqual([
      ...new Array(20).fill(5),
      ...new Array(10).fill(4),
    ]);
    // Frequency and monetary all tied: nobody beats a break point.
    expect(new Set(s.frequency)).toEqual(new Set([1]));
  });

  it("scores a single customer and an empty population", () => {
    const one = rfmScores([3], [1], [20], 5);
    expect([one.recency[0], one.frequency[0], one.monetary[0]]).toEqual([1, 1, 1]);
    expect(rfmScores([], [], [], 5).recency.length).toBe(0);
  });

  it("refuses bad bins, mismatched lengths and non-finite values", () => {
    expect(() => rfmScores([1], [1], [1], 1)).toThrow(cvaErrorWith("rfm.bins", { bins: 1 }));
    expect(() => rfmScores([1], [1], [1], 2.5)).toThrow(
      "Bins must be a whole number from 2 to 99, got 2.5."
    );
    expect(() => rfmScores([1, 2], [1], [1, 2])).toThrow(cvaErrorWith("rfm.lengths"));
    expect(() => rfmScores([1, NaN], [1, 2], [1, 2])).toThrow(/Recency/);
    expect(() => rfmScores([1, 2], [1, 2], [1, Infinity])).toThrow(
      "Monetary holds a value that is not a finite number."
    );
  });
});

describe("rfmCode", () => {
  it("writes the scores as digits, recency first", () => {
    expect(rfmCode(5, 4, 5)).toBe("545");
    expect(() => rfmCode(10, 1, 1)).toThrow(/at most 9 bins/);
  });
});
