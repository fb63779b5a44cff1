import { CvaError, cvaError } from "../errors";
import { DEFAULT_SEGMENT_MAP, SegmentMap } from "./segmentMap";

const CODE = /^[1-9]{3}$/;

/**
 * The segment of one RFM code, or a #N/A error (returned, not thrown: it concerns one customer's row) when the
 * map has no such code, e.g. a code from scores with a different number of bins, saying what the map covers.
 * @example segmentOf("555", DEFAULT_SEGMENT_MAP) // "Champions"
 */
export function segmentOf(code: string, map: SegmentMap = DEFAULT_SEGMENT_MAP): string | CvaError {
  const segment = map.get(code);
  if (segment !== undefined) return segment;
  if (!CODE.test(code)) return cvaError("rfm.notCode", { code });
  if (map === DEFAULT_SEGMENT_MAP) return cvaError("rfm.outsideDefaultMap", { code });
  return cvaError("rfm.outsideMap", { code, example: map.keys().next().value as string });
}
