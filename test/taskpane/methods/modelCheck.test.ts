/**
 * Check the model on the workbench's bundled Transactions sheet (2,357 CDNOW customers, 1997-01-01 … 1998-06-30),
 * through the pane's own steps: the default split, the guardrails that stop a run, and what a run writes.
 */
import { excelSerial } from "../../../src/core/cdnow/cdnowMaster";
import { CustomerTable } from "../../../src/taskpane/flow/customerTable";
import { flowReducer, initialFlowState } from "../../../src/taskpane/flow/flowState";
import { runSegmentation } from "../../../src/taskpane/flow/segment";
import { createI18n } from "../../../src/taskpane/i18n";
import { MIN_CUSTOMERS, MIN_HOLDOUT_DAYS } from "../../../src/taskpane/methods/modelCheck";
import { methodProblems, MethodSettings } from "../../../src/taskpane/methods/registry";
import { CUSTOMERS, TRANSACTIONS, sampleSelection, tierNames } from "../sample";

const i18n = createI18n("en-US");
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);
const reduce = flowReducer({ summarySheet: "Customer summary", tierNames });

async function loaded(range = TRANSACTIONS) {
  const { data } = await sampleSelection(range);
  const state = reduce(initialFlowState, { type: "loaded", data });
  return { table: state.table as CustomerTable, settings: state.settings as MethodSettings };
}

const withDates = (settings: MethodSettings, calibrationEnd: number, observationEnd: number) => ({
  ...settings,
  modelCheck: { calibrationEnd, observationEnd },
});

describe("Check the model in the pane", () => {
  it("proposes the last third of the log's period as the holdout", async () => {
    const { settings } = await loaded();
    const [first, last] = [excelSerial(1997, 1, 1), excelSerial(1998, 6, 30)];
    expect(settings.modelCheck).toEqual({
      calibrationEnd: first + Math.round((2 * (last - first)) / 3),
      observationEnd: last,
    });
  });

  it("asks for a transaction log, and for dates in order", async () => {
    const customers = await loaded(CUSTOMERS);
    expect(methodProblems("modelCheck", customers.settings, customers.table)).toEqual([
      { key: "modelCheckNeedsTransactions", intent: "error" },
    ]);
    const { table, settings } = await loaded();
    const reversed = withDates(settings, excelSerial(1998, 1, 1), excelSerial(1997, 6, 1));
    expect(methodProblems("modelCheck", reversed, table)).toEqual([
      { key: "modelCheckDates", intent: "error" },
    ]);
  });

  it("refuses a holdout too short to judge and a calibration with too few customers, saying how many", async () => {
    const { table, settings } = await loaded();
    const short = withDates(settings, excelSerial(1998, 6, 10), excelSerial(1998, 6, 30));
    expect(methodProblems("modelCheck", short, table)).toEqual([
      {
        key: "modelCheckShortHoldout",
        values: { days: 20, min: MIN_HOLDOUT_DAYS },
        intent: "error",
      },
    ]);
    // On 1997-01-01 only that day's first buyers are known.
    const early = withDates(settings, excelSerial(1997, 1, 1), excelSerial(1998, 6, 30));
    const [problem] = methodProblems("modelCheck", early, table);
    expect(problem.key).toBe("modelCheckFewCustomers");
    expect(problem.values?.customers).toBeLessThan(MIN_CUSTOMERS);
    expect(i18n.t(`problems.${problem.key}`, problem.values)).toMatch(
      /^Only \d+ customers bought by the calibration end: fitting the models needs at least 100\./
    );
  });

  it("writes each customer's holdout beside the summary, and plans the Model check sheet", async () => {
    const { table, settings } = await loaded();
    const split = withDates(settings, excelSerial(1997, 9, 30), excelSerial(1998, 6, 30));
    expect(methodProblems("modelCheck", split, table)).toEqual([]);
    const run = await runSegmentation(table, "modelCheck", split, t);
    const [actual, predicted, status] = run.result.columns;
    expect(actual.header).toBe("Holdout purchases");
    expect(predicted.header).toMatch(
      /^Predicted holdout purchases \((BG\/NBD|Pareto\/NBD|MBG\/NBD)\)$/
    );
    expect(run.result.tiers.map((tier) => tier.customers).reduce((a, b) => a + b, 0)).toBe(2357);
    // Every customer of the sample was first seen in the first quarter of 1997: all are in the check.
    expect(status.values.every((value) => value !== "New in holdout")).toBe(true);
    expect(actual.values.every((value) => typeof value === "number" && value >= 0)).toBe(true);
    const report = run.report!;
    expect(report.sheet).toBe("Model check");
    const { plan } = report.plan(null, "en-US");
    expect(plan.sheets).toEqual([{ name: "Model check", replace: true }]);
    expect(plan.charts?.map((chart) => chart.type)).toEqual(["line", "columnClustered"]);
  });
});
