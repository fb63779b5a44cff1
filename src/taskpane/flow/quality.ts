import type { QualityReport, SkipReason } from "../../core/table/prepareCustomers";

/** Why the pane left a row out: the engine's reasons, or "inconsistent" dates and counts the models refuse. */
export type PaneSkipReason = SkipReason | "inconsistent";

export interface PaneSkippedRow {
  sheetRow: number;
  reason: PaneSkipReason;
  /** Index into the rows' columns; null when the row is blank in every column used. */
  column: number | null;
  /** For a duplicate id: the sheet row of the customer's row that is kept. */
  repeats?: number;
}

/** A data-quality report for one sheet, as the pane lists it. */
export interface SheetQuality {
  sheet: string;
  dataRows: number;
  kept: number;
  blankRows: number;
  skipped: PaneSkippedRow[];
  /** Column labels of that sheet's rows, to name the column at fault. */
  labels: readonly string[];
}

export function sheetQuality(
  sheet: string,
  labels: readonly string[],
  report: QualityReport,
  more: PaneSkippedRow[] = []
): SheetQuality {
  const skipped = [
    ...report.skipped.map(({ sheetRow, reason, column, repeats }) =>
      repeats === undefined ? { sheetRow, reason, column } : { sheetRow, reason, column, repeats }
    ),
    ...more,
  ];
  skipped.sort((a, b) => a.sheetRow - b.sheetRow);
  return {
    sheet,
    dataRows: report.dataRows,
    kept: report.kept - more.length,
    blankRows: report.blankRows,
    skipped,
    labels,
  };
}

/** Skipped rows per reason, blank rows (empty in every column used) apart: they are not data problems. */
export function reasonCounts(quality: SheetQuality): Partial<Record<PaneSkipReason, number>> {
  const counts: Partial<Record<PaneSkipReason, number>> = {};
  for (const row of quality.skipped)
    if (!(row.reason === "blank" && row.column === null))
      counts[row.reason] = (counts[row.reason] ?? 0) + 1;
  return counts;
}
