import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { FittedModels, MethodReport, Translate } from "../methods/paneMethod";
import { MethodName, MethodSettings, methodOf } from "../methods/registry";
import type { CustomerTable } from "./customerTable";
import { SheetQuality, sheetQuality } from "./quality";

export type { Translate } from "../methods/paneMethod";

/** A segmentation ready to preview and write. */
export interface Segmented {
  method: MethodName;
  result: SegmentationResult;
  /** The transaction table's report first (when the rows were summarised), then the customers'. */
  quality: SheetQuality[];
  fitted?: FittedModels;
  /** A sheet the method writes besides the per-customer output. */
  report?: MethodReport;
}

/** Runs the chosen method on the table (call after its problems found none), with the data-quality report. */
export async function runSegmentation<N extends MethodName>(
  table: CustomerTable,
  method: N,
  settings: MethodSettings,
  t: Translate
): Promise<Segmented> {
  const run = await methodOf(method).run(table, settings[method], t);
  const quality: SheetQuality[] = table.summary
    ? [sheetQuality(table.summary.sourceSheet, table.summary.sourceLabels, table.summary.quality)]
    : [];
  quality.push(sheetQuality(table.range.sheet, table.labels, run.result.quality, run.skipped));
  return { method, result: run.result, quality, fitted: run.fitted, report: run.report };
}
