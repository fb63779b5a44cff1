import { lazy } from "react";
import { segmentMapFrom } from "../../../core/rfm/segmentMapFrom";
import { RfmMethod, segmentByRfm } from "../../../core/segmentation/segmentCustomers";
import { z } from "../../../core/sharing/zod";
import { CustomerTable, customerRows } from "../../flow/customerTable";
import { localizeResult } from "../localizeResult";
import { defineMethod, needsRoles } from "../paneMethod";
import { SegmentGrid, defaultSegmentGrid, gridOfSegmentMap, segmentMapOfGrid } from "./rfmGrid";

/** Score bins, 2–9 (one digit per score in the code). */
export const RFM_BINS = { min: 2, max: 9, default: 5 } as const;

export interface RfmSettings {
  bins: number;
  grid: SegmentGrid;
}

const stored = z
  .object({
    method: z.literal("rfm"),
    bins: z.number().int().min(RFM_BINS.min).max(RFM_BINS.max),
    /** Code ("545") → segment, every code of the bins exactly once. */
    segmentMap: z.record(z.string(), z.string()),
  })
  .superRefine((rfm, context) => {
    try {
      segmentMapFrom(Object.entries(rfm.segmentMap));
    } catch (error) {
      context.addIssue({ code: "custom", path: ["segmentMap"], message: (error as Error).message });
      return;
    }
    const largestDigit = Math.max(
      ...Object.keys(rfm.segmentMap).flatMap((code) => [...code].map(Number))
    );
    if (largestDigit !== rfm.bins)
      context.addIssue({
        code: "custom",
        path: ["segmentMap"],
        message: `The segment map is made for ${largestDigit} bins, but the scores use ${rfm.bins}.`,
      });
  });

/** The engine's RFM method for these settings (call after the problems found none). */
export function rfmEngineMethod(settings: RfmSettings, table: CustomerTable): RfmMethod {
  const { mapping } = table;
  return {
    method: "rfm",
    recency: mapping.recency as number,
    frequency: mapping.frequency as number,
    monetary: mapping.monetary as number,
    bins: settings.bins,
    segmentMap: segmentMapOfGrid(settings.grid),
  };
}

/** RFM segments: scores 1–bins on the table's recency, frequency and monetary, and the segment of each code. */
export const rfm = defineMethod({
  id: "rfm",
  defaults: (): RfmSettings => ({
    bins: RFM_BINS.default,
    grid: defaultSegmentGrid(RFM_BINS.default),
  }),
  adapt: (previous) => previous,
  problems: (_, table) => needsRoles(table, ["recency", "frequency", "monetary"]),
  run: async (table, settings, t) => ({
    result: localizeResult(segmentByRfm(customerRows(table), rfmEngineMethod(settings, table)), t),
  }),
  stored,
  toStored: (settings) => ({
    method: "rfm" as const,
    bins: settings.bins,
    segmentMap: Object.fromEntries(segmentMapOfGrid(settings.grid)),
  }),
  fromStored: (method) => ({
    bins: method.bins,
    grid: gridOfSegmentMap(method.bins, method.segmentMap),
  }),
  measures: () => ({}),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./RfmSettings").then((module) => ({
      default: module.RfmSettings,
    }))
  ),
});
