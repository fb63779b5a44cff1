import { rfmCode } from "./rfmCode";

/** A segment map: RFM code ("545") → segment name. Valid maps are partitions of all bins³ codes. */
export type SegmentMap = ReadonlyMap<string, string>;

/** The eleven segments of the well-known RFM scheme, best first. */
export const SEGMENTS = [
  "Champions",
  "Loyal Customers",
  "Potential Loyalist",
  "New Customers",
  "Promising",
  "Need Attention",
  "About To Sleep",
  "At Risk",
  "Can't Lose Them",
  "Hibernating",
  "Lost",
] as const;

export type Segment = (typeof SEGMENTS)[number];

/**
 * The default scheme as a grid of recency R (rows, 5 down to 1) × FM (columns, 1 to 5), where FM = ⌊(F + M)/2⌋
 * summarises how much and how often the customer buys. The published rule lists (e.g. the R package `rfm`) state
 * each segment as score ranges that overlap and leave gaps; laying the same segments out on the R × FM grid, one
 * name per cell, makes them a partition of all 125 (R, F, M) codes. docs/functions-engine.md shows this table.
 */
export const SEGMENT_GRID: Readonly<
  Record<1 | 2 | 3 | 4 | 5, readonly [Segment, Segment, Segment, Segment, Segment]>
> = {
  5: ["New Customers", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"],
  4: ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal Customers", "Champions"],
  3: ["About To Sleep", "About To Sleep", "Need Attention", "Loyal Customers", "Loyal Customers"],
  2: ["Hibernating", "Hibernating", "At Risk", "At Risk", "At Risk"],
  1: ["Lost", "Lost", "At Risk", "Can't Lose Them", "Can't Lose Them"],
};

/**
 * The combined frequency–monetary score of the default grid, rounded down so that a one-time buyer (F = 1) with a
 * middling spend still reads as new or promising rather than loyal.
 * @example fmScore(5, 4) // 4
 */
export function fmScore(frequency: number, monetary: number): number {
  return Math.floor((frequency + monetary) / 2);
}

function buildDefaultMap(): SegmentMap {
  const map = new Map<string, string>();
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      for (let m = 1; m <= 5; m++)
        map.set(rfmCode(r, f, m), SEGMENT_GRID[r as 1][fmScore(f, m) - 1]);
    }
  }
  return map;
}

/** All 125 codes of 5-bin scores → one of the eleven SEGMENTS. */
export const DEFAULT_SEGMENT_MAP: SegmentMap = buildDefaultMap();
