import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine } from "../../../src/cli/duckdbEngine";
import { parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import { quoteString } from "../../../src/core/scale/sqlText";
import { relationSql } from "../../../src/core/scale/transactionSource";
import { RFM_SUMMARY_HEADERS, type RfmSummary } from "../../../src/core/summary/rfmSummary";
import { rfmSummary as RFMSUMMARY } from "../../../src/functions/summaryFunctions";

/** CDNOW_master as published (whitespace-separated, with a header line): what the large-file tests summarise. */
export const CDNOW = join(__dirname, "..", "..", "..", "data", "CDNOW_master.txt");

/**
 * CVA.RFMSUMMARY itself (the custom function: Excel's arguments in, its spilled rows out) on CDNOW, as columns in
 * the shape expectSameSummary reads.
 */
export function rfmSummaryFunction(periodDays = 1): RfmSummary {
  const cdnow = parseCdnowMaster(readFileSync(CDNOW, "utf8"));
  const column = <T>(values: T[]) => values.map((value) => [value]);
  const [header, ...rows] = RFMSUMMARY(
    column(cdnow.customerId),
    column(cdnow.date),
    column(cdnow.amount),
    undefined,
    periodDays
  );
  expect(header).toEqual([...RFM_SUMMARY_HEADERS]);
  const at = (k: number) => rows.map((row) => row[k] as number);
  return {
    customer: rows.map((row) => row[0] as string),
    frequency: at(1),
    recency: at(2),
    T: at(3),
    monetary: at(4),
    orders: at(5),
    total: at(6),
    firstPurchase: at(7),
    lastPurchase: at(8),
    asOfDate: 0,
    periodDays,
    excludedTransactions: 0,
  };
}

/**
 * CDNOW_master as a Parquet file `cdnow.parquet` in a new temporary folder: ids as text, dates as DATE, zstd,
 * row groups of 16,384 rows.
 */
export async function cdnowParquet(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "cva-parquet-")), "cdnow.parquet");
  const engine = await openEngine({ threads: 1 });
  try {
    const names = ["customer_id", "date", "number_of_cds", "dollar_value"];
    const text = relationSql({ kind: "whitespace", path: CDNOW, names, header: true });
    await engine.run(`COPY (
      SELECT customer_id, CAST(strptime("date", '%Y%m%d') AS DATE) AS "date",
        CAST(number_of_cds AS INTEGER) AS number_of_cds, CAST(dollar_value AS DOUBLE) AS dollar_value
      FROM ${text}
    ) TO ${quoteString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)`);
  } finally {
    engine.close();
  }
  return path;
}
