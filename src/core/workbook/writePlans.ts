import { sameSheet } from "./rectangles";
import type { SheetRange, WritePlan } from "./workbookPort";

/**
 * Two write plans as one, so the workbook port applies them in one call (and as few syncs as their bytes need): the
 * first plan's sheets, value blocks (rows, then columns) and formulas come before the second's. Clears of both still run
 * before any value, as in every plan.
 */
export function mergePlans(first: WritePlan, second: WritePlan): WritePlan {
  const merged: WritePlan = {
    clear: [...first.clear, ...second.clear],
    values: [...first.values, ...second.values],
    fills: [...first.fills, ...second.fills],
    settings: { ...first.settings, ...second.settings },
  };
  const sheets = [...(first.sheets ?? []), ...(second.sheets ?? [])];
  if (sheets.length > 0) merged.sheets = sheets;
  const columns = [...(first.columns ?? []), ...(second.columns ?? [])];
  if (columns.length > 0) merged.columns = columns;
  const formulas = [...(first.formulas ?? []), ...(second.formulas ?? [])];
  if (formulas.length > 0) merged.formulas = formulas;
  const colorScales = [...(first.colorScales ?? []), ...(second.colorScales ?? [])];
  if (colorScales.length > 0) merged.colorScales = colorScales;
  const charts = [...(first.charts ?? []), ...(second.charts ?? [])];
  if (charts.length > 0) merged.charts = charts;
  const numberFormats = [...(first.numberFormats ?? []), ...(second.numberFormats ?? [])];
  if (numberFormats.length > 0) merged.numberFormats = numberFormats;
  const autoOpen = second.autoOpen ?? first.autoOpen;
  if (autoOpen !== undefined) merged.autoOpen = autoOpen;
  return merged;
}

/** A plan that writes on sheet `to` what `plan` writes on sheet `from` (e.g. a report sheet named apart). */
export function planOnSheet(plan: WritePlan, from: string, to: string): WritePlan {
  if (from === to) return plan;
  const moved = <T extends { sheet: string }>(item: T): T =>
    sameSheet(item.sheet, from) ? { ...item, sheet: to } : item;
  const at = <T extends { at: { sheet: string } }>(item: T): T => ({ ...item, at: moved(item.at) });
  const renamed: WritePlan = {
    ...plan,
    clear: plan.clear.map(moved),
    values: plan.values.map(at),
    fills: plan.fills.map(moved),
  };
  if (plan.sheets)
    renamed.sheets = plan.sheets.map((setup) =>
      sameSheet(setup.name, from) ? { ...setup, name: to } : setup
    );
  if (plan.columns) renamed.columns = plan.columns.map(at);
  if (plan.formulas) renamed.formulas = plan.formulas.map(at);
  if (plan.colorScales) renamed.colorScales = plan.colorScales.map(moved);
  if (plan.charts) renamed.charts = plan.charts.map(moved);
  if (plan.numberFormats) renamed.numberFormats = plan.numberFormats.map(moved);
  return renamed;
}

/** The block each value write of a plan covers, rows then columns (a block of rows as wide as its widest row). */
export function valueAreas(plan: WritePlan): SheetRange[] {
  return [
    ...plan.values.map(({ at, values }) => ({
      ...at,
      rowCount: values.length,
      columnCount: values.reduce((widest, row) => Math.max(widest, row.length), 0),
    })),
    ...(plan.columns ?? []).map(({ at, columns }) => ({
      ...at,
      rowCount: columns[0]?.length ?? 0,
      columnCount: columns.length,
    })),
  ];
}
