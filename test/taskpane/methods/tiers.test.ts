import { flowReducer, initialFlowState } from "../../../src/taskpane/flow/flowState";
import { CustomerTable, valueColumns } from "../../../src/taskpane/flow/customerTable";
import { MethodSettings } from "../../../src/taskpane/methods/registry";
import { CUSTOMERS, sampleSelection, tierNames } from "../sample";

async function tableOf(columnCount: number) {
  const { data } = await sampleSelection({ ...CUSTOMERS, columnCount });
  const state = flowReducer({ summarySheet: "Customer summary", tierNames })(initialFlowState, {
    type: "loaded",
    data,
  });
  return { table: state.table as CustomerTable, settings: state.settings as MethodSettings };
}

describe("value tiers never rank a date", () => {
  it("without a money column, proposes the first number that is not a date (Recency, not First purchase)", async () => {
    const { table, settings } = await tableOf(4);
    expect(table.mapping.monetary).toBeUndefined();
    expect(table.dateColumns).toEqual([1, 2]);
    expect(table.numericColumns).toEqual([1, 2, 3]);
    expect(settings.tiers.column).toBe(3);
    expect(valueColumns(table)).toEqual([3]);
  });

  it("with only dates besides the ids, proposes nothing and asks for a column", async () => {
    const { table, settings } = await tableOf(3);
    expect(valueColumns(table)).toEqual([]);
    expect(settings.tiers.column).toBeUndefined();
  });
});
