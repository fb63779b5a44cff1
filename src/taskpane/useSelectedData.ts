import { useCallback, useEffect, useRef, useState } from "react";
import type { OpenedAnalysis } from "./flow/runStore";
import { SheetRange, WorkbookPort } from "../core/workbook/workbookPort";
import { Problem, problemOf } from "./flow/problems";
import { SelectedData, readSelection } from "./flow/readSelection";

export type LoadState =
  | { status: "idle" }
  | { status: "loading"; doneRows: number; totalRows: number }
  /**
   * `read` counts the reads, so the steps after this one start afresh for each; `opened` is the stored analysis
   * whose data this is (Open, Run again).
   */
  | { status: "loaded"; data: SelectedData; read: number; opened?: OpenedAnalysis }
  | { status: "failed"; problem: Problem };

/** What to read: the selection, the current region, or a range (a stored analysis's, or one the pane wrote). */
export type DataSource =
  "selection" | "currentRegion" | { range: SheetRange; opened?: OpenedAnalysis };

/**
 * Reads the user's selection (or the current region, less the analyses' `outputs` in it) through the workbook port,
 * with progress and Cancel.
 */
export function useSelectedData(workbook: WorkbookPort, outputs: readonly SheetRange[]) {
  const [state, setState] = useState<LoadState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const reads = useRef(0);
  const latestOutputs = useRef(outputs);
  useEffect(() => {
    latestOutputs.current = outputs;
  }, [outputs]);

  const load = useCallback(
    async (source: DataSource) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ status: "loading", doneRows: 0, totalRows: 0 });
      try {
        const which = typeof source === "string" ? source : source.range;
        const data = await readSelection(
          workbook,
          which,
          {
            signal: controller.signal,
            onProgress: (doneRows, totalRows) =>
              setState({ status: "loading", doneRows, totalRows }),
          },
          latestOutputs.current
        );
        const opened = typeof source === "string" ? undefined : source.opened;
        setState({ status: "loaded", data, read: ++reads.current, opened });
      } catch (error) {
        setState({ status: "failed", problem: problemOf(error) });
      }
    },
    [workbook]
  );
  const cancel = useCallback(() => abort.current?.abort(), []);

  return { state, load, cancel };
}
