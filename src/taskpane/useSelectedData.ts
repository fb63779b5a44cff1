import { useCallback, useRef, useState } from "react";
import type { SegmentationConfig } from "./flow/storedConfig";
import { SheetRange, WorkbookPort } from "../core/workbook/workbookPort";
import { Problem, problemOf } from "./flow/problems";
import { SelectedData, readSelection } from "./flow/readSelection";

export type LoadState =
  | { status: "idle" }
  | { status: "loading"; doneRows: number; totalRows: number }
  /**
   * `read` counts the reads, so the steps after this one start afresh for each; `restore` is the stored
   * configuration when the read was "Run again".
   */
  | { status: "loaded"; data: SelectedData; read: number; restore?: SegmentationConfig }
  | { status: "failed"; problem: Problem };

/** What to read: the selection, the current region, or a range (a stored configuration's, or one the pane wrote). */
export type DataSource =
  "selection" | "currentRegion" | { range: SheetRange; restore?: SegmentationConfig };

/** Reads the user's selection (or the current region) through the workbook port, with progress and Cancel. */
export function useSelectedData(workbook: WorkbookPort) {
  const [state, setState] = useState<LoadState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const reads = useRef(0);

  const load = useCallback(
    async (source: DataSource) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ status: "loading", doneRows: 0, totalRows: 0 });
      try {
        const which = typeof source === "string" ? source : source.range;
        const data = await readSelection(workbook, which, {
          signal: controller.signal,
          onProgress: (doneRows, totalRows) => setState({ status: "loading", doneRows, totalRows }),
        });
        const restore = typeof source === "string" ? undefined : source.restore;
        setState({ status: "loaded", data, read: ++reads.current, restore });
      } catch (error) {
        setState({ status: "failed", problem: problemOf(error) });
      }
    },
    [workbook]
  );
  const cancel = useCallback(() => abort.current?.abort(), []);

  return { state, load, cancel };
}
