import { dateLiteral, quoteIdentifier, quoteString } from "../../../src/core/scale/sqlText";

describe("SQL text", () => {
  it("quotes names and strings so that nothing in them is read as SQL", () => {
    expect(quoteIdentifier('a "b"')).toBe('"a ""b"""');
    expect(quoteString("O'Brien'); DROP TABLE t; --")).toBe("'O''Brien''); DROP TABLE t; --'");
  });

  it("takes only ISO dates as date literals", () => {
    expect(dateLiteral("1998-06-30")).toBe("DATE '1998-06-30'");
    expect(() => dateLiteral("1998-06-30' OR 1=1")).toThrow(RangeError);
  });
});
