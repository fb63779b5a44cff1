import type { CellValue } from "../../core/cells";
import { rfmCode } from "../../core/rfm/rfmCode";
import { rfmScores } from "../../core/rfm/rfmScores";
import { DEFAULT_SEGMENT_MAP } from "../../core/rfm/segmentMap";
import { type ModelParams, modelById } from "../../core/models/registry";
import { formatModelParams } from "../../core/models/parameterRow";
import {
  checkTransactions,
  type DataQuality,
  problemRows,
  type ProblemRow,
} from "../../core/scale/checkTransactions";
import {
  customerSummarySql,
  patternTableSql,
  spendPatternSql,
  type TransactionColumns,
  type TransactionPlan,
} from "../../core/scale/customerSummarySql";
import { EXCEL_DAY_ZERO } from "../../core/scale/dateReading";
import { fitPatterns, usablePatterns } from "../../core/scale/fitPatterns";
import type { SourceInspection } from "../../core/scale/inspectSource";
import type { SqlEngine } from "../../core/scale/sqlEngine";
import { RFM_SUMMARY_HEADERS } from "../../core/summary/rfmSummary";
import { dateLiteral } from "../../core/scale/sqlText";
import { problem, ProblemError } from "../flow/problems";

/** Rows a sheet holds below its header: more customers than this cannot be written as a customer table. */
export const MAX_SHEET_CUSTOMERS = 1_048_575;

/** The table the summary lands in, inside DuckDB, for the steps after it. */
const CUSTOMERS = "customers";

/** What the file's summary gave: the quality report, and how many customers, as of when. */
export interface FileSummary {
  quality: DataQuality;
  examples: ProblemRow[];
  asOf: string;
  customers: number;
}

/** The plan for the columns the user confirmed; the date reading is the first under which the sample reads. */
export function planFor(
  inspection: SourceInspection,
  columns: TransactionColumns
): TransactionPlan {
  const index = inspection.columns.findIndex((column) => column.name === columns.date);
  const reading = inspection.dateReadings[index]?.[0];
  if (reading === undefined)
    throw new ProblemError(problem("largeFile.noDates", { column: columns.date }));
  return { source: inspection.source, columns, dateReading: reading };
}

/**
 * Checks every row, then summarises the file into DuckDB's table of customers (as CVA.RFMSUMMARY, per day, as of
 * the latest transaction). Rows that cannot be used are left out and reported, as the pane does for a sheet.
 * (Reading the file into a table first, to parse it once, measured slower in DuckDB-WASM than two passes.)
 */
export async function summariseFile(
  engine: SqlEngine,
  confirmed: TransactionPlan,
  onSummarising: () => void = () => undefined
): Promise<FileSummary> {
  const { quality, plan } = await checkTransactions(engine, confirmed);
  const examples = quality.badRows > 0 ? await problemRows(engine, plan, 5) : [];
  if (quality.latest === null) throw new ProblemError(problem("largeFile.noRows"));
  onSummarising();
  const asOf = quality.latest;
  const summary = customerSummarySql(plan, { periodDays: 1, asOf });
  await engine.run(`CREATE OR REPLACE TABLE ${CUSTOMERS} AS ${summary}`);
  const [[customers]] = await engine.rows(`SELECT count(*) FROM ${CUSTOMERS}`);
  return { quality, examples, asOf, customers: Number(customers) };
}

/**
 * The customer table as a sheet holds it: RFMSUMMARY's header, then one row per customer, dates as Excel serials;
 * `limit` keeps the customers of highest total spend.
 */
export async function customerRows(engine: SqlEngine, limit?: number): Promise<CellValue[][]> {
  const order = limit === undefined ? "" : `ORDER BY total DESC, customer LIMIT ${limit}`;
  const rows = await engine.rows(
    `SELECT customer, frequency, recency, "T", monetary, orders, total,
      first_purchase - ${EXCEL_DAY_ZERO}, last_purchase - ${EXCEL_DAY_ZERO}
    FROM ${CUSTOMERS} ${order}`
  );
  return [[...RFM_SUMMARY_HEADERS], ...rows];
}

/** What the pane writes when the customers are more than a sheet holds. */
export interface BeyondSheet {
  /** frequency, recency, T, count: at most MAX_SHEET_CUSTOMERS patterns (more are left out, and said so). */
  patterns: CellValue[][];
  patternCount: number;
  /** Fitted parameter rows (BG/NBD, Gamma-Gamma) on every customer, or the reason a fit failed. */
  fits: CellValue[][];
  /** RFM segment (default map, 5 bins) and its customers, over every customer. */
  segments: [string, number][];
}

/**
 * For more customers than a sheet holds: the grouped pattern table, the models fitted on all customers from it,
 * and the customers per RFM segment (recency in days since the last purchase, purchase days, total spend: the
 * pane's RFM definitions).
 */
export async function beyondSheet(engine: SqlEngine, asOf: string): Promise<BeyondSheet> {
  const numbers = (sql: string) => engine.numberColumns(`SELECT * FROM (${sql}) AS t`);
  const [frequency, recency, T, count] = await numbers(patternTableSql(CUSTOMERS));
  const shown = Math.min(frequency.length, MAX_SHEET_CUSTOMERS);
  const patterns: CellValue[][] = [["frequency", "recency", "T", "count"]];
  for (let i = 0; i < shown; i++) patterns.push([frequency[i], recency[i], T[i], count[i]]);
  const [spendFrequency, monetary, spendCount] = await numbers(spendPatternSql(CUSTOMERS));
  const fits: CellValue[][] = [];
  for (const [model, all] of [
    [modelById("BG/NBD"), { columns: [frequency, recency, T], count }],
    [modelById("GG"), { columns: [spendFrequency, monetary], count: spendCount }],
  ] as const) {
    try {
      const fit = fitPatterns(model, usablePatterns(model, all).patterns);
      fits.push(formatModelParams(fit.params as ModelParams));
    } catch (error) {
      fits.push([model.id, (error as Error).message]);
    }
  }
  const [daysSince, purchaseDays, total] = await numbers(
    `SELECT CAST(${dateLiteral(asOf)} - last_purchase AS DOUBLE), frequency + 1, total FROM ${CUSTOMERS}`
  );
  const scores = rfmScores(daysSince, purchaseDays, total);
  const counts = new Map<string, number>();
  for (let i = 0; i < daysSince.length; i++) {
    const code = rfmCode(scores.recency[i], scores.frequency[i], scores.monetary[i]);
    const segment = DEFAULT_SEGMENT_MAP.get(code) ?? code;
    counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  return { patterns, patternCount: frequency.length, fits, segments: [...counts] };
}
