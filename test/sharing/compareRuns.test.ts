import type { CellValue } from "../../src/core/cells";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { excelSerial, parseCdnowMaster } from "../../src/core/cdnow/cdnowMaster";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../src/core/segmentation/writePlan";
import { replacePreviousOutput } from "../../src/core/segmentation/ownership";
import { rfmSummary } from "../../src/core/summary/rfmSummary";
import {
  changeColumnValues,
  changeFill,
  WARNING_FILL,
  withChangeColumn,
} from "../../src/core/sharing/changeColumn";
import {
  compareRuns,
  FLAG,
  flaggedCustomers,
  RunComparison,
} from "../../src/core/sharing/compareRuns";
import { emptyHistory, planHistorySave, readHistory } from "../../src/core/sharing/runHistory";
import { IdTable, SlotRun, placeRun } from "../../src/core/sharing/snapshot";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";
import { currentRunOf, runOf } from "./runFixtures";
import { paneTranslator } from "./sampleRun";

const TIERS = ["High", "Medium", "Low"];

/**
 * Customer value tiers by total spend as of a date: the CDNOW log summarised per customer (rfmSummary leaves out
 * later purchases and customers who had none yet), then top 20 % / next 30 % / rest by spend.
 */
function spendTiers(asOf: number) {
  const log = parseCdnowMaster(
    readFileSync(resolve(__dirname, "../../data/CDNOW_master.txt"), "utf8")
  );
  const summary = rfmSummary(log.customerId, log.date, log.amount, asOf);
  const rows: CellValue[][] = [
    ["Customer", "Spend"],
    ...summary.customer.map((id, i) => [id, summary.total[i]]),
  ];
  const result = segmentCustomers(
    { rows, hasHeader: true, customer: 0 },
    { method: "tiers", column: 1, labels: TIERS }
  );
  return { rows, result };
}

describe("change monitoring on CDNOW: first half of the period, then the whole period", () => {
  const middle = excelSerial(1997, 9, 30); // 1997-01-01 … 1998-06-30, halfway
  const end = excelSerial(1998, 6, 30);
  const first = spendTiers(middle);
  const whole = spendTiers(end);
  const ids = (rows: CellValue[][]) => rows.slice(1).map((row) => row[0]);
  const history = emptyHistory();
  const run1 = placeRun(history.table, first.result, ids(first.rows), "1997-09-30T00:00:00.000Z");
  // The first run goes through the store's encoding, as it would between two sessions.
  const { changes } = planHistorySave(new Map(), "h", history, run1, 12);
  const stored = readHistory(new Map(Object.entries(changes) as [string, string][]), "h").history;
  const previous = stored.latest as SlotRun;
  const run2 = placeRun(stored.table, whole.result, ids(whole.rows), "1998-06-30T00:00:00.000Z");
  const comparison = compareRuns(previous, run2, stored.table);

  /** Each customer's tier name, straight from the Tier column each run wrote. */
  const tierById = (run: ReturnType<typeof spendTiers>) =>
    new Map(
      ids(run.rows).map((id, row) => [String(id), run.result.columns[0].values[row] as string])
    );

  it("has the customers the data says", () => {
    // CDNOW is a cohort: every customer's first purchase is in the first quarter of 1997, so both runs hold all.
    expect(run1.slots).toHaveLength(23_570);
    expect(run2.slots).toHaveLength(23_570);
  });

  it("has a movement matrix that sums to the customer count", () => {
    const total = comparison.movement.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(23_570);
    // Everyone who bought in the first half is still in the data; the rest are new.
    expect(comparison.gone).toEqual([]);
    expect(comparison.movement[3].reduce((a, b) => a + b, 0)).toBe(23_570 - run1.slots.length);
    // Row sums are the first run's tier sizes, column sums the second's.
    first.result.tiers.forEach((tier, i) =>
      expect(comparison.movement[i].reduce((a, b) => a + b, 0)).toBe(tier.customers)
    );
    whole.result.tiers.forEach((tier, j) =>
      expect(comparison.movement.reduce((sum, row) => sum + row[j], 0)).toBe(tier.customers)
    );
  });

  it("flags exactly the customers whose tier fell", () => {
    const before = tierById(first);
    const after = tierById(whole);
    const fell = [...after]
      .filter(
        ([id, tier]) =>
          before.has(id) && TIERS.indexOf(tier) > TIERS.indexOf(before.get(id) as string)
      )
      .map(([id]) => id)
      .sort();
    expect(fell.length).toBeGreaterThan(100);
    const flagged = flaggedCustomers(comparison, run2, stored.table);
    expect(flagged.map((customer) => customer.id).sort()).toEqual(fell);
    expect(flagged.every((customer) => customer.reasons === FLAG.tierDrop)).toBe(true);
    expect(comparison.flagged).toBe(fell.length);
  });

  it('writes a Change column ("▼ High→Medium", "New", "") with its own colour rule', async () => {
    const t = paneTranslator("en-US");
    const dataRows = whole.rows.length - 1;
    const values = changeColumnValues(comparison, run2, dataRows, t);
    const before = tierById(first);
    ids(whole.rows).forEach((id, row) => {
      const was = before.get(String(id));
      const now = whole.result.columns[0].values[row] as string;
      const expected =
        was === undefined
          ? "New"
          : TIERS.indexOf(now) > TIERS.indexOf(was)
            ? `▼ ${was}→${now}`
            : TIERS.indexOf(now) < TIERS.indexOf(was)
              ? `▲ ${was}→${now}`
              : "";
      expect(values[row]).toBe(expected);
    });

    const result = withChangeColumn(whole.result, values, t("change.header"));
    const selection = {
      sheet: "Customers",
      row: 0,
      column: 0,
      rowCount: whole.rows.length,
      columnCount: 2,
    };
    const plan = planSegmentationOutput(selection, true, result);
    const writePlan = replacePreviousOutput([], plan);
    writePlan.fills.push(changeFill(plan));
    expect(writePlan.fills[1].rules[0].formula).toBe('=LEFT($D2,1)="▼"');

    const workbook = new MemoryWorkbook({ Customers: whole.rows.map((row) => [...row]) });
    await workbook.applyWritePlan(writePlan);
    const row = 1 + values.findIndex((value) => value?.startsWith("▼"));
    expect(workbook.fillAt("Customers", row, 3)).toEqual(WARNING_FILL);
    const quiet = 1 + values.findIndex((value) => value === "");
    expect(workbook.fillAt("Customers", quiet, 3)).toBeNull();
    expect(workbook.cell("Customers", 0, 3)).toBe("Change");
    // The legend moved right of the Change column.
    expect(workbook.cell("Customers", 0, 5)).toBe("Tier");
  });
});

describe("compareRuns on measures", () => {
  const table = new IdTable();
  const previous = runOf(
    table,
    "1",
    ["x", "y", "z", "w"],
    [0, 0, 1, 1],
    { pAlive: [0.9, 0.9, 0.5, 0.5], clv: [100, 100, 0, 50] },
    ["A", "B"]
  );
  const current = currentRunOf(
    table,
    ["x", "y", "z", "v"],
    [0, 1, 0, 2],
    { pAlive: [0.6, 0.75, 0.1, 0.9], clv: [74, 76, 10, 5] },
    ["a", "b", "New tier"]
  );
  let comparison: RunComparison;
  beforeAll(() => {
    comparison = compareRuns(previous, current, table, { valueDropShare: 0.25, aliveDrop: 0.2 });
  });

  it("flags falls beyond the thresholds, strictly, and ranks tiers by name ignoring case", () => {
    expect(Array.from(comparison.flags)).toEqual([
      FLAG.valueDrop | FLAG.aliveDrop, // x: value −26 %, P(alive) −0.30
      FLAG.tierDrop, // y: A→b, value −24 %, P(alive) −0.15
      FLAG.aliveDrop | 8, // z: B→a (a rise), previous value 0 is not comparable, P(alive) −0.4
      0, // v: new
    ]);
    expect(comparison.valueChange[0]).toBeCloseTo(-0.26);
    expect(comparison.valueChange[2]).toBeNaN();
    expect(comparison.gone).toEqual(["w"]);
    expect(comparison.movement).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 1, 0],
    ]);
  });

  it("writes every reason in the reader's language, warnings first", () => {
    const values = changeColumnValues(comparison, current, 4, paneTranslator("zh-CN"));
    expect(values).toEqual([
      "▼ 价值 −26%; ▼ 存活概率 −30 个百分点",
      "▼ A→b",
      "▼ 存活概率 −40 个百分点; ▲ B→a",
      "新客户",
    ]);
  });
});
