import type { CellValue } from "../../../src/core/cells";
import { checkTable } from "../../../src/core/table/checkTable";
import { prepareCustomers, qualityReport } from "../../../src/core/table/prepareCustomers";

describe("prepareCustomers", () => {
  // A selection starting at sheet row 5 (0-based 4): the header is Excel row 5, the first customer row 6.
  const rows: CellValue[][] = [
    ["Customer", "Recency", "Monetary"],
    ["a", 10, 100], //     row 6: kept
    [null, null, null], // row 7: blank row
    ["b", "12", 50], //    row 8: text in Recency
    ["c", 5, -20], //      row 9: negative Monetary
    ["a", 3, 70], //       row 10: duplicate of a
    ["d", "#N/A", 30], //  row 11: error in Recency
    ["#REF!", 1, 2], //    row 12: error in the id
    ["e", 7, null], //     row 13: Monetary missing
    [" ", 4, 9], //        row 14: id missing
    ["f", true, 9], //     row 15: TRUE in Recency
    ["g", 0, 0], //        row 16: kept
  ];
  const measures = [
    { column: 1, kind: "amount" as const },
    { column: 2, kind: "amount" as const },
  ];

  it("keeps the usable rows and reports every other one with its sheet row number and column", () => {
    const prepared = prepareCustomers(rows, {
      hasHeader: true,
      firstRow: 4,
      customer: 0,
      measures,
    });
    expect(Array.from(prepared.rows)).toEqual([1, 11]);
    expect(prepared.values.map((column) => Array.from(column))).toEqual([
      [10, 0],
      [100, 0],
    ]);
    expect(prepared.quality.skipped).toEqual([
      { sheetRow: 7, index: 2, reason: "blank", column: null },
      { sheetRow: 8, index: 3, reason: "text", column: 1 },
      { sheetRow: 9, index: 4, reason: "negative", column: 2 },
      { sheetRow: 10, index: 5, reason: "duplicateId", column: 0, repeats: 6 },
      { sheetRow: 11, index: 6, reason: "error", column: 1 },
      { sheetRow: 12, index: 7, reason: "error", column: 0 },
      { sheetRow: 13, index: 8, reason: "blank", column: 2 },
      { sheetRow: 14, index: 9, reason: "blank", column: 0 },
      { sheetRow: 15, index: 10, reason: "text", column: 1 },
    ]);
    expect(prepared.quality).toMatchObject({
      dataRows: 11,
      kept: 2,
      blankRows: 1,
      counts: { blank: 3, text: 2, negative: 1, duplicateId: 1, error: 2 },
    });
  });

  it("keeps the first usable row of a customer: a skipped first row does not make the next one a duplicate", () => {
    const prepared = prepareCustomers(
      [
        ["x", -1],
        ["x", 4],
        ["x", 5],
        [7, 1],
        ["7", 2],
      ],
      { hasHeader: false, customer: 0, measures: [{ column: 1, kind: "amount" }] }
    );
    expect(Array.from(prepared.rows)).toEqual([1, 3, 4]);
    expect(prepared.quality.skipped.map((s) => [s.sheetRow, s.reason])).toEqual([
      [1, "negative"],
      [3, "duplicateId"],
    ]);
  });

  it("allows negatives where the measure may be negative, and works without customer ids", () => {
    const prepared = prepareCustomers(
      [
        [-5, 1],
        [null, null],
        [2, ""],
        [3, 4],
      ],
      { hasHeader: false, measures: [{ column: 0 }, { column: 1 }] }
    );
    expect(prepared.values.map((column) => Array.from(column))).toEqual([
      [-5, 3],
      [1, 4],
    ]);
    expect(prepared.quality.skipped).toEqual([
      { sheetRow: 2, index: 1, reason: "blank", column: null },
      { sheetRow: 3, index: 2, reason: "blank", column: 1 },
    ]);
    expect(prepared.quality.blankRows).toBe(1);
  });

  it("lets a transaction table repeat customers", () => {
    const prepared = prepareCustomers(
      [
        ["a", 1],
        ["a", 2],
      ],
      { hasHeader: false, customer: 0, uniqueCustomers: false, measures: [{ column: 1 }] }
    );
    expect(prepared.quality.kept).toBe(2);
  });

  it("treats cells past a short row's end as blank and refuses a call without measures", () => {
    expect(
      prepareCustomers([["a"]], { hasHeader: false, customer: 0, measures: [{ column: 1 }] })
        .quality.skipped
    ).toEqual([{ sheetRow: 1, index: 0, reason: "blank", column: 1 }]);
    expect(() => prepareCustomers([], { hasHeader: false, measures: [] })).toThrow(
      expect.objectContaining({ code: "#VALUE!" })
    );
    expect(
      prepareCustomers([], { hasHeader: true, measures: [{ column: 0 }] }).quality
    ).toMatchObject({ dataRows: 0, kept: 0 });
  });

  it("lends a method's report to the table's check of the same columns, and checks other columns afresh", () => {
    const options = { hasHeader: true, firstRow: 4, customer: 0, measures };
    const prepared = prepareCustomers(rows, options);
    expect(qualityReport(rows, options)).toBe(prepared.quality);
    const kinds = new Map(measures.map(({ column, kind }) => [column, kind]));
    expect(checkTable(rows, { hasHeader: true, firstRow: 4, customer: 0, kinds })).toBe(
      prepared.quality
    );
    // Another column set, or the same cells in a new array (a new read), is checked again, with its own findings.
    const recencyOnly = qualityReport(rows, { ...options, measures: [measures[0]] });
    expect(recencyOnly).not.toBe(prepared.quality);
    expect(recencyOnly.skipped.map((row) => row.sheetRow)).not.toContain(9);
    const reread = qualityReport(
      rows.map((row) => [...row]),
      options
    );
    expect(reread).not.toBe(prepared.quality);
    expect(reread).toEqual(prepared.quality);
  });
});
