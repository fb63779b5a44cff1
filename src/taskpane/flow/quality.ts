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
  /** A problem in a column the method does not read: the row is used all the same. */
  kept?: true;
}

/** A data-quality report for one sheet, as the pane lists it. */
export interface SheetQuality {
  sheet: string;
  dataRows: number;
  kept: number;
  blankRows: number;
  /** Rows the method left out (blank rows included). */
  leftOut: number;
  /** Rows with a problem in a column the method does not read, used as they are. */
  keptRows: number;
  /** The rows left out, then those kept despite a problem, in sheet order. */
  skipped: PaneSkippedRow[];
  /** Column labels of that sheet's rows, to name the column at fault. */
  labels: readonly string[];
}

/**
 * The report of one sheet: the rows the method left out (the engine's report and the method's own `more`), then
 * the table's other findings (checkTable over every mapped column), marked kept: the method does not read the
 * column at fault, so the row is used as it is.
 */
export function sheetQuality(
  sheet: string,
  labels: readonly string[],
  report: QualityReport,
  more: PaneSkippedRow[] = [],
  findings: QualityReport | null = null
): SheetQuality {
  const skipped: PaneSkippedRow[] = [
    ...report.skipped.map(({ sheetRow, reason, column, repeats }) =>
      repeats === undefined ? { sheetRow, reason, column } : { sheetRow, reason, column, repeats }
    ),
    ...more,
  ];
  const leftOut = new Set(skipped.map((row) => row.sheetRow));
  for (const { sheetRow, reason, column, repeats } of findings?.skipped ?? [])
    if (!leftOut.has(sheetRow) && column !== null)
      skipped.push(
        repeats === undefined
          ? { sheetRow, reason, column, kept: true }
          : { sheetRow, reason, column, repeats, kept: true }
      );
  skipped.sort((a, b) => a.sheetRow - b.sheetRow);
  const keptRows = skipped.length - leftOut.size;
  return {
    sheet,
    dataRows: report.dataRows,
    kept: report.kept - more.length,
    blankRows: report.blankRows,
    leftOut: leftOut.size,
    keptRows,
    skipped,
    labels,
  };
}

/** Rows left out per reason, blank rows (empty in every column used) apart: they are not data problems. */
export function reasonCounts(quality: SheetQuality): Partial<Record<PaneSkipReason, number>> {
  const counts: Partial<Record<PaneSkipReason, number>> = {};
  for (const row of quality.skipped)
    if (!row.kept && !(row.reason === "blank" && row.column === null))
      counts[row.reason] = (counts[row.reason] ?? 0) + 1;
  return counts;
}
