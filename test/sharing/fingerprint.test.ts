import type { CellValue } from "../../src/core/cells";
import {
  MAX_HASHES,
  changedCells,
  fingerprintsOf,
  fingerprintsText,
  parseFingerprints,
} from "../../src/core/sharing/fingerprint";
import type { SheetRange, WritePlan } from "../../src/core/workbook/workbookPort";

const plan = (at: SheetRange, values: CellValue[][]): WritePlan => ({
  clear: [],
  values: [{ at, values }],
  fills: [],
  settings: {},
});
/** Rows as columns, as WorkbookPort.readColumns reads them. */
const columnsOf = (rows: CellValue[][]) => rows[0].map((_, c) => rows.map((row) => row[c]));
const grid = (rows: number, columns: number, cell: (r: number, c: number) => CellValue) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));

describe("fingerprints of what a run wrote", () => {
  const range: SheetRange = { sheet: "Customers", row: 0, column: 6, rowCount: 4, columnCount: 3 };
  const written = [
    ["Tier", "Score", "Note"],
    ["High", 0.1 + 0.2, null],
    ["Low", 42, true],
    ["Medium", -0, "=A1"],
  ];

  it("finds nothing changed in what was written, Excel's 15 significant digits and empty text included", () => {
    const [fingerprint] = fingerprintsOf(plan(range, written), [range]);
    const read = written.map((row) => row.map((cell) => (cell === null ? "" : cell)));
    read[1][1] = Number((0.1 + 0.2).toPrecision(15));
    read[3][1] = 0;
    expect(changedCells(fingerprint, columnsOf(read))).toEqual([]);
  });

  it("names each changed cell of a small range: a value, a type, an emptied cell, two swapped cells", () => {
    const [fingerprint] = fingerprintsOf(plan(range, written), [range]);
    const read = written.map((row) => [...row]);
    read[2][1] = "42";
    read[2][0] = "Medium";
    read[3][0] = "Low";
    read[3][2] = null;
    read[1][2] = "note";
    const cell = (row: number, column: number) => ({
      ...range,
      row,
      column,
      rowCount: 1,
      columnCount: 1,
    });
    expect(changedCells(fingerprint, columnsOf(read))).toEqual([
      cell(2, 6),
      cell(3, 6),
      cell(2, 7),
      cell(1, 8),
      cell(3, 8),
    ]);
  });

  it("names the block of rows holding a change on a large range, and keeps the store small", () => {
    const large: SheetRange = {
      sheet: "S",
      row: 0,
      column: 0,
      rowCount: 1_048_576,
      columnCount: 6,
    };
    const values = grid(large.rowCount, 6, (r, c) => (c === 0 ? `C${r}` : r * c + 0.5));
    const [fingerprint] = fingerprintsOf(plan(large, values), [large]);
    expect(fingerprint.hashes.length).toBeLessThanOrEqual(MAX_HASHES);
    values[700_000][3] = "edited";
    const changes = changedCells(fingerprint, columnsOf(values));
    expect(changes).toHaveLength(1);
    const [changed] = changes;
    expect(changed.column).toBe(3);
    expect(changed.row).toBeLessThanOrEqual(700_000);
    expect(changed.row + changed.rowCount).toBeGreaterThan(700_000);
    expect(changed.rowCount).toBe(fingerprint.blockRows);
    expect(fingerprintsText([fingerprint]).length).toBeLessThan(200_000);
  });

  it("hashes a block of columns as the same block of rows, as the fingerprints runs kept before", () => {
    const byColumns: WritePlan = {
      clear: [],
      values: [],
      columns: [{ at: range, columns: columnsOf(written) }],
      fills: [],
      settings: {},
    };
    // The text a run kept when plans were written by rows only: a workbook saved then is checked the same way.
    const kept =
      '[[["Customers",0,6,4,3],1,"p0q5bBD8fWzS3UBrEfwMMFU+WV6a8ED42TrHWxdb71GcYXaDAAAAAFlLH9739vb4"]]';
    expect(fingerprintsText(fingerprintsOf(byColumns, [range]))).toBe(kept);
    expect(fingerprintsText(fingerprintsOf(plan(range, written), [range]))).toBe(kept);
  });

  it("reads its stored text back, and refuses a damaged one", () => {
    const fingerprints = fingerprintsOf(plan(range, written), [range, { ...range, column: 20 }]);
    const text = fingerprintsText(fingerprints);
    expect(parseFingerprints(text)).toEqual(fingerprints);
    expect(parseFingerprints(text.slice(0, -3))).toBeNull();
    expect(parseFingerprints('[[["S",0,0,1,1],1,"AAAA"],[1]]')).toBeNull();
    expect(parseFingerprints('[[["S",0,0,2,1],1,"AAAAAA=="]]')).toBeNull();
  });
});
