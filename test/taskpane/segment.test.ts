import { FlowState, flowReducer, initialFlowState } from "../../src/taskpane/flow/flowState";
import { runSegmentation } from "../../src/taskpane/flow/segment";
import { localizeResult } from "../../src/taskpane/methods/localizeResult";
import { CustomerTable } from "../../src/taskpane/flow/customerTable";
import { MethodSettings } from "../../src/taskpane/methods/registry";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
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
