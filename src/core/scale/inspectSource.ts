import type { CellValue } from "../cells";
import { valueError } from "../errors";
import { type DetectedTable, detectColumns } from "../table/detectColumns";
import type { TransactionColumns } from "./customerSummarySql";
import {
  candidateReadings,
  dateSql,
  type DateReading,
  EXCEL_DAY_ZERO,
  plausibleDateSql,
} from "./dateReading";
import type { SqlEngine } from "./sqlEngine";
import { quoteIdentifier } from "./sqlText";
import {
  fileKindOf,
  isTextSource,
  linesSql,
  relationSql,
  textLayout,
  type TransactionSource,
} from "./transactionSource";

export interface SourceColumn {
  name: string;
  /** The SQL type the column is read as: VARCHAR for every column of a text file. */
  type: string;
}

/** What a first look at a file found: its columns, a sample, and a proposal for which column is which. */
export interface SourceInspection {
  source: TransactionSource;
  columns: SourceColumn[];
  /** The column names, then up to SAMPLE_ROWS rows as cells (dates as Excel serials, numbers as numbers). */
  sample: CellValue[][];
  /** detectColumns on the sample, as for a range selected in a sheet (English and Chinese headers). */
  detected: DetectedTable;
  /**
   * Per column, the date readings under which most sampled values are plausible dates: those reading the most
   * values first, in order of preference among equals. Values that do not read are for the data-quality report.
   */
  dateReadings: DateReading[][];
}

/** Rows read for the first look: enough for detectColumns' sample. */
export const SAMPLE_ROWS = 2000;
/** A column reads as dates when this share of its sampled values do (as detectColumns judges a column's kind). */
const MOSTLY = 0.8;

/**
 * Opens a transaction file for a first look: its format (by name; .txt and .dat by their first line), columns, a
 * sample, how each column would read as dates, and which columns look like the customer, date and amount.
 * Throws a CvaError for a file type it cannot read; DuckDB's own error for a file it cannot open or parse.
 */
export async function inspectSource(engine: SqlEngine, path: string): Promise<SourceInspection> {
  const source = await sourceOf(engine, path);
  const relation = relationSql(source, {}, { allText: true });
  const described = await engine.rows(`DESCRIBE SELECT * FROM ${relation}`);
  const columns = described.map(([name, type]) => ({ name: String(name), type: String(type) }));
  if (columns.length === 0) throw valueError(`${path} has no columns.`);
  const sampled = `(SELECT * FROM ${relation} LIMIT ${SAMPLE_ROWS}) AS sample`;
  const readings = columns.map((column) => candidateReadings(column.type));
  const numericText = columns.map((column) => isTextSource(source) && column.type === "VARCHAR");

  const tests: string[] = [];
  columns.forEach((column, c) => {
    const name = quoteIdentifier(column.name);
    tests.push(`count(${name})`);
    if (numericText[c]) tests.push(`count(TRY_CAST(${name} AS DOUBLE))`);
    for (const reading of readings[c])
      tests.push(`count(CASE WHEN ${plausibleDateSql(name, reading)} THEN 1 END)`);
  });
  const [counts] = await engine.rows(`SELECT ${tests.join(", ")} FROM ${sampled}`);
  let at = 0;
  const dateReadings: DateReading[][] = [];
  const numeric: boolean[] = [];
  columns.forEach((_, c) => {
    const filled = counts[at++] as number;
    numeric.push(numericText[c] ? filled > 0 && counts[at++] === filled : false);
    const parsed = readings[c].map(() => counts[at++] as number);
    const order = readings[c]
      .map((_, k) => k)
      .filter((k) => filled > 0 && parsed[k] >= MOSTLY * filled);
    order.sort((a, b) => parsed[b] - parsed[a] || a - b);
    dateReadings.push(order.map((k) => readings[c][k]));
  });

  const cells = columns.map((column, c) => {
    const name = quoteIdentifier(column.name);
    if (dateReadings[c].length > 0)
      return `${dateSql(name, dateReadings[c][0])} - ${EXCEL_DAY_ZERO}`;
    if (numeric[c]) return `TRY_CAST(${name} AS DOUBLE)`;
    return /INT|DECIMAL|DOUBLE|FLOAT|REAL|BOOLEAN/.test(column.type)
      ? name
      : `CAST(${name} AS VARCHAR)`;
  });
  const rows: CellValue[][] = await engine.rows(`SELECT ${cells.join(", ")} FROM ${sampled}`);
  const sample = [columns.map((column) => column.name), ...rows];
  return { source, columns, sample, detected: detectColumns(sample), dateReadings };
}

async function sourceOf(engine: SqlEngine, path: string): Promise<TransactionSource> {
  const kind = fileKindOf(path);
  if (kind === undefined)
    throw valueError(
      `${path}: not a file type this reads. Use .csv, .csv.gz, .tsv, .parquet, or .txt/.dat (comma, tab or space separated).`
    );
  if (kind !== "text") return { kind, path };
  const [first] = await engine.rows(`SELECT line FROM ${linesSql(path)} LIMIT 1`);
  if (first === undefined) throw valueError(`${path} is empty.`);
  return textLayout(path, String(first[0] ?? ""));
}

/** The columns detectColumns proposes for a transaction table, by name; a role it could not place is absent. */
export function proposedColumns(inspection: SourceInspection): Partial<TransactionColumns> {
  const { mapping } = inspection.detected;
  const nameOf = (index: number | undefined) =>
    index === undefined ? undefined : inspection.columns[index]?.name;
  return {
    customer: nameOf(mapping.customer),
    date: nameOf(mapping.date),
    amount: nameOf(mapping.amount ?? mapping.monetary),
  };
}
