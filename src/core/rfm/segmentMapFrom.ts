import { cvaError } from "../errors";
import { Message, phrase } from "../messages/catalogue";
import { rfmCode } from "./rfmCode";
import { SegmentMap } from "./segmentMap";

const CODE = /^[1-9]{3}$/;
const LISTED = 12;

/**
 * Checks a user's segment map and returns it as a lookup. Codes are three digits; the largest digit used sets the
 * number of bins b, and the map must give every one of the b³ codes exactly one segment. Gaps and overlaps (a code
 * listed with two different segments) are refused with a #VALUE! error that names the codes, so a typo cannot
 * silently leave customers unsegmented.
 * @example segmentMapFrom(["111", "112", "121", "122", "211", "212", "221", "222"].map((c) => [c, c[0] === "2" ? "Recent" : "Lapsed"])) // 8 codes, 2 bins
 */
export function segmentMapFrom(
  entries: ReadonlyArray<readonly [code: string, segment: string]>
): SegmentMap {
  if (entries.length === 0) throw cvaError("segmentMap.empty");
  const segmentsOf = new Map<string, Set<string>>();
  let bins = 0;
  for (const [code, segment] of entries) {
    if (!CODE.test(code)) throw cvaError("segmentMap.badCode", { code });
    if (segment === "") throw cvaError("segmentMap.noName", { code });
    for (const ch of code) bins = Math.max(bins, ch.charCodeAt(0) - 48);
    const names = segmentsOf.get(code) ?? new Set<string>();
    names.add(segment);
    segmentsOf.set(code, names);
  }
  const problems: Message[] = [];
  const gaps: string[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const code = rfmCode(r, f, m);
        if (!segmentsOf.has(code)) gaps.push(code);
      }
    }
  }
  if (gaps.length > 0)
    problems.push(phrase("segmentMap.gaps", { count: gaps.length, codes: listed(gaps) }));
  const overlaps = [...segmentsOf]
    .filter(([, names]) => names.size > 1)
    .map(([code, names]) => `${code} (${[...names].join(", ")})`);
  if (overlaps.length > 0)
    problems.push(
      phrase("segmentMap.overlaps", { count: overlaps.length, codes: listed(overlaps) })
    );
  if (problems.length > 0) throw cvaError("segmentMap.notPartition", { bins, problems });
  return new Map([...segmentsOf].map(([code, names]) => [code, [...names][0]]));
}

function listed(items: string[]): Message {
  return items.length <= LISTED
    ? phrase("list.all", { items: items.join(", ") })
    : phrase("list.more", {
        items: items.slice(0, LISTED).join(", "),
        more: items.length - LISTED,
      });
}
