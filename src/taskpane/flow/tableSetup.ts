import type { CellValue } from "../../core/cells";
import { columnLetters } from "../../core/workbook/a1";
import {
  ColumnMapping,
  DATE_SERIAL_MAX,
  DATE_SERIAL_MIN,
  DetectedTable,
  TableKind,
  detectColumns,
} from "../../core/table/detectColumns";
import { FIRST_EXCEL_DATE, LAST_EXCEL_DATE } from "../../core/table/columnChecks";
import type { ColumnRole } from "../../core/table/headerRole";
import type { SelectedData } from "./readSelection";

/** How the pane reads the selection: the detected proposal, as the user confirmed or fixed it. */
export interface TableSetup {
  kind: TableKind;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /**
   * The Excel serial date recency and customer age count to, as the user set it; when absent, the latest purchase
   * in the data (latestDate).
   */
  asOfDate?: number;
}

/** The roles the mapping pickers show, per kind of table, in the order shown. */
export const ROLES_BY_KIND: Readonly<Record<TableKind, readonly ColumnRole[]>> = {
  customers: ["customer", "recency", "frequency", "monetary"],
  transactions: ["customer", "date", "amount"],
};

export function setupFromDetection(detected: DetectedTable): TableSetup {
  return { kind: detected.kind, hasHeader: detected.hasHeader, mapping: { ...detected.mapping } };
}

export function detectSetup(data: SelectedData): TableSetup {
  return setupFromDetection(detectColumns(data.values, { firstColumn: data.range.column }));
}

/**
 * Gives a role a column (or none). A column serves one role, so a role that had the column loses it; monetary and
 * amount are the same money column read two ways and move together, as detectColumns proposes them.
 */
export function assignRole(
  mapping: ColumnMapping,
  role: ColumnRole,
  column: number | undefined
): ColumnMapping {
  const twin: Partial<Record<ColumnRole, ColumnRole>> = { monetary: "amount", amount: "monetary" };
  const next: ColumnMapping = {};
  for (const [other, c] of Object.entries(mapping) as [ColumnRole, number][])
    if (c !== column && other !== role && other !== twin[role]) next[other] = c;
  if (column !== undefined) {
    next[role] = column;
    const pair = twin[role];
    if (pair) next[pair] = column;
  }
  return next;
}

/** The roles of the table's kind that have no column yet. */
export function unmappedRoles(setup: TableSetup): ColumnRole[] {
  return ROLES_BY_KIND[setup.kind].filter((role) => setup.mapping[role] === undefined);
}

/** One label per column: the header text, or the sheet column's letters without a header (or for a blank one). */
export function columnLabels(data: SelectedData, hasHeader: boolean): string[] {
  const width = data.values[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => {
    const header = hasHeader ? data.values[0][c] : null;
    const text = header === null || header === undefined ? "" : String(header).trim();
    return text === "" ? columnLetters(data.range.column + c) : text;
  });
}

/**
 * The latest date in the columns that hold purchase dates (a transaction table's date; a customer sheet's date
 * columns, whose latest is a last purchase): the as-of date when the user sets none. Null without dates.
 */
export function latestPurchase(data: SelectedData, setup: TableSetup): number | null {
  const columns =
    setup.kind === "transactions"
      ? setup.mapping.date === undefined
        ? []
        : [setup.mapping.date]
      : dateColumns(data.values, setup.hasHeader);
  let latest = -Infinity;
  for (let r = setup.hasHeader ? 1 : 0; r < data.values.length; r++)
    for (const c of columns) {
      const cell = data.values[r][c];
      if (typeof cell === "number" && cell > latest && cell <= LAST_EXCEL_DATE) latest = cell;
    }
  return latest >= FIRST_EXCEL_DATE ? Math.floor(latest) : null;
}

const SAMPLE_ROWS = 2000;

/** Columns whose numbers (in the first rows) all read as 1990–2100 Excel dates, as detectColumns judges dates. */
export function dateColumns(
  values: readonly (readonly CellValue[])[],
  hasHeader: boolean
): number[] {
  const width = values[0]?.length ?? 0;
  const start = hasHeader ? 1 : 0;
  const end = Math.min(values.length, start + SAMPLE_ROWS);
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    let numbers = 0;
    let dates = 0;
    for (let r = start; r < end; r++) {
      const cell = values[r][c];
      if (typeof cell !== "number") continue;
      numbers++;
      if (cell >= DATE_SERIAL_MIN && cell < DATE_SERIAL_MAX) dates++;
    }
    if (numbers > 0 && dates === numbers) columns.push(c);
  }
  return columns;
}
