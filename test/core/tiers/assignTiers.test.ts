import { cvaErrorWith } from "../cvaErrorMatcher";
import { assignTiers } from "../../../src/core/tiers/assignTiers";

const labelsOf = (values: number[], options?: Parameters<typeof assignTiers>[1]) => {
  const t = assignTiers(values, options);
  return Array.from(t.tiers, (i) => t.labels[i]);
};

describe("assignTiers", () => {
  it("basis customers: top 20 % High, next 30 % Medium, thresholds from PERCENTILE.INC", () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const t = assignTiers(values);
    expect(t.thresholds).toEqual([expect.closeTo(82, 12), expect.closeTo(55, 12)]);
    expect(labelsOf(values)).toEqual([
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
  });

  it("lets ties share a tier", () => {
    expect(labelsOf([5, 5, 5, 5, 1])).toEqual(["High", "High", "High", "High", "Low"]);
    expect(labelsOf([7])).toEqual(["High"]);
  });

  it("basis value: ABC analysis by cumulative share of total value", () => {
    // total 100; sorted 45, 20, 10, 10, 10, 5: value strictly above each = 0, 45, 65, 65, 65, 95
    const values = [5, 45, 10, 20, 10, 10];
    const t = assignTiers(values, { basis: "value" });
    expect(t.thresholds).toEqual([45, 20]);
    expect(labelsOf(values, { basis: "value" })).toEqual([
      "Low",
      "High",
      "Low",
      "Medium",
      "Low",
      "Low",
    ]);
    expect(
      labelsOf(values, { basis: "value", labels: ["A", "B", "C"], cutoffs: [0.5, 0.8] })
    ).toEqual(["C", "A", "B", "A", "B", "B"]);
    // A customer that takes the cumulative share exactly to a cutoff is in; the next one is not.
    expect(labelsOf([50, 20, 30], { basis: "value", cutoffs: [0.5], labels: ["A", "B"] })).toEqual([
      "A",
      "B",
      "B",
    ]);
  });

  it("takes any number of cutoffs with matching labels", () => {
    expect(labelsOf([1, 2, 3, 4], { cutoffs: [0.5], labels: ["Top", "Rest"] })).toEqual([
      "Rest",
      "Rest",
      "Top",
      "Top",
    ]);
  });

  it("refuses cutoffs out of order or outside (0, 1), wrong label counts and bad value shares", () => {
    expect(() => assignTiers([1, 2], { cutoffs: [0.5, 0.2] })).toThrow(
      cvaErrorWith("tier.cutoffOrder", { previous: 0.5, next: 0.2 })
    );
    expect(() => assignTiers([1, 2], { cutoffs: [0, 0.5] })).toThrow(/strictly between 0 and 1/);
    expect(() => assignTiers([1, 2], { cutoffs: [0.2], labels: ["A", "B", "C"] })).toThrow(
      "1 cutoff(s) make 2 tiers, but 3 label(s) were given."
    );
    expect(() => assignTiers([1, -2], { basis: "value" })).toThrow(/≥ 0/);
    expect(() => assignTiers([0, 0], { basis: "value" })).toThrow(cvaErrorWith("tier.valueZero"));
    expect(() => assignTiers([1, NaN])).toThrow(cvaErrorWith("measure.notFinite"));
  });
});
