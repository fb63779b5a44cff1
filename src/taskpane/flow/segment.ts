import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import { FittedModels, MethodReport, Translate } from "../methods/paneMethod";
import { MethodName, MethodSettings, methodOf } from "../methods/registry";
import { checkTable } from "../../core/table/checkTable";
import type { QualityReport } from "../../core/table/prepareCustomers";
import { CustomerTable, customerRows } from "./customerTable";
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
    ? [
        sheetQuality(
          table.summary.sourceSheet,
          table.summary.sourceLabels,
          table.summary.quality,
          [],
          null,
          table.summary.refunds
        ),
      ]
    : [];
  quality.push(
    sheetQuality(table.range.sheet, table.labels, run.result.quality, run.skipped, findings(table))
  );
  return { method, result: run.result, quality, fitted: run.fitted, report: run.report };
}

/** The table's own checks, once per table: every method's report marks them by how it treats them. */
const checked = new WeakMap<CustomerTable, QualityReport | null>();
function findings(table: CustomerTable): QualityReport | null {
  if (!checked.has(table)) {
    const rows = customerRows(table);
    checked.set(table, checkTable(table.rows, { ...rows, kinds: rows.kinds ?? new Map() }));
  }
  return checked.get(table) ?? null;
}
