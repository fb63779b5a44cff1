import { parseArgs, type ParseArgsConfig } from "node:util";
import { usageError } from "./cliError";
import type { ColumnOptions } from "./transactionPlan";

/** parseArgs with its errors (unknown option, missing value) as usage errors naming the command. */
export function parseCommand<O extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: O
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(
      `cva ${command}: ${error instanceof Error ? error.message : String(error)} (see cva ${command} --help).`
    );
  }
}

/**
 * The options that name a transaction source's columns and how to read it, shared by summarise and sql: the
 * customer id, date and amount columns, the date format, the as-of date and the unit.
 */
export const SOURCE_OPTIONS = {
  id: { type: "string" },
  date: { type: "string" },
  amount: { type: "string" },
  "date-format": { type: "string" },
  "as-of": { type: "string" },
  unit: { type: "string" },
} as const satisfies NonNullable<ParseArgsConfig["options"]>;

/** The column options of SOURCE_OPTIONS as transactionPlan takes them. */
export function columnOptionsOf(values: {
  id?: string;
  date?: string;
  amount?: string;
  "date-format"?: string;
}): ColumnOptions {
  return {
    id: values.id,
    date: values.date,
    amount: values.amount,
    dateFormat: values["date-format"],
  };
}

/** The period length in days for --unit: "day" (the default) or "week", as CVA.RFMSUMMARY's periodDays 1 or 7. */
export function periodDaysOf(unit: string | undefined): 1 | 7 {
  const value = (unit ?? "day").trim().toLowerCase();
  if (["day", "days", "d"].includes(value)) return 1;
  if (["week", "weeks", "w"].includes(value)) return 7;
  throw usageError(`--unit must be day or week, got ${JSON.stringify(unit)}.`);
}

/** An ISO date option (YYYY-MM-DD) that names a real day. */
export function isoDateOf(option: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value.trim())
    throw usageError(`${option} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  return value.trim();
}

/** A positive number option, e.g. --months or --horizon. */
export function numberOf(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number))
    throw usageError(`${option} must be a number, got ${JSON.stringify(value)}.`);
  return number;
}

export type OutputFormat = "parquet" | "csv";

/** The format an output file's name asks for: .parquet, or .csv (optionally .csv.gz). */
export function outputFormatOf(option: string, path: string): OutputFormat {
  if (/\.parquet$/i.test(path)) return "parquet";
  if (/\.csv(\.gz)?$/i.test(path)) return "csv";
  throw usageError(`${option} must name a .parquet or .csv file, got ${JSON.stringify(path)}.`);
}

/** The COPY options writing that format. */
export function copyOptions(format: OutputFormat): string {
  return format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
}

/** Exactly one positional argument (the input file). */
export function onePositional(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1)
    throw usageError(
      `cva ${command} takes one ${what}, got ${positionals.length === 0 ? "none" : positionals.join(" ")} (see cva ${command} --help).`
    );
  return positionals[0];
}
