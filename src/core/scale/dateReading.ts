import { LAST_EXCEL_DATE } from "../table/columnChecks";
import { DATE_SERIAL_MAX, DATE_SERIAL_MIN } from "../table/detectColumns";
import { quoteString } from "./sqlText";

/**
 * How a column's values become calendar dates. Excel would hand a custom function serial numbers; a file holds
 * DATE or TIMESTAMP values (Parquet, a warehouse), text in some format, whole numbers like 19970101, or Excel
 * serial numbers. Times of day are dropped, as CVA.RFMSUMMARY floors a serial.
 */
export type DateReading =
  | { kind: "date" }
  /** Text: ISO 8601 when format is null (what CAST reads), else a strptime format, with or without a time. */
  | { kind: "text"; format: string | null }
  | { kind: "yyyymmdd" }
  | { kind: "serial" };

/** strptime formats tried on text dates after ISO, most specific first; times of day are optional (see below). */
export const TEXT_DATE_FORMATS = [
  "%Y%m%d",
  "%Y/%m/%d",
  "%d/%m/%Y",
  "%m/%d/%Y",
  "%d.%m.%Y",
  "%d-%m-%Y",
  "%m-%d-%Y",
  "%Y年%m月%d日",
] as const;

/** Excel's day 0 (1899-12-30): serial n is this date plus n days for every date from 1900-03-01 on. */
export const EXCEL_DAY_ZERO = "DATE '1899-12-30'";

/** The first date a transaction can have: Excel serial numbers start at 1900. */
const EARLIEST = "DATE '1900-01-01'";

/** Excel's last date, 9999-12-31, as a serial number (the date rule of columnChecks). */
const LATEST_SERIAL = LAST_EXCEL_DATE;

/** The format list strptime tries for one text layout: the date alone, then with minutes, then with seconds. */
function withTimes(format: string): string {
  return `[${[format, `${format} %H:%M`, `${format} %H:%M:%S`].map(quoteString).join(", ")}]`;
}

/** SQL for the DATE a value reads as under `reading`, or NULL when it does not (or lies before 1900). */
export function dateSql(column: string, reading: DateReading): string {
  const date = parsedDateSql(column, reading);
  return `(CASE WHEN ${date} >= ${EARLIEST} THEN ${date} END)`;
}

function parsedDateSql(column: string, reading: DateReading): string {
  switch (reading.kind) {
    case "date":
      return `CAST(${column} AS DATE)`;
    case "text":
      return reading.format === null
        ? `coalesce(TRY_CAST(${column} AS DATE), CAST(TRY_CAST(${column} AS TIMESTAMP) AS DATE))`
        : `CAST(try_strptime(${column}, ${withTimes(reading.format)}) AS DATE)`;
    case "yyyymmdd":
      return `CAST(try_strptime(CAST(${column} AS VARCHAR), '%Y%m%d') AS DATE)`;
    case "serial": {
      const serial = `TRY_CAST(${column} AS DOUBLE)`;
      return (
        `(CASE WHEN ${serial} >= 1 AND ${serial} < ${LATEST_SERIAL + 1} ` +
        `THEN ${EXCEL_DAY_ZERO} + CAST(floor(${serial}) AS INTEGER) END)`
      );
    }
  }
}

/**
 * SQL true when a value reads as a date under `reading` and is plausibly a transaction date: for numbers read as
 * Excel serials, only 1990–2100 (as detectColumns judges a sheet's dates), so amounts or counts are not taken for
 * days of 1900.
 */
export function plausibleDateSql(column: string, reading: DateReading): string {
  const parses = `${dateSql(column, reading)} IS NOT NULL`;
  if (reading.kind !== "serial") return parses;
  const serial = `TRY_CAST(${column} AS DOUBLE)`;
  return `(${parses} AND ${serial} >= ${DATE_SERIAL_MIN} AND ${serial} < ${DATE_SERIAL_MAX})`;
}

/** A reading as the command line's --date-format takes it: "excel", "yyyymmdd", "iso" or a strptime format. */
export function describeReading(reading: DateReading): string {
  switch (reading.kind) {
    case "date":
      return "date";
    case "text":
      return reading.format ?? "iso";
    case "yyyymmdd":
      return "yyyymmdd";
    case "serial":
      return "excel";
  }
}

/**
 * The readings worth trying on a column, in order of preference, for its SQL type: a DATE or TIMESTAMP column
 * is a date; numbers are 8-digit yyyymmdd or Excel serials; text is ISO, one of TEXT_DATE_FORMATS or serials.
 */
export function candidateReadings(sqlType: string): DateReading[] {
  const type = sqlType.toUpperCase();
  if (type === "DATE" || type.startsWith("TIMESTAMP")) return [{ kind: "date" }];
  if (/INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC/.test(type))
    return [{ kind: "yyyymmdd" }, { kind: "serial" }];
  if (type === "VARCHAR" || type.startsWith("VARCHAR"))
    return [
      { kind: "text", format: null },
      ...TEXT_DATE_FORMATS.map((format) => ({ kind: "text" as const, format })),
      { kind: "serial" },
    ];
  return [];
}
