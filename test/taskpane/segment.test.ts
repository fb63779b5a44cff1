import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { localizeResult } from "../../src/taskpane/methods/localizeResult";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { MethodSettings } from "../../src/taskpane/methods/registry";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { rfmSummary } from "../../src/core/summary/rfmSummary";
import { reasonCounts } from "../../src/taskpane/flow/quality";
import { readSelection } from "../../src/taskpane/flow/readSelection";
import { createSampleWorkbook } from "../../src/workbench/sampleWorkbook";
import { BAD_DATA, CUSTOMERS, TRANSACTIONS, keyT, sampleSelection, tierNames } from "./sample";

async function flow(range = CUSTOMERS) {
  const { data } = await sampleSelection(range);
  const state: FlowState = flowReducer({ summarySheet: "Customer summary", tierNames })(
    initialFlowState,
    { type: "loaded", data }
  );
  return { table: state.table as CustomerTable, settings: state.settings as MethodSettings };
}

describe("running a method for the preview", () => {
  it("segments the CDNOW sample by RFM into the eleven segments, every customer once", async () => {
    const { table, settings } = await flow();
    const { result, quality } = await runSegmentation(table, "rfm", settings, keyT);
    expect(result.tiers.map((tier) => tier.label)).toEqual(
      [
        "Champions",
        "Loyal Customers",
        "Potential Loyalist",
        "New Customers",
        "Promising",
        "Need Attention",
        "About To Sleep",
        "At Risk",
        "Can't Lose Them",
        "Hibernating",
        "Lost",
      ].map((name) => `segments.${name}`)
    );
    expect(result.tiers.reduce((sum, tier) => sum + tier.customers, 0)).toBe(2357);
    expect(result.columns.map((column) => column.header)).toEqual(
      ["R", "F", "M", "RFM", "Segment"].map((header) => `output.${header}`)
    );
    expect(quality).toEqual([
      {
        sheet: "Customers",
        dataRows: 2357,
        kept: 2357,
        blankRows: 0,
        leftOut: 0,
        keptRows: 0,
        refunds: 0,
        skipped: [],
        labels: table.labels,
      },
    ]);
  });

  it("tiers, scores and predicts on the same sample", async () => {
    const { table, settings } = await flow();
    const tiers = await runSegmentation(table, "tiers", settings, keyT);
    expect(tiers.result.tiers.map((tier) => tier.customers)).toEqual([472, 706, 1179]);
    const score = await runSegmentation(table, "score", settings, keyT);
    expect(score.result.columns.map((column) => column.header)).toEqual([
      "output.Score",
      "output.Tier",
    ]);
    const predictive = await runSegmentation(table, "predictive", settings, keyT);
    expect(predictive.result.columns.map((column) => column.header)).toEqual([
      "output.probabilityAlive",
      "output.expectedPurchases(count=12)",
      "output.predictedClv(count=12)",
      "output.Tier",
      "output.likelyLostHeader",
      "legend.action",
    ]);
    expect(predictive.result.tierColumn).toBe(3);
    expect(predictive.fitted?.likelyLost).toBeGreaterThan(0);
  });

  it("reports the transaction rows left out when summarising, then the customers", async () => {
    const { table, settings } = await flow(TRANSACTIONS);
    const { quality } = await runSegmentation(table, "rfm", settings, keyT);
    expect(quality.map((q) => [q.sheet, q.dataRows, q.kept])).toEqual([
      ["Transactions", 6787, 6787],
      ["Customer summary", 2357, 2357],
    ]);
  });

  it("uses a refund in a transaction table as CVA.RFMSUMMARY does, and says how", async () => {
    const workbook = createSampleWorkbook();
    // Transactions!D3: C00020's first purchase (363.60 on 1997-01-01) becomes a refund of 100.
    await workbook.applyWritePlan({
      clear: [],
      values: [{ at: { sheet: "Transactions", row: 2, column: 3 }, values: [[-100]] }],
      fills: [],
      settings: {},
    });
    workbook.select(TRANSACTIONS);
    const data = await readSelection(workbook, "selection");
    const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
      type: "loaded",
      data,
    });
    const table = state.table as CustomerTable;
    const { quality } = await runSegmentation(table, "rfm", state.settings as MethodSettings, keyT);
    expect(quality[0]).toMatchObject({ dataRows: 6787, kept: 6787, leftOut: 0, refunds: 1 });
    expect(quality[0].skipped).toEqual([{ sheetRow: 3, reason: "refund", column: 3, kept: true }]);
    expect(reasonCounts(quality[0])).toEqual({});
    // The customer's spend is net of it, as the formula gives it.
    const rows = data.values.slice(1);
    const formula = rfmSummary(
      rows.map((row) => row[0]),
      rows.map((row) => row[1]),
      rows.map((row) => row[3])
    );
    const c00020 = table.rows.findIndex((row) => row[0] === "C00020");
    expect(table.rows[c00020][5]).toBe(formula.total[c00020 - 1]);
    expect(table.summary?.modelInputs.monetary).toEqual(formula.monetary);
  });

  it("lists each bad row with its Excel row number and reason", async () => {
    const { table, settings } = await flow(BAD_DATA);
    const { quality } = await runSegmentation(table, "rfm", settings, keyT);
    expect(quality[0].skipped).toEqual([
      { sheetRow: 5, reason: "blank", column: 1 },
      { sheetRow: 7, reason: "text", column: 3 },
      { sheetRow: 9, reason: "negative", column: 3 },
      { sheetRow: 11, reason: "duplicateId", column: 0, repeats: 4 },
      { sheetRow: 13, reason: "error", column: 2 },
      { sheetRow: 15, reason: "blank", column: null },
      { sheetRow: 17, reason: "text", column: 1 },
    ]);
    expect(quality[0]).toMatchObject({ dataRows: 21, kept: 14, blankRows: 1 });
  });

  it("value tiers and score on Bad data: what each method leaves out, and the problems it keeps, by the same checks", async () => {
    const { table, settings } = await flow(BAD_DATA);
    const treatment = (quality: Awaited<ReturnType<typeof runSegmentation>>["quality"]) =>
      quality[0].skipped.map((row) => [row.sheetRow, row.reason, row.kept === true]);
    const tiers = await runSegmentation(table, "tiers", settings, keyT);
    // Value tiers read Monetary: row 9's negative spend is left out as RFM leaves it out; the blank recency (5),
    // the #N/A frequency (13) and the recency in words (17) are in columns tiers do not read, so those rows count.
    expect(treatment(tiers.quality)).toEqual([
      [5, "blank", true],
      [7, "text", false],
      [9, "negative", false],
      [11, "duplicateId", false],
      [13, "error", true],
      [15, "blank", false],
      [17, "text", true],
    ]);
    expect(tiers.quality[0]).toMatchObject({ dataRows: 21, kept: 17, leftOut: 4, keptRows: 3 });
    const score = await runSegmentation(table, "score", settings, keyT);
    expect(treatment(score.quality).filter(([, , kept]) => kept)).toEqual([]);
    expect(treatment(score.quality).map(([row]) => row)).toEqual([5, 7, 9, 11, 13, 15, 17]);
  });
});

describe("results in the user's language", () => {
  it("renames RFM segments consistently in the column, the tiers and so the colour rules", () => {
    const result = segmentCustomers(
      {
        rows: [
          ["Id", "R", "F", "M"],
          ["a", 1, 9, 900],
          ["b", 300, 1, 5],
        ],
        hasHeader: true,
      },
      { method: "rfm", recency: 1, frequency: 2, monetary: 3 }
    );
    const zh: Record<string, string> = { "segments.Lost": "已流失", "output.Segment": "细分" };
    const t = (key: string, options?: Record<string, unknown>) =>
      zh[key] ?? String(options?.defaultValue ?? key);
    const localized = localizeResult(result, t);
    expect(localized.columns[4].header).toBe("细分");
    const lostBefore = result.columns[4].values.indexOf("Lost");
    expect(localized.columns[4].values[lostBefore]).toBe("已流失");
    expect(localized.tiers.map((tier) => tier.label)).toContain("已流失");
    expect(localized.tiers.map((tier) => tier.label)).not.toContain("Lost");
  });
});

describe("one data check per column role, whichever method runs", () => {
  it.each(["rfm", "tiers", "score"] as const)(
    "%s on Bad data leaves out row 9 (a negative spend) and lists it",
    async (method) => {
      const { data } = await sampleSelection(BAD_DATA);
      const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
        type: "loaded",
        data,
      });
      const segmented = await runSegmentation(
        state.table as CustomerTable,
        method,
        state.settings as MethodSettings,
        keyT
      );
      const [quality] = segmented.quality;
      expect(quality.skipped).toContainEqual(
        expect.objectContaining({ sheetRow: 9, reason: "negative" })
      );
      const monetary = (state.table as CustomerTable).mapping.monetary as number;
      expect(quality.skipped.find((row) => row.sheetRow === 9)?.column).toBe(monetary);
      // Row 11 repeats B003 of row 4, which is kept.
      expect(quality.skipped).toContainEqual({
        sheetRow: 11,
        reason: "duplicateId",
        column: 0,
        repeats: 4,
      });
    }
  );
});
