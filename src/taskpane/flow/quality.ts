import type { QualityReport, SkipReason } from "../../core/table/prepareCustomers";

/**
 * Why the pane lists a row: the engine's reasons, "inconsistent" dates and counts the models refuse, or a "refund"
 * (a negative amount in a transaction table, used: netted into its day's spend).
 */
export type PaneSkipReason = SkipReason | "inconsistent" | "refund";

export interface PaneSkippedRow {
  sheetRow: number;
  reason: PaneSkipReason;
  /** Index into the rows' columns; null when the row is blank in every column used. */
  column: number | null;
  /** For a duplicate id: the sheet row of the customer's row that is kept. */
  repeats?: number;
  /** The row is used all the same: a problem in a column the method does not read, or a refund. */
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
  /** Refunds (negative amounts of a transaction table), used: netted into their day's spend. */
  refunds: number;
  /** The rows left out, then those kept despite a problem, in sheet order. */
  skipped: PaneSkippedRow[];
  /** Column labels of that sheet's rows, to name the column at fault. */
  labels: readonly string[];
}

/**
 * The report of one sheet: the rows the method left out (the engine's report and the method's own `more`), then
 * the table's other findings (checkTable over every mapped column), marked kept: the method does not read the
 * column at fault, so the row is used as it is; and a transaction table's refunds, used.
 */
export function sheetQuality(
  sheet: string,
  labels: readonly string[],
  report: QualityReport,
  more: PaneSkippedRow[] = [],
  findings: QualityReport | null = null,
  refunds: readonly PaneSkippedRow[] = []
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
  skipped.push(...refunds);
  skipped.sort((a, b) => a.sheetRow - b.sheetRow);
  const keptRows = skipped.length - leftOut.size - refunds.length;
  return {
    sheet,
    dataRows: report.dataRows,
    kept: report.kept - more.length,
    blankRows: report.blankRows,
    leftOut: leftOut.size,
    keptRows,
    refunds: refunds.length,
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
