/**
 * Text stays text on the Office.js layer (issue 11, finding 7): a whole Segment click on a transaction table through
 * OfficeWorkbook, against the Office.js fakes. Every text it writes goes to Range.values with Excel's quote prefix,
 * so ids such as =WEBSERVICE(…), +86 138… or -001 land as that text, never a formula or a number.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { click, keepingOf } from "../taskpane/sample";
import { RISKY_IDS, riskyTransactions } from "../taskpane/riskyIds";
import { FakeExcel } from "./fakeExcel";

beforeAll(() => {
  (globalThis as Record<string, unknown>).Excel = {
    ClearApplyTo: { all: "All" },
    ConditionalFormatType: { custom: "Custom" },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SpecialCellType: { visible: "Visible" },
  };
});

it("writes every text with its quote prefix, the risky customer ids among them", async () => {
  const rows = riskyTransactions();
  const box = { row: 0, column: 0, rowCount: rows.length, columnCount: 3 };
  const fake = new FakeExcel("Transactions", (r, c) => rows[r]?.[c] ?? null, new Map(), box, box);
  const workbook = new OfficeWorkbook(fake.run);
  const range = { sheet: "Transactions", ...box };
  const { committed } = await click(workbook, await keepingOf(workbook), "tiers", range);
  expect(committed.saveProblem).toBeNull();
  const summary = fake.otherSheets.get("Customer summary");
  expect(summary).toBeDefined();
  const sent = RISKY_IDS.map((_, k) => summary?.typed.get(`${1 + k},0`));
  expect(sent).toEqual(RISKY_IDS.map((id) => `'${id}`));
  // Excel (as the fake types it) holds them as that text, with no formula.
  expect(RISKY_IDS.map((_, k) => summary?.written.get(`${1 + k},0`))).toEqual(RISKY_IDS);
  expect(summary?.formulas.size).toBe(0);
  // Nothing anywhere was sent as unquoted text that Excel would read as a formula or a signed number.
  for (const sheet of [fake.typed, ...[...fake.otherSheets.values()].map((s) => s.typed)])
    for (const value of sheet.values())
      if (typeof value === "string") expect(value === "" || value.startsWith("'")).toBe(true);
});
