import { rfmCode } from "../../../src/core/rfm/rfmCode";
import {
  DEFAULT_SEGMENT_MAP,
  fmScore,
  SEGMENT_GRID,
  SEGMENTS,
} from "../../../src/core/rfm/segmentMap";
import { segmentMapFrom } from "../../../src/core/rfm/segmentMapFrom";
import { segmentOf } from "../../../src/core/rfm/segmentOf";

const allCodes = (bins: number) => {
  const codes: string[] = [];
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++) for (let m = 1; m <= bins; m++) codes.push(rfmCode(r, f, m));
  return codes;
};

describe("DEFAULT_SEGMENT_MAP", () => {
  it("is a partition of the 125 codes: each has exactly one of the eleven segments, and each segment is used", () => {
    expect([...DEFAULT_SEGMENT_MAP.keys()].sort()).toEqual(allCodes(5).sort());
    for (const segment of DEFAULT_SEGMENT_MAP.values()) expect(SEGMENTS).toContain(segment);
    expect(new Set(DEFAULT_SEGMENT_MAP.values())).toEqual(new Set(SEGMENTS));
    expect(segmentMapFrom([...DEFAULT_SEGMENT_MAP])).toEqual(DEFAULT_SEGMENT_MAP);
  });

  it("places the anchor codes of the published scheme", () => {
    const expected: Record<string, string> = {
      "555": "Champions",
      "111": "Lost",
      "155": "Can't Lose Them",
      "154": "Can't Lose Them",
      "511": "New Customers",
      "411": "Promising",
      "333": "Need Attention",
      "222": "Hibernating",
    };
    for (const [code, segment] of Object.entries(expected)) expect(segmentOf(code)).toBe(segment);
  });

  it("follows the R × FM grid with FM = ⌊(F + M)/2⌋", () => {
    expect(fmScore(5, 4)).toBe(4);
    expect(fmScore(1, 2)).toBe(1);
    expect(segmentOf("345")).toBe(SEGMENT_GRID[3][3]);
    expect(segmentOf("512")).toBe("New Customers");
  });
});

describe("segmentMapFrom", () => {
  const twoBins = allCodes(2).map(
    (code) => [code, code[0] === "2" ? "Recent" : "Lapsed"] as [string, string]
  );

  it("accepts a complete map for the bins its codes use", () => {
    const map = segmentMapFrom(twoBins);
    expect(map.size).toBe(8);
    expect(segmentOf("211", map)).toBe("Recent");
    expect(segmentOf("311", map)).toEqual(expect.objectContaining({ code: "#N/A" }));
  });

  it("names the gaps and the overlaps", () => {
    const gaps = twoBins.filter(([code]) => code !== "121" && code !== "212");
    expect(() => segmentMapFrom(gaps)).toThrow(/2 code\(s\) have no segment: 121, 212/);
    expect(() => segmentMapFrom([...twoBins, ["111", "Recent"]])).toThrow(/111 \(Lapsed, Recent\)/);
    expect(() => segmentMapFrom([...twoBins, ["111", "Lapsed"]])).not.toThrow();
  });

  it("refuses malformed codes, missing names and an empty map with #VALUE!", () => {
    expect(() => segmentMapFrom([["5a5", "X"]])).toThrow(
      expect.objectContaining({ code: "#VALUE!" })
    );
    expect(() => segmentMapFrom([["105", "X"]])).toThrow(/three digits from 1 to 9/);
    expect(() => segmentMapFrom([["111", ""]])).toThrow(/no segment name/);
    expect(() => segmentMapFrom([])).toThrow(/empty/);
  });
});
