import { CvaError } from "../../../src/core/errors";
import {
  groupRows,
  isValidRfmRow,
  rfmRowError,
  rfmSample,
} from "../../../src/core/models/groupedSample";
import fc from "fast-check";

describe("groupRows", () => {
  it("merges identical rows with weights, levels by the first column, and maps every input row", () => {
    const grouped = groupRows([
      [2, 0, 2, 0, 1],
      [5, 0, 5, 0, 3],
      [9, 7, 9, 8, 9],
    ]);
    expect(grouped.size).toBe(4);
    expect(grouped.columns.map((c) => Array.from(c))).toEqual([
      [0, 0, 1, 2],
      [0, 0, 3, 5],
      [7, 8, 9, 9],
    ]);
    expect(Array.from(grouped.weight)).toEqual([1, 1, 1, 2]);
    expect(Array.from(grouped.levelStart)).toEqual([0, 2, 3, 4]);
    expect(Array.from(grouped.levelValue)).toEqual([0, 1, 2]);
    expect(Array.from(grouped.groupOf)).toEqual([3, 0, 3, 1, 2]);
  });

  it("groups only the selected rows, and treats −0 as 0", () => {
    const grouped = groupRows(
      [
        [1, 1, 1],
        [0, -0, 4],
      ],
      [2, 0, 1]
    );
    expect(Array.from(grouped.columns[1])).toEqual([4, 0]); // within a level: order of first appearance
    expect(Array.from(grouped.weight)).toEqual([1, 2]);
    expect(Array.from(grouped.groupOf)).toEqual([0, 1, 1]);
  });

  it("reconstructs every row from its group (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(5),
            fc.integer({ min: 0, max: 3 }),
            fc.double({ min: 0, max: 2, noNaN: true })
          ),
          { minLength: 1 }
        ),
        (rows) => {
          const columns = [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])];
          const grouped = groupRows(columns);
          rows.forEach((row, i) =>
            row.forEach((value, c) => expect(grouped.columns[c][grouped.groupOf[i]]).toBe(value))
          );
          expect(grouped.weight.reduce((a, b) => a + b, 0)).toBe(rows.length);
          expect(new Set(Array.from(grouped.groupOf)).size).toBe(grouped.size);
        }
      )
    );
  });
});

describe("rfm row validation", () => {
  it.each([
    [1, 0, 5, "#VALUE!", "frequency 1 with recency 0"],
    [0, 2, 5, "#VALUE!", "recency 2 with frequency 0"],
    [2, 6, 5, "#VALUE!", "recency 6 exceeds T 5"],
    [-1, 0, 5, "#VALUE!", "frequency must not be negative"],
    [1, 1, -5, "#VALUE!", "T must not be negative"],
    [1.5, 1, 5, "#VALUE!", "whole number"],
    [Number.NaN, 1, 5, "#VALUE!", "frequency must be a number"],
    [2 ** 21, 1, 5, "#VALUE!", "beyond any real customer's purchase count"],
  ])("(%p, %p, %p) is %s (Excel shows its message): %s", (frequency, recency, T, code, message) => {
    const error = rfmRowError(frequency, recency, T);
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(message);
    expect(isValidRfmRow(frequency, recency, T)).toBe(false);
  });

  it("accepts valid rows, including a customer first seen at the as-of date", () => {
    for (const [frequency, recency, T] of [
      [0, 0, 0],
      [0, 0, 38.86],
      [3, 38.86, 38.86],
    ]) {
      expect(rfmRowError(frequency, recency, T)).toBeNull();
      expect(isValidRfmRow(frequency, recency, T)).toBe(true);
    }
  });

  it("names the 1-based row of the first bad customer when fitting", () => {
    expect(() => rfmSample([0, 2, 1], [0, 3, 0], [5, 5, 5])).toThrow(
      new CvaError(
        "#VALUE!",
        "Row 3: frequency 1 with recency 0: repeat purchases must come after the first, so recency must be > 0."
      )
    );
  });

  it("refuses samples that cannot identify a model", () => {
    expect(() => rfmSample([1], [2], [3])).toThrow("at least 2 customers");
    expect(() => rfmSample([0, 0], [0, 0], [3, 4])).toThrow("No customer has a repeat purchase");
    expect(() => rfmSample([1, 0], [2], [3, 4])).toThrow("same number of rows");
  });

  it("indexes the distinct recencies and ages", () => {
    const sample = rfmSample([0, 1, 1, 0], [0, 2, 2, 0], [5, 5, 7, 5]);
    expect(sample.size).toBe(3);
    expect(Array.from(sample.weight)).toEqual([2, 1, 1]);
    sample.recency.forEach((value, i) =>
      expect(sample.recencyValues[sample.recencyIndex[i]]).toBe(value)
    );
    sample.T.forEach((value, i) => expect(sample.TValues[sample.TIndex[i]]).toBe(value));
  });
});
