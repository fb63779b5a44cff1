import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  Utf8,
  type Vector,
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

/** Dates and timestamps as days since 1970-01-01, as Arrow's DateDay holds them. */
const DAY_MS = 86_400_000;
const parsers = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (ms: bigint) => Math.floor(Number(ms) / DAY_MS),
  timestampFromMicroseconds: (us: bigint) => Math.floor(Number(us / 1000n) / DAY_MS),
  timestampFromNanoseconds: (ns: bigint) => Math.floor(Number(ns / 1_000_000n) / DAY_MS),
};

const missing = (value: unknown) => value === null || value === undefined;

/**
 * A column's values as an Arrow vector of `type`, built from typed arrays directly (Arrow's builders generate code
 * with the Function constructor, which the add-in never runs).
 */
function arrowVector(values: unknown[], type: DataType): Vector {
  const length = values.length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  values.forEach((value, i) => {
    if (missing(value)) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  const shape = { length, nullCount, nullBitmap };
  if (type instanceof Utf8) {
    const encoder = new TextEncoder();
    const bytes = values.map((value) => encoder.encode(missing(value) ? "" : String(value)));
    const valueOffsets = new Int32Array(length + 1);
    bytes.forEach((encoded, i) => (valueOffsets[i + 1] = valueOffsets[i] + encoded.length));
    const data = new Uint8Array(valueOffsets[length]);
    bytes.forEach((encoded, i) => data.set(encoded, valueOffsets[i]));
    return makeVector(makeData({ type, ...shape, valueOffsets, data }));
  }
  if (type instanceof Bool) {
    const data = new Uint8Array((length + 7) >> 3);
    values.forEach((value, i) => {
      if (value === true) data[i >> 3] |= 1 << (i & 7);
    });
    return makeVector(makeData({ type, ...shape, data }));
  }
  if (type instanceof Int64) {
    const data = BigInt64Array.from(values, (value) =>
      missing(value) ? 0n : BigInt(value as bigint)
    );
    return makeVector(makeData({ type, ...shape, data }));
  }
  const number = (value: unknown) => (missing(value) ? 0 : Number(value));
  if (type instanceof Int32)
    return makeVector(makeData({ type, ...shape, data: Int32Array.from(values, number) }));
  if (type instanceof DateDay)
    return makeVector(makeData({ type, ...shape, data: Int32Array.from(values, number) }));
  return makeVector(
    makeData({ type: new Float64(), ...shape, data: Float64Array.from(values, number) })
  );
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
      columns.map(({ name, type }) => [name, arrowVector(decoded.get(name) as unknown[], type)])
    );
    await insert(new Table(vectors), g === 0);
    rowStart = rowEnd;
    onProgress(rowStart, total);
  }
}
