import {
  defaultCutoffs,
  defaultTierChoice,
  tierChoiceProblems,
  tierOptions,
} from "../../src/taskpane/flow/tierChoice";

describe("tier choices as the pane edits them", () => {
  it("proposes the usual cutoffs: 20/50 by customers, ABC 80/95 by value, even splits otherwise", () => {
    expect(defaultCutoffs(3, "customers")).toEqual([20, 50]);
    expect(defaultCutoffs(3, "value")).toEqual([80, 95]);
    expect(defaultCutoffs(7, "customers")).toEqual([14, 29, 43, 57, 71, 86]);
    expect(defaultTierChoice(["High", "Medium", "Low"])).toEqual({
      labels: ["High", "Medium", "Low"],
      cutoffs: [20, 50],
      basis: "customers",
    });
  });

  it("hands the engine shares and trimmed names", () => {
    expect(tierOptions({ labels: [" VIP ", "Rest"], cutoffs: [10], basis: "value" })).toEqual({
      labels: ["VIP", "Rest"],
      cutoffs: [0.1],
      basis: "value",
    });
  });

  it("flags blank names, names equal but for case, and cutoffs out of order", () => {
    expect(tierChoiceProblems(defaultTierChoice(["High", "Medium", "Low"]))).toEqual([]);
    const keys = (labels: string[], cutoffs: number[]) =>
      tierChoiceProblems({ labels, cutoffs, basis: "customers" }).map((p) => p.key);
    expect(keys(["High", " ", "Low"], [20, 50])).toEqual(["tierNameBlank"]);
    expect(keys(["High", "high", "Low"], [20, 50])).toEqual(["tierNameRepeated"]);
    expect(keys(["A", "B", "C"], [50, 20])).toEqual(["cutoffsOrder"]);
    expect(keys(["A", "B"], [100])).toEqual(["cutoffsOrder"]);
    expect(keys(["A", "B"], [NaN])).toEqual(["cutoffsOrder"]);
  });
});
