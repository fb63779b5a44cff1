import { CvaError, notAvailableError } from "../errors";
import { DEFAULT_SEGMENT_MAP, SegmentMap } from "./segmentMap";

/**
 * The segment of one RFM code, or a #N/A error (returned, not thrown: it concerns one customer's row) when the
 * map has no such code, e.g. a code from scores with a different number of bins.
 * @example segmentOf("555", DEFAULT_SEGMENT_MAP) // "Champions"
 */
export function segmentOf(code: string, map: SegmentMap = DEFAULT_SEGMENT_MAP): string | CvaError {
  return (
    map.get(code) ??
    notAvailableError(
      `No segment for RFM code ${JSON.stringify(code)} (the map covers codes like ${map.keys().next().value}).`
    )
  );
}
