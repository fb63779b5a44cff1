import type { CellValue } from "../../src/core/cells";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Papa from "papaparse";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { replacePreviousOutput } from "../../src/core/segmentation/ownership";
import { planSegmentationOutput } from "../../src/core/segmentation/writePlan";
import {
  changeColumnValues,
  changeFill,
  withChangeColumn,
} from "../../src/core/sharing/changeColumn";
import { compareRuns } from "../../src/core/sharing/compareRuns";
import type { Translate } from "../../src/core/sharing/sharingText";
import { emptyHistory, planHistorySave } from "../../src/core/sharing/runHistory";
import { placeRun } from "../../src/core/sharing/snapshot";
import { planSummarySheet } from "../../src/core/sharing/summarySheet";
import { ANALYSES_KEY, historyPrefix, indexText } from "../../src/taskpane/flow/runStore";
import { StoreSession } from "../../src/taskpane/flow/storeSession";
import type { SegmentationConfig } from "../../src/taskpane/flow/storedConfig";
import { createI18n } from "../../src/taskpane/i18n";
import { MemoryWorkbook } from "../../src/workbench/memoryWorkbook";

export const SAMPLE_ROWS = 300;

/** The pane's own i18next: its words (the recommended actions) with the sharing texts merged in. */
export function paneTranslator(locale: "en-US" | "zh-CN"): Translate {
  const i18n = createI18n(locale);
  return (key, params) => i18n.t(key, params);
}

/** The first rows of the bundled CDNOW sample (Customer ID, First/Last purchase, Recency, Frequency, Monetary). */
export function sampleRows(): CellValue[][] {
  const text = readFileSync(
    resolve(__dirname, "../../src/workbench/sample/cdnow-customers.csv"),
    "utf8"
  );
  const parsed = Papa.parse<CellValue[]>(text.trim(), {
    dynamicTyping: true,
    skipEmptyLines: true,
  });
  return parsed.data.slice(0, SAMPLE_ROWS + 1);
}

export const CONFIG: SegmentationConfig = {
  format: "cva.segmentation.config",
  version: 1,
  range: { sheet: "Customers", address: `A1:F${SAMPLE_ROWS + 1}` },
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
  savedAt: "2026-11-20T09:30:00.000Z",
};

/**
 * A workbook after two runs of the pane on the sample: last month's tiers were by purchase count, this month's by
 * spend (so customers move both ways), written with the Change column, the summary sheet and the store, as the
 * pane does it. No add-in code is needed to show any of it.
 */
export async function segmentedSample() {
  const rows = sampleRows();
  const workbook = new MemoryWorkbook({ Customers: rows.map((row) => [...row]) });
  workbook.formatAsDate("Customers", 1);
  workbook.formatAsDate("Customers", 2);
  const ids = rows.slice(1).map((row) => row[0]);
  const table = { rows, hasHeader: true, customer: 0 };
  const lastMonth = segmentCustomers(table, { method: "tiers", column: 4 });
  const thisMonth = segmentCustomers(table, { method: "tiers", column: 5 });
  const history = emptyHistory();
  const previous = placeRun(history.table, lastMonth, ids, "2026-10-20T09:30:00.000Z");
  const current = placeRun(history.table, thisMonth, ids, CONFIG.savedAt);
  const comparison = compareRuns(previous.run, current, history.table);
  const t = paneTranslator("en-US");
  const result = withChangeColumn(
    thisMonth,
    changeColumnValues(comparison, current, rows.length - 1, t),
    t("change.header")
  );
  const selection = {
    sheet: "Customers",
    row: 0,
    column: 0,
    rowCount: rows.length,
    columnCount: 6,
  };
  const plan = planSegmentationOutput(selection, true, result, { translate: t });
  const writePlan = replacePreviousOutput([], plan);
  writePlan.fills.push(changeFill(plan));
  await workbook.applyWritePlan(writePlan);
  await workbook.applyWritePlan(
    planSummarySheet({ tiers: thisMonth.tiers, comparison, translate: t })
  );
  // The store as two runs of the pane leave it: the analysis, its output, and both runs.
  const prefix = historyPrefix("a1");
  const first = planHistorySave(new Map(), prefix, history, previous, 12);
  const second = planHistorySave(new Map(), prefix, first.history, current, 12);
  const output = {
    owned: plan.owned,
    summarySheet: t("segmentSummary.sheetName"),
    customerSheet: null,
    reportSheet: null,
  };
  await new StoreSession(workbook).update({
    ...first.changes,
    ...second.changes,
    [ANALYSES_KEY]: indexText([
      { id: "a1", config: { ok: true, config: CONFIG }, stored: CONFIG, output },
    ]),
  });
  return { workbook, rows, result, comparison };
}
