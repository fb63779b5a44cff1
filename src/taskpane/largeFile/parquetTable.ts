import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  Table,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaElement,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";

/**
 * Parquet for the pane: DuckDB-WASM has no Parquet reader offline (its extension is fetched from the network), so
 * the file is decoded here by hyparquet (pure JavaScript, zstd, snappy, gzip, brotli and lz4 through
 * hyparquet-compressors), row group by row group, and handed to DuckDB as Arrow tables: the statements then read
 * it as a table. Only flat columns are read; dates and timestamps become days (a transaction's time of day is
 * dropped anyway).
 */

/** The Arrow type a column's values are given as, from the Parquet schema. */
function arrowType(element: SchemaElement): DataType {
  const converted = element.converted_type;
  const logical = element.logical_type?.type;
  if (converted === "DATE" || converted?.startsWith("TIMESTAMP") || logical === "TIMESTAMP")
    return new DateDay();
  if (element.type === "INT96") return new DateDay();
  if (converted === "DECIMAL" || element.type === "FLOAT" || element.type === "DOUBLE")
    return new Float64();
  const unsigned = converted?.startsWith("UINT");
  if (element.type === "INT32") return unsigned ? new Float64() : new Int32();
  if (element.type === "INT64") return unsigned ? new Float64() : new Int64();
  if (element.type === "BOOLEAN") return new Bool();
  return new Utf8();
}

/** Dates and timestamps as epoch milliseconds, which Arrow's DateDay builder floors to days. */
const DAY_MS = 86_400_000;
const parsers = {
  dateFromDays: (days: number) => days * DAY_MS,
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us / 1000n),
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
};

/** A column's decoded values as the Arrow type chosen for it (anything else as text). */
function arrowValues(plain: unknown[], type: DataType): unknown[] {
  if (type instanceof Utf8)
    return plain.map((v) => (v === null || v === undefined ? null : String(v)));
  if (type instanceof Float64)
    return plain.map((v) => (v === null || v === undefined ? null : Number(v)));
  return plain;
}

/** The file as hyparquet reads it: slices on demand, never the whole file at once. */
function fileBuffer(file: File): AsyncBuffer {
  return { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() };
}

/**
 * Decodes a Parquet file and writes it into the DuckDB table `table` through `insert` (DuckDB-WASM's
 * insertArrowTable), one row group at a time; `onProgress` gets the rows done and the rows in all.
 */
export async function loadParquet(
  file: File,
  insert: (batch: Table, create: boolean) => Promise<void>,
  onProgress: (done: number, total: number) => void = () => undefined
): Promise<void> {
  const buffer = fileBuffer(file);
  const metadata: FileMetaData = await parquetMetadataAsync(buffer);
  const columns = parquetSchema(metadata)
    .children.filter((child) => child.children.length === 0)
    .map((child) => ({ name: child.element.name, type: arrowType(child.element) }));
  if (columns.length === 0) throw new Error(`${file.name} has no columns this can read.`);
  const total = Number(metadata.num_rows);
  if (total === 0) throw new Error(`${file.name} has no rows.`);
  let rowStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    const size = rowEnd - rowStart;
    const decoded = new Map(columns.map(({ name }) => [name, new Array<unknown>(size).fill(null)]));
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      parsers,
      rowStart,
      rowEnd,
      columns: columns.map((column) => column.name),
      onChunk: ({ columnName, columnData, rowStart: chunkStart }) => {
        // Chunks may hold rows beyond the group's: each row goes to its place in the group.
        const values = decoded.get(columnName);
        if (values === undefined) return;
        const from = Math.max(rowStart, chunkStart);
        const to = Math.min(rowEnd, chunkStart + columnData.length);
        for (let row = from; row < to; row++)
          values[row - rowStart] = columnData[row - chunkStart] ?? null;
      },
    });
    const vectors = Object.fromEntries(
      columns.map(({ name, type }) => [
        name,
        vectorFromArray(arrowValues(decoded.get(name) as unknown[], type), type),
      ])
    );
    await insert(new Table(vectors), g === 0);
    rowStart = rowEnd;
    onProgress(rowStart, total);
  }
}
