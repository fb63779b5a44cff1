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

  it("never promotes ties: a value must strictly beat the threshold", () => {
    // 85 % zero spenders: PERCENTILE.INC at 0.8 and 0.5 are both 0, so the 15 who spent are High, nobody Medium.
    const mostlyZero = [...new Array(85).fill(0), ...Array.from({ length: 15 }, (_, i) => 10 + i)];
    const t = assignTiers(mostlyZero);
    expect(t.thresholds).toEqual([0, 0]);
    expect(labelsOf(mostlyZero)).toEqual([
      ...new Array(85).fill("Low"),
      ...new Array(15).fill("High"),
    ]);
    // 60 % zeros: the median is 0, so the zeros are Low; above PERCENTILE.INC(0.8) = 29 + 0.2 = 29.2 High.
    const sixtyZero = [...new Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => 10 + i)];
    expect(assignTiers(sixtyZero).thresholds).toEqual([expect.closeTo(29.2, 12), 0]);
    expect(labelsOf(sixtyZero)).toEqual([
      ...new Array(60).fill("Low"),
      ...new Array(20).fill("Medium"),
      ...new Array(20).fill("High"),
    ]);
    expect(labelsOf([5, 5, 5, 5, 1])).toEqual(["Low", "Low", "Low", "Low", "Low"]);
    expect(labelsOf([7])).toEqual(["Low"]);
  });

  it("names as many default tiers as the cutoffs make", () => {
    expect(assignTiers([1, 2, 3], { cutoffs: [0.3] }).labels).toEqual(["High", "Low"]);
    expect(assignTiers([1, 2, 3], { cutoffs: [0.1, 0.2, 0.3] }).labels).toEqual([
      "Top",
      "High",
      "Medium",
      "Low",
    ]);
    expect(assignTiers([1], { cutoffs: [0.1, 0.2, 0.3, 0.4, 0.5] }).labels).toEqual(
      Array.from({ length: 6 }, (_, j) => `Tier ${j + 1}`)
    );
  });

  it("basis value: ABC analysis by cumulative share of total value", () => {
    // total 100; descending 45, 20, 10, 10, 10, 5 with value before each 0, 45, 65, 75, 85, 95: 20 % is reached at
    // the 20 (45 before it), 50 % at the first 10 (65 before it); those strictly above are in.
    const values = [5, 45, 10, 20, 10, 10];
    const t = assignTiers(values, { basis: "value" });
    expect(t.thresholds).toEqual([20, 10]);
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
    ).toEqual(["C", "A", "C", "A", "C", "C"]); // 80 % is reached inside the tied 10s: none of them is promoted
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
