import type { CellValue } from "../../src/core/cells";
import { WARNING_MARK } from "../../src/core/sharing/changeColumn";
import { phrase } from "../../src/core/messages/catalogue";
import { emptyHistory } from "../../src/core/sharing/runHistory";
import { IdTable } from "../../src/core/sharing/snapshot";
import { DEFAULT_LEGEND_HEADERS } from "../../src/core/segmentation/writePlan";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import {
  DEFAULT_SHARING_OPTIONS,
  changeReport,
  comparableRun,
  monitorRun,
  openStoredRuns,
  optionsValid,
} from "../../src/taskpane/flow/monitoring";
import { ANALYSES_KEY, StoredAnalysis } from "../../src/taskpane/flow/runStore";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { SegmentationConfig, configOfRun } from "../../src/taskpane/flow/storedConfig";
import { prepareOutput, summarySheetInTheWay } from "../../src/taskpane/flow/writeOutput";
import { MethodSettings } from "../../src/taskpane/methods/registry";
import { CUSTOMERS, click, keepingOf, keyT, sampleSelection, tierNames } from "./sample";

const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });

/** The sample segmented into value tiers on Monetary, as the pane would for one run. */
async function tiersRun(
  change?: (rows: CellValue[][]) => void,
  savedAt = "2026-10-01T00:00:00.000Z"
) {
  const { workbook, data } = await sampleSelection(CUSTOMERS);
  const values = data.values.map((row) => [...row]);
  change?.(values);
  const state = reduce(initialFlowState, { type: "loaded", data: { ...data, values } });
  const table = state.table as CustomerTable;
  const settings = state.settings as MethodSettings;
  const segmented = await runSegmentation(table, "tiers", settings, keyT);
  const config = configOfRun({
    data,
    setup: state.setup as NonNullable<FlowState["setup"]>,
    method: "tiers",
    settings,
    table,
    options: DEFAULT_SHARING_OPTIONS,
    locale: "en-US",
    savedAt,
  });
  return { workbook, table, segmented, config };
}

/** A first run of the sample, monitored on a fresh id table. */
function monitorFirst(run: Awaited<ReturnType<typeof tiersRun>>, ids: IdTable) {
  return monitorRun({
    table: run.table,
    method: "tiers",
    result: run.segmented.result,
    ids,
    previous: null,
    options: DEFAULT_SHARING_OPTIONS,
    savedAt: run.config.savedAt,
    t: keyT,
  });
}

describe("change monitoring in the pane", () => {
  it("compares only with a kept run of the same method on the same sheet", async () => {
    const run = await tiersRun();
    const history = emptyHistory();
    const first = monitorFirst(run, history.table);
    const analysis: StoredAnalysis = {
      id: "a1",
      config: { ok: true, config: run.config },
      stored: run.config,
      output: { owned: [], summarySheet: null, customerSheet: null, reportSheet: null },
      history: {
        ...history,
        latest: first.current.run,
        runs: [
          {
            savedAt: "x",
            labels: [],
            measures: [],
            slots: 1,
            customers: first.current.slots.length,
          },
        ],
      },
    };
    const { config } = run;
    expect(comparableRun(analysis, config)).toBe(first.current.run);
    expect(comparableRun({ ...analysis, history: emptyHistory() }, config)).toBeNull();
    expect(comparableRun(null, config)).toBeNull();
    const rfm = { ...config, method: { method: "rfm", bins: 5, segmentMap: {} } };
    expect(comparableRun(analysis, rfm as SegmentationConfig)).toBeNull();
    const otherSheet = { ...config, range: { sheet: "Bad data", address: "A1:D22" } };
    expect(comparableRun(analysis, otherSheet)).toBeNull();
    const damaged = {
      ...analysis,
      config: {
        ok: false as const,
        problem: "notJson" as const,
        message: phrase("store.configNotJson"),
      },
    };
    expect(comparableRun(damaged, config)).toBeNull();
  });

  it("a second run flags the customer whose spend fell, adds the Change column and reports the movement", async () => {
    const before = await tiersRun();
    const ids = new IdTable();
    const previous = monitorFirst(before, ids);
    expect(previous.comparison).toBeNull();
    const tierBefore = before.segmented.result.columns[0].values;
    const top = tierBefore.indexOf("High");
    // The top customer's spend drops to nothing: from High to Low.
    const after = await tiersRun((rows) => (rows[top + 1][5] = 0), "2026-11-01T00:00:00.000Z");
    const monitored = monitorRun({
      table: after.table,
      method: "tiers",
      result: after.segmented.result,
      ids,
      previous: previous.current.run,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: after.config.savedAt,
      t: keyT,
    });
    const { columns } = monitored.result;
    expect(columns.map((column) => column.header)).toEqual(["output.Tier", "change.header"]);
    expect(columns[1].values[top]).toBe(`${WARNING_MARK} change.tierMove(from=High,to=Low)`);
    const report = changeReport(
      monitored.comparison as NonNullable<typeof monitored.comparison>,
      monitored.current,
      previous.current.run,
      ids
    );
    expect(report.previousSavedAt).toBe("2026-10-01T00:00:00.000Z");
    expect(report.from).toEqual(["High", "Medium", "Low"]);
    expect(report.movement.flat().reduce((a, b) => a + b, 0)).toBe(2357);
    expect(report.flaggedCount).toBeGreaterThanOrEqual(1);
    expect(report.flagged[0]).toMatchObject({
      id: String(after.table.rows[top + 1][0]),
      from: "High",
      to: "Low",
    });
  });

  it("writes the Change column with its own colour rule", async () => {
    const run = await tiersRun();
    const ids = new IdTable();
    const first = monitorFirst(run, ids);
    const monitored = monitorRun({
      table: run.table,
      method: "tiers",
      result: run.segmented.result,
      ids,
      previous: first.current.run,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: "2026-11-01T00:00:00.000Z",
      t: keyT,
    });
    const texts = { legendHeaders: DEFAULT_LEGEND_HEADERS, action: (key: string) => key };
    const pending = await prepareOutput(run.workbook, run.table, monitored.result, texts, {
      changeColumn: true,
    });
    const rules = pending.plan.fills.flatMap((fill) => fill.rules.map((rule) => rule.formula));
    expect(rules).toContain(`=LEFT($H2,1)="${WARNING_MARK}"`);
  });

  it("opens a workbook's store: options from the stored analysis, defaults beside a damaged one", async () => {
    const { workbook } = await sampleSelection(CUSTOMERS);
    await expect(openStoredRuns(new StoreSession(workbook))).resolves.toEqual({
      stored: { analyses: [], problems: [], legacySettings: [] },
      options: DEFAULT_SHARING_OPTIONS,
    });
    const options = { autoOpen: true, keepRuns: 3, valueDropPercent: 10, aliveDropPoints: 5 };
    const keeping = await keepingOf(workbook, options);
    const { prepared } = await click(workbook, keeping, "tiers");
    const opened = await openStoredRuns(new StoreSession(workbook));
    expect(opened.stored.analyses.map((analysis) => analysis.config)).toEqual([
      { ok: true, config: prepared.config },
    ]);
    expect(opened.stored.analyses[0].history.runs).toHaveLength(1);
    expect(opened.options).toEqual({ ...DEFAULT_SHARING_OPTIONS, ...options });

    await new StoreSession(workbook).update({ [ANALYSES_KEY]: '{"format":"someone else"}' });
    const damaged = await openStoredRuns(new StoreSession(workbook));
    expect(damaged.stored.analyses).toEqual([]);
    expect(damaged.stored.problems).toEqual([phrase("store.analysesUnusable")]);
    // The document is still tagged to open the pane: that is Office's setting, not the configuration's.
    expect(damaged.options).toEqual({ ...DEFAULT_SHARING_OPTIONS, autoOpen: true });
  });

  it("checks the options the user typed", () => {
    expect(optionsValid(DEFAULT_SHARING_OPTIONS)).toBe(true);
    expect(optionsValid({ ...DEFAULT_SHARING_OPTIONS, keepRuns: 0 })).toBe(false);
    expect(optionsValid({ ...DEFAULT_SHARING_OPTIONS, keepRuns: 2.5 })).toBe(false);
    expect(optionsValid({ ...DEFAULT_SHARING_OPTIONS, valueDropPercent: 120 })).toBe(false);
    expect(optionsValid({ ...DEFAULT_SHARING_OPTIONS, aliveDropPoints: NaN })).toBe(false);
  });

  it("asks before replacing a summary sheet the add-in did not write", async () => {
    const { workbook } = await tiersRun();
    await expect(summarySheetInTheWay(workbook, "Segment summary", null)).resolves.toBeNull();
    await workbook.applyWritePlan({
      sheets: [{ name: "Segment summary" }],
      clear: [],
      values: [{ at: { sheet: "Segment summary", row: 1, column: 1 }, values: [["my notes"]] }],
      fills: [],
      settings: {},
    });
    await expect(summarySheetInTheWay(workbook, "segment SUMMARY", null)).resolves.toMatchObject({
      sheet: "Segment summary",
    });
    await expect(
      summarySheetInTheWay(workbook, "Segment summary", "Segment summary")
    ).resolves.toBeNull();
  });
});
