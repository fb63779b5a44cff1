import { phrase } from "../../src/core/messages/catalogue";
import { storedRanges } from "../../src/core/segmentation/ownership";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { planSegmentationOutput } from "../../src/core/segmentation/writePlan";
import { replacePreviousOutput } from "../../src/core/segmentation/ownership";
import { serializeConfig } from "../../src/core/sharing/config";
import { IdTable, placeRun } from "../../src/core/sharing/snapshot";
import { planSummarySheet } from "../../src/core/sharing/summarySheet";
import { AUTO_OPEN_SETTING } from "../../src/core/workbook/workbookPort";
import { DEFAULT_SHARING_OPTIONS } from "../../src/taskpane/flow/monitoring";
import { LEGACY_SETTINGS, historyPrefix } from "../../src/taskpane/flow/runStore";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import { SegmentationConfig } from "../../src/taskpane/flow/storedConfig";
import { legacySnapshots } from "../sharing/runFixtures";
import { CUSTOMERS, click, keepingOf, keyT, prepareClick, sampleSelection } from "./sample";

/** What the first version left after value tiers on the sample: output and legend, ownership in settings. */
async function firstVersionWorkbook() {
  const { workbook, data } = await sampleSelection(CUSTOMERS);
  const result = segmentCustomers(
    { rows: data.values, hasHeader: true, customer: 0 },
    { method: "tiers", column: 5 }
  );
  const plan = planSegmentationOutput(CUSTOMERS, true, result);
  await workbook.applyWritePlan(replacePreviousOutput([], plan));
  const summary = planSummarySheet({ tiers: result.tiers, comparison: null, translate: keyT });
  await workbook.applyWritePlan(summary);
  await workbook.writeSetting(
    LEGACY_SETTINGS.owned,
    JSON.stringify({ v: 1, ranges: storedRanges(plan.owned) })
  );
  await workbook.writeSetting(LEGACY_SETTINGS.summarySheet, summary.sheets?.[0].name ?? "");
  await workbook.writeSetting(AUTO_OPEN_SETTING, "true");
  const config: SegmentationConfig = {
    format: "cva.segmentation.config",
    version: 1,
    range: { sheet: "Customers", address: "A1:F2358" },
    hasHeader: true,
    kind: "customers",
    columns: { customer: 0, recency: 3, frequency: 4, monetary: 5 },
    method: {
      method: "tiers",
      column: 5,
      cutoffs: [0.2, 0.5],
      labels: ["High", "Medium", "Low"],
      basis: "customers",
    },
    palette: "sunset",
    asOfDate: null,
    locale: "en-US",
    autoOpen: true,
    monitoring: { keepRuns: 12, valueDropShare: 0.25, aliveDrop: 0.2 },
    savedAt: "2026-10-01T00:00:00.000Z",
  };
  const table = new IdTable();
  const ids = data.values.slice(1).map((row) => row[0]);
  const run = placeRun(table, result, ids, config.savedAt).run;
  await new StoreSession(workbook).update({
    "cva.segmentation.config": serializeConfig(config),
    "cva.segmentation.snapshots": legacySnapshots(table, [run]),
  });
  return { workbook, plan, config };
}

describe("the pane's store", () => {
  it("reads a first-version workbook, with its ownership in settings, as one analysis", async () => {
    const { workbook, plan, config } = await firstVersionWorkbook();
    const keeping = await keepingOf(workbook);
    expect(keeping.stored.problems).toEqual([]);
    expect(keeping.stored.legacySettings.sort()).toEqual(Object.values(LEGACY_SETTINGS).sort());
    const [analysis] = keeping.stored.analyses;
    expect(analysis.config).toEqual({ ok: true, config });
    expect(analysis.output).toEqual({
      owned: plan.owned,
      summarySheet: "segmentSummary.sheetName",
      customerSheet: null,
      reportSheet: null,
    });
    expect(analysis.history.runs.map((run) => run.customers)).toEqual([2357]);
    expect(keeping.options).toEqual({ ...DEFAULT_SHARING_OPTIONS, autoOpen: true });

    // Its output is the analysis's: a run replaces it without asking, and compares with its kept run.
    const { prepared } = await prepareClick(workbook, keeping, "tiers");
    expect(prepared.pending.conflicts).toEqual([]);
    expect(prepared.previous).not.toBeNull();
  });

  it("moves a first-version workbook into the store on the next run: the settings keep only the auto-open tag", async () => {
    const { workbook, plan } = await firstVersionWorkbook();
    const keeping = await keepingOf(workbook);
    const { prepared, committed } = await click(workbook, keeping, "rfm");
    expect(committed.saveProblem).toBeNull();
    expect(workbook.settingKeys()).toEqual([AUTO_OPEN_SETTING]);
    const { entries } = await new StoreSession(workbook).read();
    expect([...entries.keys()].filter((key) => key.startsWith("cva.segmentation"))).toEqual([]);
    expect(entries.has(`${historyPrefix("a1")}.runs`)).toBe(true);

    // Reopened, the workbook has the one analysis with this run's output, and both runs.
    const reopened = await keepingOf(workbook);
    expect(reopened.stored.legacySettings).toEqual([]);
    const [analysis] = reopened.stored.analyses;
    expect(analysis.output.owned).toEqual(prepared.pending.owned);
    expect(analysis.history.runs.map((run) => run.savedAt)).toEqual([
      "2026-10-01T00:00:00.000Z",
      prepared.config.savedAt,
    ]);
    // The first version's output was replaced without asking: its Tier column holds RFM's R now.
    expect(prepared.pending.conflicts).toEqual([]);
    expect(workbook.cell("Customers", 0, plan.target.column)).toBe("output.R");
  });

  it("sets aside a first-version record of the output that cannot be read, and checks every cell", async () => {
    const { workbook } = await firstVersionWorkbook();
    await workbook.writeSetting(LEGACY_SETTINGS.owned, "{not json");
    const keeping = await keepingOf(workbook);
    expect(keeping.stored.problems).toEqual([phrase("store.outputUnusable")]);
    expect(keeping.stored.analyses[0].output.owned).toEqual([]);
    const { prepared } = await prepareClick(workbook, keeping, "tiers");
    expect(prepared.pending.conflicts.length).toBeGreaterThan(0);
  });
});
