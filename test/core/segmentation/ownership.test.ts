import { rangeAddress } from "../../../src/core/workbook/a1";
import type { SheetRange } from "../../../src/core/workbook/workbookPort";
import {
  cellsToCheck,
  rangesOfStored,
  rangesToClear,
  replacePreviousOutput,
  storedRanges,
} from "../../../src/core/segmentation/ownership";
import { segmentCustomers } from "../../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../../src/core/segmentation/writePlan";
import { MemoryWorkbook } from "../../../src/workbench/memoryWorkbook";

const sheet = "Customers";
const range = (
  row: number,
  column: number,
  rowCount: number,
  columnCount: number,
  name = sheet
): SheetRange => ({ sheet: name, row, column, rowCount, columnCount });
const addresses = (ranges: SheetRange[]) => ranges.map((r) => `${r.sheet}!${rangeAddress(r)}`);

// Ten customers in A1:C11: id, recency, monetary.
const rows = [
  ["Customer", "Recency", "Monetary"],
  ...Array.from({ length: 10 }, (_, i) => [`C${i}`, 10 * (i + 1), 100 - 7 * i]),
];
const selection = range(0, 0, 11, 3);
const rfmLike = planSegmentationOutput(
  selection,
  true,
  segmentCustomers(
    { rows, hasHeader: true },
    { method: "score", columns: [1, 2], weights: [1, 1], directions: [-1, 1] }
  )
);
const tiers = planSegmentationOutput(
  selection,
  true,
  segmentCustomers({ rows, hasHeader: true }, { method: "tiers", column: 2 })
);

describe("cellsToCheck", () => {
  it("is the whole new output the first time, and only the cells not ours after", () => {
    expect(addresses(rfmLike.owned)).toEqual(["Customers!D1:E11", "Customers!G1:L4"]);
    expect(addresses(cellsToCheck([], rfmLike))).toEqual(["Customers!D1:E11", "Customers!G1:L4"]);
    expect(cellsToCheck(rfmLike.owned, rfmLike)).toEqual([]);
    // The tier-only output (D, legend from F) overlaps the old one except for F1:F4.
    expect(addresses(cellsToCheck(rfmLike.owned, tiers))).toEqual(["Customers!F1:F4"]);
  });

  it("does not count ranges on other sheets as ours (sheet names ignore case)", () => {
    expect(addresses(cellsToCheck([range(0, 3, 11, 2, "Other")], rfmLike))).toEqual([
      "Customers!D1:E11",
      "Customers!G1:L4",
    ]);
    expect(addresses(cellsToCheck([range(0, 3, 11, 2, "customers")], rfmLike))).toEqual([
      "Customers!G1:L4",
    ]);
  });
});

describe("rangesToClear", () => {
  it("clears what we owned except the new tier columns, whose rules are replaced and values overwritten", () => {
    expect(addresses(rangesToClear([], tiers))).toEqual([]);
    // Old: D1:E11 (score, tier) and G1:L4 (legend). New tier column D2:D11, new legend names F2:F4.
    expect(addresses(rangesToClear(rfmLike.owned, tiers))).toEqual([
      "Customers!D1:E1",
      "Customers!E2:E11",
      "Customers!G1:L4",
    ]);
    expect(addresses(rangesToClear(rfmLike.owned, rfmLike))).toEqual([
      "Customers!D1:E1",
      "Customers!D2:D11",
      "Customers!G1:L1",
      "Customers!H2:L4",
    ]);
  });

  it("cuts a range around a hole in its middle into four", () => {
    const plan = {
      ...tiers,
      fills: { ...tiers.fills, range: range(4, 4, 2, 2) },
      legend: { ...tiers.legend, fills: { ...tiers.legend.fills, range: range(0, 100, 1, 1) } },
    };
    expect(addresses(rangesToClear([range(2, 2, 6, 6)], plan))).toEqual([
      "Customers!C3:H4",
      "Customers!C7:H8",
      "Customers!C5:D6",
      "Customers!G5:H6",
    ]);
  });
});

describe("storedRanges / rangesOfStored", () => {
  it("round-trips compactly", () => {
    const stored = storedRanges(rfmLike.owned);
    expect(JSON.stringify(stored)).toBe('[["Customers",0,3,11,2],["Customers",0,6,4,6]]');
    expect(rangesOfStored(JSON.parse(JSON.stringify(stored)))).toEqual(rfmLike.owned);
    expect(rangesOfStored([])).toEqual([]);
    expect(rangesOfStored(storedRanges([range(0, 0, 1, 1, 'It\'s "mine"')]))).toEqual([
      range(0, 0, 1, 1, 'It\'s "mine"'),
    ]);
  });

  it.each([
    ["not a list", "S"],
    ["a short entry", [["S", 0, 0, 1]]],
    ["no sheet", [["", 0, 0, 1, 1]]],
    ["a negative row", [["S", -1, 0, 1, 1]]],
    ["a fraction", [["S", 0, 0.5, 1, 1]]],
    ["no rows", [["S", 0, 0, 0, 1]]],
    ["a text row", [["S", "0", 0, 1, 1]]],
  ])("refuses %s", (_, stored) => {
    expect(rangesOfStored(stored)).toBeNull();
  });
});

describe("replacePreviousOutput", () => {
  it("writes and colours the output; a re-run replaces it and leaves every other cell alone", async () => {
    const workbook = new MemoryWorkbook({
      [sheet]: rows.map((row) => [
        ...row,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "keep",
      ]),
    });
    await workbook.applyWritePlan(replacePreviousOutput([], rfmLike));
    expect(workbook.cell(sheet, 0, 4)).toBe("Tier");
    expect(workbook.fillAt(sheet, 1, 4)).toEqual(
      expect.objectContaining({ fill: expect.any(String) })
    );
    expect(workbook.fillAt(sheet, 1, 6)).not.toBeNull(); // legend's first tier name

    await workbook.applyWritePlan(replacePreviousOutput(rfmLike.owned, tiers));
    expect(workbook.cell(sheet, 0, 3)).toBe("Tier");
    expect(workbook.cell(sheet, 1, 4)).toBeNull(); // the old tier column is empty…
    expect(workbook.fillAt(sheet, 1, 4)).toBeNull(); // …and uncoloured
    expect(workbook.cell(sheet, 0, 11)).toBeNull(); // the old legend's last column
    expect(workbook.cell(sheet, 0, 5)).toBe("Tier"); // the new legend
    expect(workbook.fillAt(sheet, 1, 3)).toEqual(
      expect.objectContaining({ fill: expect.any(String) })
    );
    expect(workbook.cell(sheet, 0, 13)).toBe("keep");
    expect(workbook.cell(sheet, 5, 2)).toBe(rows[5][2]);
  });
});
