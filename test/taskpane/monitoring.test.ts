import type { CellValue } from "../../src/core/cells";
import { WARNING_MARK } from "../../src/core/sharing/changeColumn";
import { CONFIG_KEY } from "../../src/core/sharing/config";
import { updateStore } from "../../src/core/sharing/workbookStore";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { MethodSettings } from "../../src/taskpane/methods/registry";
import { saveRun } from "../../src/taskpane/flow/runStore";
import {
  DEFAULT_SHARING_OPTIONS,
  changeReport,
  comparableRun,
  monitorRun,
  openStoredRuns,
  optionsValid,
} from "../../src/taskpane/flow/monitoring";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { SegmentationConfig, configOfRun } from "../../src/taskpane/flow/storedConfig";
import {
  SUMMARY_SHEET_SETTING,
  prepareOutput,
  summarySheetInTheWay,
} from "../../src/taskpane/flow/writeOutput";
import { DEFAULT_LEGEND_HEADERS } from "../../src/core/segmentation/writePlan";
import { CUSTOMERS, keyT, sampleSelection, tierNames } from "./sample";

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

describe("change monitoring in the pane", () => {
  it("compares only with a kept run of the same method on the same sheet", async () => {
    const { table, segmented, config } = await tiersRun();
    const first = monitorRun({
      table,
      method: "tiers",
      result: segmented.result,
      previous: null,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: config.savedAt,
      t: keyT,
    });
    const runs = [first.current.snapshot];
    const stored = { config: { ok: true as const, config }, runs, problems: [] };
    expect(comparableRun(stored, config)).toBe(runs[0]);
    expect(comparableRun({ ...stored, runs: [] }, config)).toBeNull();
    const rfm = { ...config, method: { method: "rfm", bins: 5, segmentMap: {} } };
    expect(comparableRun(stored, rfm as SegmentationConfig)).toBeNull();
    const otherSheet = { ...config, range: { sheet: "Bad data", address: "A1:D22" } };
    expect(comparableRun(stored, otherSheet)).toBeNull();
    const damaged = {
      ...stored,
      config: { ok: false as const, problem: "notJson" as const, message: "" },
    };
    expect(comparableRun(damaged, config)).toBeNull();
  });

  it("a second run flags the customer whose spend fell, adds the Change column and reports the movement", async () => {
    const before = await tiersRun();
    const previous = monitorRun({
      table: before.table,
      method: "tiers",
      result: before.segmented.result,
      previous: null,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: before.config.savedAt,
      t: keyT,
    });
    expect(previous.comparison).toBeNull();
    const tierBefore = before.segmented.result.columns[0].values;
    const top = tierBefore.indexOf("High");
    // The top customer's spend drops to nothing: from High to Low.
    const after = await tiersRun((rows) => (rows[top + 1][5] = 0), "2026-11-01T00:00:00.000Z");
    const monitored = monitorRun({
      table: after.table,
      method: "tiers",
      result: after.segmented.result,
      previous: previous.current.snapshot,
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
      previous.current.snapshot
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
    const { workbook, table, segmented } = await tiersRun();
    const snapshot = monitorRun({
      table,
      method: "tiers",
      result: segmented.result,
      previous: null,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: "2026-10-01T00:00:00.000Z",
      t: keyT,
    }).current.snapshot;
    const monitored = monitorRun({
      table,
      method: "tiers",
      result: segmented.result,
      previous: snapshot,
      options: DEFAULT_SHARING_OPTIONS,
      savedAt: "2026-11-01T00:00:00.000Z",
      t: keyT,
    });
    const texts = { legendHeaders: DEFAULT_LEGEND_HEADERS, action: (key: string) => key };
    const pending = await prepareOutput(workbook, table, monitored.result, texts, {
      changeColumn: true,
    });
    const rules = pending.plan.fills.flatMap((fill) => fill.rules.map((rule) => rule.formula));
    expect(rules).toContain(`=LEFT($H2,1)="${WARNING_MARK}"`);
  });

  it("opens a workbook's store: options from a stored configuration, defaults beside a damaged one", async () => {
    const { workbook, config } = await tiersRun();
    await expect(openStoredRuns(workbook)).resolves.toEqual({
      stored: { config: null, runs: [], problems: [] },
      options: DEFAULT_SHARING_OPTIONS,
    });
    const saved = {
      ...config,
      autoOpen: true,
      monitoring: { keepRuns: 3, valueDropShare: 0.1, aliveDrop: 0.05 },
    };
    await saveRun(workbook, saved, [], {
      savedAt: saved.savedAt,
      labels: ["High"],
      customers: ["C1"],
      tiers: Uint8Array.of(0),
    });
    const opened = await openStoredRuns(workbook);
    expect(opened.stored.config).toEqual({ ok: true, config: saved });
    expect(opened.stored.runs).toHaveLength(1);
    expect(opened.options).toEqual({
      ...DEFAULT_SHARING_OPTIONS,
      valueDropPercent: 10,
      aliveDropPoints: 5,
      keepRuns: 3,
      autoOpen: true,
    });
    await updateStore(workbook, { [CONFIG_KEY]: '{"format":"someone else"}' });
    const damaged = await openStoredRuns(workbook);
    expect(damaged.stored.config).toMatchObject({ ok: false, problem: "foreign" });
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
    await expect(summarySheetInTheWay(workbook, "Segment summary")).resolves.toBeNull();
    await workbook.applyWritePlan({
      sheets: [{ name: "Segment summary" }],
      clear: [],
      values: [{ at: { sheet: "Segment summary", row: 1, column: 1 }, values: [["my notes"]] }],
      fills: [],
      settings: {},
    });
    await expect(summarySheetInTheWay(workbook, "segment SUMMARY")).resolves.toMatchObject({
      sheet: "Segment summary",
    });
    await workbook.writeSetting(SUMMARY_SHEET_SETTING, "Segment summary");
    await expect(summarySheetInTheWay(workbook, "Segment summary")).resolves.toBeNull();
  });
});
