import { quoteIdentifier, quoteString } from "./sqlText";

/**
 * Where transactions come from: a file DuckDB reads in place (CSV, optionally gzipped; Parquet; or whitespace-
 * separated text such as CDNOW_master.txt), or a table in a database (a warehouse, for the SQL shown in the docs).
 */
export type TransactionSource =
  | { kind: "csv"; path: string }
  | { kind: "parquet"; path: string }
  | {
      kind: "whitespace";
      path: string;
      /** Column names: the header line's words, or column1, column2 … when there is no header. */
      names: readonly string[];
      header: boolean;
    }
  | { kind: "table"; name: string };

export type FileKind = "csv" | "parquet" | "text";

/** What a file's name says about how to read it; "text" (.txt, .dat) is CSV or whitespace-separated by content. */
export function fileKindOf(name: string): FileKind | undefined {
  const lower = name.toLowerCase().replace(/\.(gz|gzip|zst)$/, "");
  if (/\.(parquet|pq)$/.test(lower)) return "parquet";
  if (/\.(csv|tsv)$/.test(lower)) return "csv";
  if (/\.(txt|dat)$/.test(lower)) return "text";
  return undefined;
}

/** A unit-separator control character: a delimiter no text line contains, so each line reads as one field. */
const LINE_DELIMITER = "\\x1f";

/** The lines of a text file as one VARCHAR column `line`, nothing sniffed or split. */
export function linesSql(path: string, skip = 0): string {
  return (
    `read_csv(${quoteString(path)}, columns = {'line': 'VARCHAR'}, header = false, auto_detect = false, ` +
    `delim = e'${LINE_DELIMITER}', quote = '', escape = '', skip = ${skip})`
  );
}

/**
 * How to read a text file's first lines: whitespace-separated when the first line has neither comma, tab,
 * semicolon nor bar but several words; a header when the first line has a word that is not a number.
 */
export function textLayout(
  path: string,
  firstLine: string
): Extract<TransactionSource, { kind: "csv" | "whitespace" }> {
  const words = firstLine.trim().split(/\s+/);
  if (/[,;\t|]/.test(firstLine) || words.length < 2) return { kind: "csv", path };
  const header = words.some((word) => !/^[-+]?\d*\.?\d+$/.test(word));
  const names = header ? words : words.map((_, i) => `column${i + 1}`);
  return { kind: "whitespace", path, names, header };
}

/**
 * The source as a SQL relation. `columnTypes` names the SQL type a CSV file's column is read as, whatever the
 * sniffer would make of it: VARCHAR, so that a bad value further down the file is a row to report (TRY_CAST gives
 * NULL), not a failed scan; or DOUBLE, TIMESTAMP when every value is known to read so (parsed by the reader, which
 * is cheaper than text cast afterwards). Whitespace-separated text is read line by line and split on runs of
 * spaces and tabs; every field is text.
 */
export function relationSql(
  source: TransactionSource,
  columnTypes: Readonly<Record<string, string>> = {},
  options: { allText?: boolean } = {}
): string {
  switch (source.kind) {
    case "table":
      return source.name
        .split(".")
        .map((part) => quoteIdentifier(part))
        .join(".");
    case "parquet":
      return `read_parquet(${quoteString(source.path)})`;
    case "csv": {
      const types = Object.entries(columnTypes)
        .map(([name, type]) => `${quoteString(name)}: ${quoteString(type)}`)
        .join(", ");
      const settings = [
        ...(options.allText ? ["all_varchar = true"] : []),
        ...(types && !options.allText ? [`types = {${types}}`] : []),
      ];
      return `read_csv(${[quoteString(source.path), ...settings].join(", ")})`;
    }
    case "whitespace": {
      const fields = source.names
        .map((name, i) => `fields[${i + 1}] AS ${quoteIdentifier(name)}`)
        .join(", ");
      const split = `string_split_regex(trim(line, e' \\t\\r'), '[ \\t]+')`;
      return (
        `(SELECT ${fields} FROM (SELECT ${split} AS fields FROM ${linesSql(source.path, source.header ? 1 : 0)} ` +
        `WHERE trim(line, e' \\t\\r') <> ''))`
      );
    }
  }
}

/** Whether the relation's columns are all text (so numbers and dates in them are parsed by the statements). */
export function isTextSource(source: TransactionSource): boolean {
  return source.kind === "csv" || source.kind === "whitespace";
}
