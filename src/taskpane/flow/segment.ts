import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { segmentCustomers } from "../../core/segmentation/segmentCustomers";
import type { BgNbdParams } from "../../core/models/bgnbd";
import type { GammaGammaParams } from "../../core/models/gammaGamma";
import type { CustomerTable } from "./customerTable";
import { MethodName, MethodSettings, segmentationMethod } from "./methodSettings";
import { SheetQuality, sheetQuality } from "./quality";
import { tierOptions } from "./tierChoice";

/** i18next's t, narrowed to what the flow needs; tests pass their own. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A segmentation ready to preview and write. */
export interface Segmented {
  method: MethodName;
  result: SegmentationResult;
  /** The transaction table's report first (when the rows were summarised), then the customers'. */
  quality: SheetQuality[];
  predictive?: { likelyLost: number; purchases: BgNbdParams; spend: GammaGammaParams };
}

/**
 * Runs the chosen method on the table (call after methodProblems found none). The predictive models are loaded on
 * first use, so the pane opens without them.
 */
export async function runSegmentation(
  table: CustomerTable,
  method: MethodName,
  settings: MethodSettings,
  t: Translate
): Promise<Segmented> {
  const rows = {
    rows: table.rows,
    hasHeader: table.hasHeader,
    firstRow: table.range.row,
    customer: table.mapping.customer,
  };
  const quality: SheetQuality[] = table.summary
    ? [sheetQuality(table.summary.sourceSheet, table.summary.sourceLabels, table.summary.quality)]
    : [];
  if (method === "predictive") {
    const { segmentByPrediction } = await import("./predictiveSegmentation");
    const { predictive } = settings;
    const segmented = segmentByPrediction(rows, {
      frequency: table.mapping.frequency as number,
      monetary: table.mapping.monetary as number,
      firstPurchase: predictive.firstPurchase as number,
      lastPurchase: predictive.lastPurchase as number,
      months: predictive.months,
      aliveThreshold: predictive.aliveThreshold / 100,
      tiers: tierOptions(predictive.tiers),
      headers: {
        probabilityAlive: t("output.probabilityAlive"),
        expectedPurchases: t("output.expectedPurchases", { count: predictive.months }),
        predictedClv: t("output.predictedClv", { count: predictive.months }),
        tier: t("output.Tier"),
        likelyLost: t("output.likelyLostHeader"),
      },
      likelyLost: t("output.likelyLost"),
    });
    quality.push(
      sheetQuality(
        table.range.sheet,
        table.labels,
        segmented.result.quality,
        segmented.inconsistent
      )
    );
    return {
      method,
      result: segmented.result,
      quality,
      predictive: {
        likelyLost: segmented.likelyLost,
        purchases: segmented.purchases,
        spend: segmented.spend,
      },
    };
  }
  const result = localizeResult(
    segmentCustomers(rows, segmentationMethod(method, settings, table)),
    t
  );
  quality.push(sheetQuality(table.range.sheet, table.labels, result.quality));
  return { method, result, quality };
}

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
