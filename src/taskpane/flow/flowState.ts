import { CustomerTable, customerTable, dataRowCount } from "./customerTable";
import { MethodName, MethodSettings, adaptSettings } from "../methods/registry";
import { Problem, problem, problemOf } from "./problems";
import type { SelectedData } from "./readSelection";
import { TableSetup, detectSetup, unmappedRoles } from "./tableSetup";
import type { TierNames } from "./tierChoice";

/** Everything the user has chosen so far, for one selection. */
export interface FlowState {
  data: SelectedData | null;
  setup: TableSetup | null;
  /** The customers to segment; null until data is read, or when the setup does not make a table. */
  table: CustomerTable | null;
  /** Why there is no table, or why it cannot be segmented (a header without rows, unmapped columns). */
  tableProblems: Problem[];
  method: MethodName;
  settings: MethodSettings | null;
}

export type FlowAction =
  | { type: "loaded"; data: SelectedData }
  | { type: "setup"; setup: TableSetup }
  | { type: "method"; method: MethodName }
  | { type: "settings"; settings: MethodSettings };

export interface FlowEnvironment {
  /** Where a transaction table's customer summary goes, in the user's language. */
  summarySheet: string;
  tierNames: TierNames;
}

export const initialFlowState: FlowState = {
  data: null,
  setup: null,
  table: null,
  tableProblems: [],
  method: "rfm",
  settings: null,
};

/**
 * The pane's state as a pure reducer, so every step can be tested without a browser. A new selection starts
 * from detection; a changed setup rebuilds the table and keeps what the user set that still fits it.
 */
export function flowReducer(environment: FlowEnvironment) {
  return (state: FlowState, action: FlowAction): FlowState => {
    switch (action.type) {
      case "loaded":
        return withTable(
          { ...state, data: action.data, settings: null },
          detectSetup(action.data),
          environment
        );
      case "setup":
        return state.data ? withTable(state, action.setup, environment) : state;
      case "method":
        return { ...state, method: action.method };
      case "settings":
        return { ...state, settings: action.settings };
    }
  };
}

function withTable(state: FlowState, setup: TableSetup, environment: FlowEnvironment): FlowState {
  const data = state.data as SelectedData;
  const problems: Problem[] = [];
  const headerOnly = setup.hasHeader && data.values.length <= 1;
  if (headerOnly) problems.push(problem("headerOnly"));
  const missing = unmappedRoles(setup).filter(
    (role) => setup.kind === "transactions" || role === "customer"
  );
  if (!headerOnly && missing.length > 0)
    problems.push(
      problem(
        "unmapped",
        { roles: missing.join(",") },
        setup.kind === "transactions" ? "error" : "info"
      )
    );
  let table: CustomerTable | null = null;
  if (!problems.some((p) => p.intent === "error")) {
    try {
      table = customerTable(data, setup, environment.summarySheet);
      if (dataRowCount(table) === 0) problems.push(problem("noRows"));
    } catch (error) {
      problems.push(problemOf(error));
    }
  }
  return {
    ...state,
    setup,
    table,
    tableProblems: problems,
    settings: table ? adaptSettings(state.settings, table, environment.tierNames) : null,
  };
}
