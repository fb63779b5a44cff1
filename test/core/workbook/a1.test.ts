import {
  columnLetters,
  parseCellAddress,
  parseRangeAddress,
  rangeAddress,
} from "../../../src/core/workbook/a1";

describe("A1 addresses", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 51, 701, 702, 16_383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("round-trips ranges with and without sheet names", () => {
    const range = { row: 1, column: 6, rowCount: 2357, columnCount: 2 };
    expect(rangeAddress(range)).toBe("G2:H2358");
    expect(parseRangeAddress("Customers!G2:H2358")).toEqual({ sheet: "Customers", ...range });
    expect(parseRangeAddress("'Q1 ''24'!$B$3", "x")).toEqual({
      sheet: "Q1 '24",
      row: 2,
      column: 1,
      rowCount: 1,
      columnCount: 1,
    });
    expect(parseCellAddress("not a cell")).toBeNull();
  });
});
