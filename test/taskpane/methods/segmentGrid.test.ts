import fc from "fast-check";
import { DEFAULT_SEGMENT_MAP, SEGMENTS, Segment } from "../../../src/core/rfm/segmentMap";
import { segmentMapFrom } from "../../../src/core/rfm/segmentMapFrom";
import { rfmCode } from "../../../src/core/rfm/rfmCode";
import {
  defaultSegmentGrid,
  fmPairs,
  gridSegmentColours,
  segmentMapOfGrid,
  withSegment,
} from "../../../src/taskpane/methods/rfm/rfmGrid";
import { tierPalette } from "../../../src/core/segmentation/palette";

describe("the editable R × FM segment grid", () => {
  it("is the engine's default map at 5 bins", () => {
    expect(segmentMapOfGrid(defaultSegmentGrid(5))).toEqual(DEFAULT_SEGMENT_MAP);
  });

  it("scales the default layout to other bins, best corner Champions and worst Lost", () => {
    expect(defaultSegmentGrid(2)).toEqual([
      ["Lost", "Can't Lose Them"],
      ["New Customers", "Champions"],
    ]);
    for (let bins = 2; bins <= 9; bins++) {
      const grid = defaultSegmentGrid(bins);
      expect(grid[bins - 1][bins - 1]).toBe("Champions");
      expect(grid[0][0]).toBe("Lost");
    }
  });

  it("stays a partition of every bins³ code whatever segment each cell picks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((bins) =>
          fc.array(fc.array(fc.constantFrom(...SEGMENTS), { minLength: bins, maxLength: bins }), {
            minLength: bins,
            maxLength: bins,
          })
        ),
        (grid: Segment[][]) => {
          const map = segmentMapOfGrid(grid);
          expect(map.size).toBe(grid.length ** 3);
          // segmentMapFrom refuses gaps and overlaps: the grid's map passes it.
          expect(segmentMapFrom([...map])).toEqual(map);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("changes only the codes of the picked cell", () => {
    const before = segmentMapOfGrid(defaultSegmentGrid(5));
    const after = segmentMapOfGrid(withSegment(defaultSegmentGrid(5), 3, 2, "Champions"));
    const changed = [...after].filter(([code, segment]) => before.get(code) !== segment);
    const cell = fmPairs(5, 2).map(([f, m]) => rfmCode(3, f, m));
    expect(changed.map(([code]) => code).sort()).toEqual(cell.sort());
    expect(changed.every(([, segment]) => segment === "Champions")).toBe(true);
  });

  it("splits the F × M pairs among the FM columns", () => {
    for (const bins of [2, 5, 9]) {
      const all = Array.from({ length: bins }, (_, k) => fmPairs(bins, k + 1)).flat();
      expect(all).toHaveLength(bins * bins);
      expect(new Set(all.map(([f, m]) => `${f}${m}`)).size).toBe(bins * bins);
    }
    expect(fmPairs(5, 1)).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
  });

  it("colours the segments as the sheet will: palette order is the results' order", () => {
    const grid = withSegment(defaultSegmentGrid(2), 1, 1, "At Risk");
    const colours = gridSegmentColours(grid);
    expect([...colours.keys()]).toEqual([
      "Champions",
      "New Customers",
      "At Risk",
      "Can't Lose Them",
    ]);
    expect([...colours.values()]).toEqual(tierPalette(4));
  });
});
