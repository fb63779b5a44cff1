import type { TransactionColumns, TransactionPlan } from "../core/scale/customerSummarySql";
import { type DateReading, describeReading } from "../core/scale/dateReading";
import { proposedColumns, type SourceInspection } from "../core/scale/inspectSource";
import { inputError, usageError } from "./cliError";

export interface ColumnOptions {
  id?: string;
  date?: string;
  amount?: string;
  dateFormat?: string;
}

/**
 * The plan for a file: the columns named on the command line, else those detected as for a range selected in a
 * sheet, and how the dates read (--date-format, else the reading under which most sampled dates read).
 * Throws an input error naming the columns the file has when one is missing or cannot be told.
 */
export function transactionPlan(
  inspection: SourceInspection,
  options: ColumnOptions
): { plan: TransactionPlan; notes: string[] } {
  const proposed = proposedColumns(inspection);
  const names = inspection.columns.map((column) => column.name);
  const available = names.map((name) => JSON.stringify(name)).join(", ");
  const pick = (role: keyof TransactionColumns, option: string, given: string | undefined) => {
    if (given !== undefined) {
      if (!names.includes(given))
        throw inputError(
          `No column ${JSON.stringify(given)} (--${option}); the file has ${available}.`
        );
      return given;
    }
    const found = proposed[role];
    if (found === undefined)
      throw inputError(
        `Could not tell which column holds the ${role === "customer" ? "customer id" : role}; name it with --${option} (the file has ${available}).`
      );
    return found;
  };
  const columns = {
    customer: pick("customer", "id", options.id),
    date: pick("date", "date", options.date),
    amount: pick("amount", "amount", options.amount),
  };
  const distinct = new Set(Object.values(columns));
  if (distinct.size < 3)
    throw usageError(
      `The customer id, date and amount must be three different columns, got ${JSON.stringify(columns)}.`
    );
  const index = names.indexOf(columns.date);
  const type = inspection.columns[index].type;
  const notes = [
    `columns: customer id ${JSON.stringify(columns.customer)}, date ${JSON.stringify(columns.date)}, amount ${JSON.stringify(columns.amount)}`,
  ];
  let dateReading: DateReading;
  if (options.dateFormat !== undefined) {
    dateReading = readingOf(options.dateFormat, type);
  } else {
    const readings = inspection.dateReadings[index];
    if (readings.length === 0) {
      const example = inspection.sample.slice(1, 4).map((row) => JSON.stringify(row[index]));
      throw inputError(
        `Column ${JSON.stringify(columns.date)} does not hold dates this can read (e.g. ${example.join(", ")}); ` +
          "name the format with --date-format (e.g. %d/%m/%Y), or use iso, yyyymmdd or excel."
      );
    }
    dateReading = readings[0];
    if (readings.length > 1)
      notes.push(
        `dates read as ${describeReading(readings[0])}; they would also read as ${readings
          .slice(1)
          .map(describeReading)
          .join(", ")}: pass --date-format if that is what they are`
      );
  }
  return { plan: { source: inspection.source, columns, dateReading }, notes };
}

/** --date-format: iso, yyyymmdd, excel (serial numbers) or a strptime format such as %d/%m/%Y. */
function readingOf(format: string, sqlType: string): DateReading {
  const type = sqlType.toUpperCase();
  if (type === "DATE" || type.startsWith("TIMESTAMP")) return { kind: "date" };
  const numeric = type !== "VARCHAR";
  const value = format.trim();
  if (value.toLowerCase() === "excel") return { kind: "serial" };
  if (value.toLowerCase() === "yyyymmdd")
    return numeric ? { kind: "yyyymmdd" } : { kind: "text", format: "%Y%m%d" };
  if (numeric)
    throw usageError(
      `--date-format ${JSON.stringify(format)} reads text, but the date column holds numbers: use yyyymmdd or excel.`
    );
  if (value.toLowerCase() === "iso") return { kind: "text", format: null };
  if (value.includes("%")) return { kind: "text", format: value };
  throw usageError(
    `--date-format must be iso, yyyymmdd, excel or a strptime format such as %d/%m/%Y, got ${JSON.stringify(format)}.`
  );
}
