import { valueError } from "../errors";
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
  if (entries.length === 0) throw valueError("The segment map is empty.");
  const segmentsOf = new Map<string, Set<string>>();
  let bins = 0;
  for (const [code, segment] of entries) {
    if (!CODE.test(code))
      throw valueError(
        `Segment map code ${JSON.stringify(code)} is not three digits from 1 to 9 (like "545").`
      );
    if (segment === "") throw valueError(`Segment map code ${code} has no segment name.`);
    for (const ch of code) bins = Math.max(bins, ch.charCodeAt(0) - 48);
    const names = segmentsOf.get(code) ?? new Set<string>();
    names.add(segment);
    segmentsOf.set(code, names);
  }
  const problems: string[] = [];
  const gaps: string[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const code = rfmCode(r, f, m);
        if (!segmentsOf.has(code)) gaps.push(code);
      }
    }
  }
  if (gaps.length > 0) problems.push(`${gaps.length} code(s) have no segment: ${listed(gaps)}`);
  const overlaps = [...segmentsOf]
    .filter(([, names]) => names.size > 1)
    .map(([code, names]) => `${code} (${[...names].join(", ")})`);
  if (overlaps.length > 0)
    problems.push(`${overlaps.length} code(s) have more than one segment: ${listed(overlaps)}`);
  if (problems.length > 0)
    throw valueError(
      `The segment map for ${bins} bins is not a partition: ${problems.join("; ")}.`
    );
  return new Map([...segmentsOf].map(([code, names]) => [code, [...names][0]]));
}

function listed(items: string[]): string {
  return items.length <= LISTED
    ? items.join(", ")
    : `${items.slice(0, LISTED).join(", ")} and ${items.length - LISTED} more`;
}
