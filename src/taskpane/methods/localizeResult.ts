import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import type { Translate } from "./paneMethod";

/**
 * The engine's English column headers and RFM segment names in the user's language, before anything is written:
 * names, colour rules and legend all follow result.tiers, so they stay consistent. User-typed tier names stay as
 * typed.
 */
export function localizeResult(result: SegmentationResult, t: Translate): SegmentationResult {
  const names = new Map<string, string>();
  if (result.method === "rfm")
    for (const { label } of result.tiers) {
      const translated = t(`segments.${label}`, { defaultValue: label });
      if (translated !== label) names.set(label, translated);
    }
  const rename = (value: string | number | null) =>
    typeof value === "string" ? (names.get(value) ?? value) : value;
  return {
    ...result,
    columns: result.columns.map((column, j) => ({
      header: t(`output.${column.header}`, { defaultValue: column.header }),
      values: j === result.tierColumn && names.size > 0 ? column.values.map(rename) : column.values,
    })),
    tiers: result.tiers.map((tier) => ({ ...tier, label: names.get(tier.label) ?? tier.label })),
  };
}
