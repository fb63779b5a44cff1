import { useCallback, useState } from "react";
import { CellScalar, SheetRange, WorkbookError, WorkbookPort } from "../excel/workbookPort";

export interface SelectedData {
  range: SheetRange;
  values: CellScalar[][];
}

export type LoadState =
  | { status: "idle" }
  | { status: "loading"; doneRows: number; totalRows: number }
  | { status: "loaded"; data: SelectedData }
  | { status: "failed"; error: WorkbookError };

function asWorkbookError(error: unknown): WorkbookError {
  return error instanceof WorkbookError
    ? error
    : new WorkbookError("unknown", error instanceof Error ? error.message : String(error));
}

/** Reads the user's selection (or the current region) through the workbook port, with progress. */
export function useSelectedData(workbook: WorkbookPort) {
  const [state, setState] = useState<LoadState>({ status: "idle" });

  const load = useCallback(
    async (which: "selection" | "currentRegion") => {
      setState({ status: "loading", doneRows: 0, totalRows: 0 });
      try {
        const range =
          which === "selection" ? await workbook.getSelection() : await workbook.getCurrentRegion();
        const values = await workbook.readValues(range, {
          onProgress: (doneRows, totalRows) => setState({ status: "loading", doneRows, totalRows }),
        });
        setState({ status: "loaded", data: { range, values } });
      } catch (error) {
        setState({ status: "failed", error: asWorkbookError(error) });
      }
    },
    [workbook]
  );

  return { state, load };
}
