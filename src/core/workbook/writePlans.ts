import type { WritePlan } from "./workbookPort";

/**
 * Two write plans as one, so the workbook port applies them in one call (and as few syncs as their bytes need): the
 * first plan's sheets, values and formulas come before the second's. Clears of both still run before any value, as
 * in every plan.
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
