import { rfmCode } from "../../../core/rfm/rfmCode";
import { SEGMENT_GRID, SEGMENTS, Segment, SegmentMap, fmScore } from "../../../core/rfm/segmentMap";
import { TierColour, tierPalette } from "../../../core/segmentation/palette";

/**
 * The RFM segment map as the pane edits it: a grid of recency R × combined frequency–monetary score
 * FM = ⌊(F + M)/2⌋, both 1..bins, one segment per cell (grid[R − 1][FM − 1]). Every (R, F, M) code falls in exactly
 * one cell, and every cell names exactly one segment, so whatever the user picks the map is a partition: gaps and
 * overlaps cannot be expressed.
 */
export type SegmentGrid = readonly (readonly Segment[])[];

/**
 * The default eleven-segment layout (SEGMENT_GRID) for any number of bins: cell (R, FM) takes the segment of the
 * 5-bin cell at the same relative position, so 5 bins give exactly DEFAULT_SEGMENT_MAP.
 * @example defaultSegmentGrid(2) // [["Lost", "Can't Lose Them"], ["New Customers", "Champions"]]
 */
export function defaultSegmentGrid(bins: number): SegmentGrid {
  const onFive = (score: number) => Math.round(1 + ((score - 1) * 4) / (bins - 1));
  return Array.from({ length: bins }, (_, r) =>
    Array.from(
      { length: bins },
      (_, fm) => SEGMENT_GRID[onFive(r + 1) as 1 | 2 | 3 | 4 | 5][onFive(fm + 1) - 1]
    )
  );
}

/** The grid with one cell changed (recency and fm are scores, 1-based). */
export function withSegment(
  grid: SegmentGrid,
  recency: number,
  fm: number,
  segment: Segment
): SegmentGrid {
  return grid.map((row, r) =>
    r === recency - 1 ? row.map((cell, c) => (c === fm - 1 ? segment : cell)) : row
  );
}

/** Every code of the grid's bins, each to the segment of its (R, FM) cell. */
export function segmentMapOfGrid(grid: SegmentGrid): SegmentMap {
  const bins = grid.length;
  const map = new Map<string, string>();
  for (let r = 1; r <= bins; r++)
    for (let f = 1; f <= bins; f++)
      for (let m = 1; m <= bins; m++) map.set(rfmCode(r, f, m), grid[r - 1][fmScore(f, m) - 1]);
  return map;
}

/** The (F, M) score pairs a cell's FM column stands for, e.g. FM 2 of 5 bins: F + M = 4 or 5. */
export function fmPairs(bins: number, fm: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let f = 1; f <= bins; f++)
    for (let m = 1; m <= bins; m++) if (fmScore(f, m) === fm) pairs.push([f, m]);
  return pairs;
}

/**
 * The segments the grid uses, best first as the results list them (SEGMENTS order), with the colour each gets
 * on the sheet: the same tierPalette the write plan colours the segment column with.
 */
export function gridSegmentColours(grid: SegmentGrid): Map<Segment, TierColour> {
  const used = new Set(grid.flat());
  const segments = SEGMENTS.filter((segment) => used.has(segment));
  const palette = tierPalette(segments.length);
  return new Map(segments.map((segment, j) => [segment, palette[j]]));
}

/**
 * The segment grid of a stored map: each (R, FM) cell takes the segment of its first (F, M) code. A map the pane
 * wrote gives every code of a cell the same segment, so this is the grid it came from.
 */
export function gridOfSegmentMap(bins: number, map: Readonly<Record<string, string>>): SegmentGrid {
  return Array.from({ length: bins }, (_, r) =>
    Array.from({ length: bins }, (_, fm) => {
      const [f, m] = fmPairs(bins, fm + 1)[0];
      return map[rfmCode(r + 1, f, m)] as Segment;
    })
  );
}
