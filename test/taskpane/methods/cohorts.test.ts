/**
 * The Cohorts method on the workbench's bundled Transactions sheet, through the pane's own steps (read the
 * selection, summarise, run, prepare, commit): the per-customer cohort and status, the Cohorts sheet, and monitoring
 * of the pooled retention from one run to the next.
 */
import { HEATMAP_COLOURS } from "../../../src/core/cohorts/cohortsSheet";
import { CustomerTable } from "../../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../../src/taskpane/flow/flowState";
import { readSelection } from "../../../src/taskpane/flow/readSelection";
import { runSegmentation } from "../../../src/taskpane/flow/segment";
import { RunKeeping, commitRun, prepareRun } from "../../../src/taskpane/flow/segmentRun";
import { methodProblems, MethodSettings } from "../../../src/taskpane/methods/registry";
import type { MemoryWorkbook } from "../../../src/workbench/memoryWorkbook";
import { createI18n } from "../../../src/taskpane/i18n";
import { TRANSACTIONS, sampleSession, tierNames } from "../sample";

const i18n = createI18n("en-US");
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });

/** One click on Segment with the Cohorts method, as the pane's hook makes it. */
async function click(workbook: MemoryWorkbook, keeping: RunKeeping, dropPoints = 2) {
  workbook.select(TRANSACTIONS);
  const data = await readSelection(workbook, "selection");
  const loaded = reduce(initialFlowState, { type: "loaded", data });
  const settings = loaded.settings as MethodSettings;
  const state = {
    ...loaded,
    method: "cohorts" as const,
    settings: { ...settings, cohorts: { ...settings.cohorts, dropPoints } },
  };
  expect(methodProblems("cohorts", state.settings, state.table as CustomerTable)).toEqual([]);
  const segmented = await runSegmentation(
    state.table as CustomerTable,
    "cohorts",
    state.settings,
    t
  );
  const prepared = await prepareRun(workbook, state, segmented, keeping, t, "en-US");
  if (!prepared) throw new Error("not ready");
  return { segmented, prepared, committed: await commitRun(prepared, keeping) };
}

/** Month number (year·12 + month) of an Excel serial, independently of the engine: by JavaScript's calendar. */
const monthOf = (serial: number) => {
  const date = new Date((serial - 25569) * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/** Each customer's first and last purchase month, straight from the Transactions sheet's rows. */
function monthsOfCustomers(workbook: MemoryWorkbook): Map<string, [number, number]> {
  const months = new Map<string, [number, number]>();
  for (let row = 1; row < TRANSACTIONS.rowCount; row++) {
    const id = workbook.cell("Transactions", row, 0) as string;
    const month = monthOf(workbook.cell("Transactions", row, 1) as number);
    const [first, last] = months.get(id) ?? [Infinity, -Infinity];
    months.set(id, [Math.min(first, month), Math.max(last, month)]);
  }
  return months;
}

describe("the Cohorts method on the bundled Transactions sheet", () => {
  it("writes each customer's cohort and status, and a Cohorts sheet that counts them as the sheet's rows do", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    const { segmented, prepared, committed } = await click(workbook, keeping);
    expect(committed).toEqual({
      report: null,
      saveProblem: null,
      note: null,
      newBaseline: false,
      compareAnyway: null,
    });

    const months = monthsOfCustomers(workbook);
    expect(months.size).toBe(2357);
    const asOf = Math.max(...[...months.values()].map(([, last]) => last));
    // Per customer, on the Customer summary sheet: the cohort and the status.
    const target = prepared.pending.target;
    const summarySheet = target.sheet;
    let repeat = 0;
    let once = 0;
    for (let row = 1; row < target.rowCount; row++) {
      const id = workbook.cell(summarySheet, row, 0) as string;
      const [first, last] = months.get(id) as [number, number];
      const cohort = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, "0")}`;
      expect(workbook.cell(summarySheet, row, target.column)).toBe(cohort);
      const status =
        last > first ? "Bought again" : first === asOf ? "New this period" : "First period only";
      expect(workbook.cell(summarySheet, row, target.column + 1)).toBe(status);
      if (last > first) repeat++;
      else once++;
    }
    expect(segmented.result.tiers.map((tier) => tier.customers)).toEqual([repeat, 0, once]);

    // The Cohorts sheet, replaced on each run and recorded as the analysis's own.
    expect(keeping.stored.analyses[0].output.reportSheet).toBe("Cohorts");
    const counts = (cohort: number) =>
      Array.from(
        { length: asOf - cohort + 1 },
        (_, k) =>
          [...months.values()].filter(([first, last]) => first === cohort && last >= cohort + k)
            .length
      );
    const firstMonth = Math.min(...[...months.values()].map(([first]) => first));
    const header = Array.from({ length: 40 }, (_, r) => r).find(
      (r) => workbook.cell("Cohorts", r, 0) === "Cohort"
    ) as number;
    for (let c = 0; c < 3; c++) {
      const expected = counts(firstMonth + c);
      const written = Array.from({ length: expected.length }, (_, k) =>
        workbook.cell("Cohorts", header + 1 + c, 1 + k)
      );
      expect(written).toEqual(expected);
    }
    expect(workbook.colorScales("Cohorts")).toHaveLength(1);
    expect(workbook.colorScales("Cohorts")[0].colors).toEqual(HEATMAP_COLOURS);
    expect(workbook.charts("Cohorts").map((chart) => chart.type)).toEqual(["line"]);
    expect(workbook.cell("Cohorts", 2, 0)).toBe(
      `All cohorts together: ${Math.round((repeat / (repeat + once)) * 1000) / 10} % of the customers won still bought in the month after.`
    );
  });

  it("flags a fall in pooled retention past the threshold on the next run", async () => {
    const { workbook, keeping } = await sampleSession(TRANSACTIONS);
    const first = await click(workbook, keeping);
    const before = first.segmented.result.tiers;
    const retention = before[0].customers / (before[0].customers + before[2].customers);

    // 150 repeat buyers' later purchases moved back to their first day: they now bought in one period only.
    const months = monthsOfCustomers(workbook);
    const firstDay = new Map<string, number>();
    for (let row = 1; row < TRANSACTIONS.rowCount; row++) {
      const id = workbook.cell("Transactions", row, 0) as string;
      const day = workbook.cell("Transactions", row, 1) as number;
      firstDay.set(id, Math.min(firstDay.get(id) ?? Infinity, day));
    }
    const movers = [...months]
      .filter(([, [f, l]]) => l > f)
      .slice(0, 150)
      .map(([id]) => id);
    const values = Array.from({ length: TRANSACTIONS.rowCount - 1 }, (_, r) => {
      const id = workbook.cell("Transactions", r + 1, 0) as string;
      return [
        movers.includes(id)
          ? (firstDay.get(id) as number)
          : workbook.cell("Transactions", r + 1, 1),
      ];
    });
    await workbook.applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Transactions", row: 1, column: 1 }, values }],
      fills: [],
      settings: {},
    });

    // A threshold above the fall: the sheet states the change, the pane flags nothing.
    const lenient = await click(workbook, { ...keeping, onSaved: () => undefined }, 50);
    expect(lenient.committed.note).toBeNull();
    const after = lenient.segmented.result.tiers;
    const fallen = after[0].customers / (after[0].customers + after[2].customers);
    const points = Math.round((fallen - retention) * 1000) / 10;
    expect(points).toBeLessThan(-2);
    expect(workbook.cell("Cohorts", 3, 0)).toMatch(
      new RegExp(`^Pooled retention is ${-points} points lower than at the previous run`)
    );

    // The default threshold of 2 points: flagged on the sheet and in the pane.
    const strict = await click(workbook, keeping);
    expect(strict.committed.note).toEqual({
      key: "retentionDrop",
      values: {
        points: -points,
        previous: Math.round(retention * 1000) / 10,
        current: Math.round(fallen * 1000) / 10,
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
      intent: "warning",
    });
    expect(workbook.cell("Cohorts", 3, 0)).toMatch(
      new RegExp(`^▼ Pooled retention fell ${-points} points since the previous run`)
    );
  });
});
