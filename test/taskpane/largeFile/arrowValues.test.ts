import { Decimal, Float64, makeVector, Table, Utf8, vectorFromArray } from "apache-arrow";
import { numberColumnsOf, rowsOf } from "../../../src/taskpane/largeFile/arrowValues";

/** Splits a table into record batches of `rows` rows, as DuckDB-WASM returns a result. */
function batched(table: Table, rows: number): Table {
  const [whole] = table.batches;
  const batches = [];
  for (let at = 0; at < table.numRows; at += rows) batches.push(whole.slice(at, at + rows));
  return new Table(table.schema, batches);
}

describe("reading DuckDB-WASM's Arrow results", () => {
  const table = batched(
    new Table({
      id: vectorFromArray(["a", null, "c", "d", null], new Utf8()),
      n: makeVector(Int32Array.from([1, 2, 3, 4, 5])),
      x: vectorFromArray([0.5, null, 2.5, null, 5.5], new Float64()),
      big: makeVector(BigInt64Array.from([10n, 20n, 30n, 40n, 2n ** 40n])),
    }),
    3
  );

  it("reads number columns across batches, NULL as NaN", () => {
    expect(table.batches.length).toBe(2);
    const [, n, x, big] = numberColumnsOf(table);
    expect(Array.from(n)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(x)).toEqual([0.5, Number.NaN, 2.5, Number.NaN, 5.5]);
    expect(Array.from(big)).toEqual([10, 20, 30, 40, 2 ** 40]);
  });

  it("reads rows of plain values across batches, NULL as null", () => {
    expect(rowsOf(table)).toEqual([
      ["a", 1, 0.5, 10],
      [null, 2, null, 20],
      ["c", 3, 2.5, 30],
      ["d", 4, null, 40],
      [null, 5, 5.5, 2 ** 40],
    ]);
  });

  it("reads a column whose array is not one value per row through get", () => {
    const decimal = vectorFromArray(
      [Uint32Array.from([125, 0, 0, 0]), Uint32Array.from([7, 0, 0, 0])],
      new Decimal(2, 10, 128)
    );
    const rows = rowsOf(new Table({ d: decimal }));
    expect(rows.map((row) => row[0])).toEqual(
      Array.from({ length: 2 }, (_, i) => String(decimal.get(i)))
    );
  });
});
