import type { CellValue } from "../cells";
import { columnLetters } from "../workbook/a1";
import { isExcelErrorText } from "./excelErrorText";
import { ColumnRole, headerRole } from "./headerRole";

/** Column index (0 = the selection's first column) per role; a role the table does not have is absent. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/** A customer table has one row per customer with its measures; a transaction table one row per purchase. */
export type TableKind = "customers" | "transactions";

export interface NumericColumn {
  column: number;
  /** The header text, or the sheet column's letters when there is no header. */
  label: string;
}

export interface DetectedTable {
  hasHeader: boolean;
  kind: TableKind;
  mapping: ColumnMapping;
  /** One label per column, for the mapping pickers. */
  labels: string[];
  /** Columns that hold numbers (the customer id column excepted): candidates for value tiers and weighted scores. */
  numericColumns: NumericColumn[];
}

export interface DetectOptions {
  /** Sheet column of the rows' first cell (0 = A), for labels of header-less columns. */
  firstColumn?: number;
}

/** Excel serials of 1990-01-01 and 2100-01-01: a column whose numbers all fall in between reads as dates. */
export const DATE_SERIAL_MIN = 32874;
export const DATE_SERIAL_MAX = 73051;

/** Rows read to judge a column: the first ones plus as many spread evenly over the rest. */
const SAMPLE_HEAD = 1000;
const SAMPLE_SPREAD = 1000;
/** A column is numeric (or text) when at least this share of its filled cells are numbers (text). */
const MOSTLY = 0.8;
const ID_MIN_ROWS = 10;

interface ColumnProfile {
  filled: number;
  numbers: number;
  texts: number;
  integers: number;
  dateLike: number;
  negatives: number;
  sum: number;
  distinct: number;
}

/**
 * Proposes how to read a selection: whether row 0 is a header, which column is which, and whether the rows are
 * customers or transactions. The user confirms or fixes the proposal in the pane.
 *
 * Row 0 is a header when one of its cells names a role (headerRole: English and Chinese synonyms) or holds text
 * over a column of numbers. Named columns are taken at their word unless their content contradicts it (a "Recency"
 * column of 1990–2100 date serials is a date; text in a named numeric column is left for the quality report to
 * point out). Roles still open are then guessed from content, on up to 2,000 sampled rows: a text column with the
 * most distinct values is the customer (failing one, a first column of distinct whole numbers); numbers all within
 * 1990–2100 as Excel serials are dates; a column with fractions is the money; of the remaining whole-number columns
 * the one with the smaller mean is the frequency (purchase counts are small), the next the recency in days. One
 * money column serves as both monetary and amount. The table is a transaction table when it has a date and customer
 * ids that repeat, and no header names a recency or frequency.
 * @example detectColumns([["Customer ID", "Recency", "Frequency", "Monetary"], ["C1", 10, 2, 99.5]]).mapping // { customer: 0, recency: 1, frequency: 2, monetary: 3 }
 */
export function detectColumns(
  rows: readonly (readonly CellValue[])[],
  options: DetectOptions = {}
): DetectedTable {
  let width = 0;
  for (let i = 0; i < Math.min(rows.length, SAMPLE_HEAD); i++)
    width = Math.max(width, rows[i].length);
  const belowFirst = profileColumns(rows, 1, width);
  const hasHeader = looksLikeHeader(rows[0] ?? [], belowFirst);
  const profiles = hasHeader ? belowFirst : profileColumns(rows, 0, width);
  const isNumeric = (c: number) =>
    profiles[c].numbers > 0 && profiles[c].numbers >= MOSTLY * profiles[c].filled;
  const isDates = (c: number) => isNumeric(c) && profiles[c].dateLike === profiles[c].numbers;

  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const assign = (role: ColumnRole, column: number | undefined) => {
    if (column === undefined || mapping[role] !== undefined || taken.has(column)) return;
    mapping[role] = column;
    taken.add(column);
  };
  const open = (test: (c: number) => boolean) =>
    columnsWhere(width, (c) => !taken.has(c) && test(c));

  if (hasHeader) {
    for (let c = 0; c < width; c++) {
      const header = rows[0][c];
      const role = typeof header === "string" ? headerRole(header) : undefined;
      // Days since a purchase or a count of purchases cannot be 1990–2100 serials: such a column holds dates.
      if (role !== undefined)
        assign((role === "recency" || role === "frequency") && isDates(c) ? "date" : role, c);
    }
  }
  const namedMeasures = mapping.recency !== undefined || mapping.frequency !== undefined;

  const texts = open(
    (c) => profiles[c].texts > 0 && profiles[c].texts >= MOSTLY * profiles[c].filled
  );
  const mostDistinct = texts.sort((a, b) => profiles[b].distinct - profiles[a].distinct)[0];
  assign(
    "customer",
    mostDistinct ?? open((c) => c === 0 && isWholeNumberIds(profiles[c]) && !isDates(c))[0]
  );
  assign("date", open(isDates)[0]);

  const customer = mapping.customer === undefined ? undefined : profiles[mapping.customer];
  const repeats = customer !== undefined && customer.distinct < customer.filled;
  const kind: TableKind =
    repeats && mapping.date !== undefined && !namedMeasures ? "transactions" : "customers";

  const measures = open((c) => isNumeric(c) && !isDates(c));
  const money =
    measures.find((c) => profiles[c].integers < profiles[c].numbers) ??
    largestMean(measures, profiles);
  if (mapping.monetary === undefined && mapping.amount === undefined)
    assign(kind === "transactions" ? "amount" : "monetary", money);
  if (kind === "customers") {
    const counts = open(
      (c) =>
        isNumeric(c) &&
        !isDates(c) &&
        profiles[c].negatives === 0 &&
        profiles[c].integers === profiles[c].numbers
    );
    const byMean = [...counts].sort((a, b) => mean(profiles[a]) - mean(profiles[b]));
    assign("frequency", byMean[0]);
    assign("recency", open((c) => counts.includes(c))[0]);
  }
  if (mapping.monetary === undefined && mapping.amount !== undefined)
    mapping.monetary = mapping.amount;
  if (mapping.amount === undefined && mapping.monetary !== undefined)
    mapping.amount = mapping.monetary;

  const labels = Array.from({ length: width }, (_, c) =>
    columnLabel(hasHeader ? rows[0][c] : null, (options.firstColumn ?? 0) + c)
  );
  const numericColumns = columnsWhere(width, (c) => isNumeric(c) && c !== mapping.customer).map(
    (column) => ({ column, label: labels[column] })
  );
  return { hasHeader, kind, mapping, labels, numericColumns };
}

function looksLikeHeader(first: readonly CellValue[], below: ColumnProfile[]): boolean {
  return first.some((cell, c) => {
    if (typeof cell !== "string" || cell.trim() === "" || isExcelErrorText(cell)) return false;
    const column = below[c];
    return (
      headerRole(cell) !== undefined ||
      (column !== undefined && column.numbers > 0 && column.numbers >= MOSTLY * column.filled)
    );
  });
}

/** Profiles each column over a sample of the rows from `start` on. */
function profileColumns(
  rows: readonly (readonly CellValue[])[],
  start: number,
  width: number
): ColumnProfile[] {
  const sample = sampleIndexes(start, rows.length);
  return Array.from({ length: width }, (_, c) => {
    const profile: ColumnProfile = {
      filled: 0,
      numbers: 0,
      texts: 0,
      integers: 0,
      dateLike: 0,
      negatives: 0,
      sum: 0,
      distinct: 0,
    };
    const seen = new Set<CellValue>();
    for (const i of sample) {
      const cell = rows[i][c];
      if (cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""))
        continue;
      profile.filled++;
      seen.add(cell);
      if (typeof cell === "number" && Number.isFinite(cell)) {
        profile.numbers++;
        profile.sum += cell;
        if (Number.isInteger(cell)) profile.integers++;
        if (cell < 0) profile.negatives++;
        if (cell >= DATE_SERIAL_MIN && cell < DATE_SERIAL_MAX) profile.dateLike++;
      } else if (typeof cell === "string" && !isExcelErrorText(cell)) {
        profile.texts++;
      }
    }
    profile.distinct = seen.size;
    return profile;
  });
}

function sampleIndexes(start: number, end: number): number[] {
  const n = end - start;
  if (n <= SAMPLE_HEAD + SAMPLE_SPREAD)
    return Array.from({ length: Math.max(0, n) }, (_, k) => start + k);
  const head = Array.from({ length: SAMPLE_HEAD }, (_, k) => start + k);
  const rest = n - SAMPLE_HEAD;
  const spread = Array.from(
    { length: SAMPLE_SPREAD },
    (_, k) => start + SAMPLE_HEAD + Math.floor((k * rest) / SAMPLE_SPREAD)
  );
  return head.concat(spread);
}

function isWholeNumberIds(p: ColumnProfile): boolean {
  return (
    p.numbers >= ID_MIN_ROWS &&
    p.numbers === p.filled &&
    p.integers === p.numbers &&
    p.negatives === 0 &&
    p.distinct === p.filled
  );
}

function mean(p: ColumnProfile): number {
  return p.sum / p.numbers;
}

function largestMean(columns: number[], profiles: ColumnProfile[]): number | undefined {
  return [...columns].sort((a, b) => mean(profiles[b]) - mean(profiles[a]))[0];
}

function columnsWhere(width: number, test: (c: number) => boolean): number[] {
  return Array.from({ length: width }, (_, c) => c).filter(test);
}

function columnLabel(header: CellValue | undefined, sheetColumn: number): string {
  const text = header === null || header === undefined ? "" : String(header).trim();
  return text === "" ? columnLetters(sheetColumn) : text;
}
