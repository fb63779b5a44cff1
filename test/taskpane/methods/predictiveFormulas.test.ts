/**
 * The pane computes what the formulas compute (issue 9, item 5). On the workbench's bundled Transactions sheet, the
 * predictive method's P(alive) and predicted CLV per customer equal the chain a user would type into Excel —
 * CVA.RFMSUMMARY → CVA.<model fit> → CVA.GAMMAGAMMA → CVA.PALIVE / CVA.PREDICTEDCLV — evaluated by HyperFormula,
 * within 1e-9 relative, for every registered transaction model: the pane fits on exactly the summary the formula
 * gives (repeat purchase days, recency, T, mean spend of the repeat days), with no detour through marketing RFM.
 */
import { TRANSACTION_MODELS } from "../../../src/core/models/registry";
import { CustomerTable } from "../../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../../src/taskpane/flow/flowState";
import { runSegmentation } from "../../../src/taskpane/flow/segment";
import { MethodSettings } from "../../../src/taskpane/methods/registry";
import { buildSheet, withCustomFunctions } from "../../functions/hyperformulaHarness";
import { TRANSACTIONS, keyT, sampleSelection, tierNames } from "../sample";

/** The fitting function of each model, as a user types it. */
const FIT_FUNCTION: Record<string, string> = {
  "BG/NBD": "CVA.BGNBD",
  "MBG/NBD": "CVA.MBGNBD",
  "Pareto/NBD": "CVA.PARETONBD",
};

withCustomFunctions();

function expectRelative(actual: unknown, expected: unknown, what: string): void {
  if (typeof actual !== "number" || typeof expected !== "number")
    throw new Error(`${what}: ${String(actual)} against ${String(expected)}`);
  const scale = Math.max(Math.abs(expected), 1e-300);
  if (Math.abs(actual - expected) / scale > 1e-9)
    throw new Error(`${what}: ${actual} differs from ${expected} by more than 1e-9 relative`);
}

describe("the pane's predictions equal the formulas' on the bundled Transactions sheet", () => {
  it.each(TRANSACTION_MODELS.map((model) => [model.id] as const))("%s", async (model) => {
    const { data } = await sampleSelection(TRANSACTIONS);
    const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
      type: "loaded",
      data,
    });
    const table = state.table as CustomerTable;
    expect(state.setup?.kind).toBe("transactions");
    const settings = state.settings as MethodSettings;
    const pane = await runSegmentation(
      table,
      "predictive",
      { ...settings, predictive: { ...settings.predictive, model, months: 12 } },
      keyT
    );
    const [alive, , clv] = pane.result.columns.map((column) => column.values);
    const customers = table.rows.length - 1;

    // The sheet: transactions in A:D, the summary spilled from F1 (customer, frequency, recency, T, monetary, …), the
    // fits in P1 and P2, the predictions per customer in Q and R.
    const last = data.values.length;
    const rows: unknown[][] = data.values.map((row) => [...row]);
    rows[0].push(null, `=CVA.RFMSUMMARY(A2:A${last}, B2:B${last}, D2:D${last})`);
    const [F, R, T, M] = ["G", "H", "I", "J"].map((c) => `${c}2:${c}${customers + 1}`);
    rows[0][15] = `=${FIT_FUNCTION[model]}(${F}, ${R}, ${T})`;
    rows[1][15] = `=CVA.GAMMAGAMMA(${F}, ${M})`;
    rows[2][15] = `=CVA.PALIVE(${F}, ${R}, ${T}, P1:T1)`;
    rows[2][16] = `=CVA.PREDICTEDCLV(${F}, ${R}, ${T}, ${M}, P1:T1, P2:S2, 12, 0.01, "D")`;
    const hf = buildSheet(rows);
    const cell = (row: number, column: number) => hf.getCellValue({ sheet: 0, row, col: column });

    // The same customers in the same order: the pane's summary is the formula's.
    for (let k = 0; k < customers; k++) expect(table.rows[k + 1][0]).toBe(cell(k + 1, 5));
    expect(cell(0, 15)).toBe(model);
    for (let k = 0; k < customers; k++) {
      expectRelative(alive[k], cell(2 + k, 15), `P(alive) of ${String(table.rows[k + 1][0])}`);
      expectRelative(clv[k], cell(2 + k, 16), `predicted CLV of ${String(table.rows[k + 1][0])}`);
    }
    hf.destroy();
  });
});
