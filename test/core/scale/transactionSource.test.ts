import { fileKindOf, relationSql, textLayout } from "../../../src/core/scale/transactionSource";

describe("transaction sources", () => {
  it("knows a file's kind from its name", () => {
    expect(fileKindOf("orders.csv")).toBe("csv");
    expect(fileKindOf("orders.CSV.gz")).toBe("csv");
    expect(fileKindOf("orders.tsv")).toBe("csv");
    expect(fileKindOf("orders.parquet")).toBe("parquet");
    expect(fileKindOf("CDNOW_master.txt")).toBe("text");
    expect(fileKindOf("orders.xlsx")).toBeUndefined();
  });

  it("reads a text file as CSV when its first line has delimiters, else as whitespace-separated columns", () => {
    expect(textLayout("a.txt", "id,date,amount")).toEqual({ kind: "csv", path: "a.txt" });
    expect(textLayout("a.txt", "id\tdate\tamount").kind).toBe("csv");
    expect(textLayout("a.txt", " customer_id  date number_of_cds  dollar_value")).toEqual({
      kind: "whitespace",
      path: "a.txt",
      names: ["customer_id", "date", "number_of_cds", "dollar_value"],
      header: true,
    });
    expect(textLayout("a.txt", " 00001 19970101  1   11.77")).toEqual({
      kind: "whitespace",
      path: "a.txt",
      names: ["column1", "column2", "column3", "column4"],
      header: false,
    });
  });

  it("reads the chosen columns of a CSV file as the given types, and quotes every name", () => {
    expect(relationSql({ kind: "csv", path: "it's.csv" }, { id: "VARCHAR", "a'b": "DOUBLE" })).toBe(
      "read_csv('it''s.csv', types = {'id': 'VARCHAR', 'a''b': 'DOUBLE'})"
    );
    expect(relationSql({ kind: "table", name: "shop.orders" })).toBe('"shop"."orders"');
  });
});
