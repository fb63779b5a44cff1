import { useCallback, useEffect, useRef, useState } from "react";
import { SheetRange, WorkbookPort } from "../excel/workbookPort";
import { CustomerTable } from "./flow/customerTable";
import { Problem, problem, problemOf } from "./flow/problems";
import { Segmented, Translate } from "./flow/segment";
import { PendingOutput, prepareOutput, writeOutput } from "./flow/writeOutput";

export type WriterState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "confirm"; pending: PendingOutput }
  | { status: "writing"; doneRows: number; totalRows: number }
  | { status: "done"; target: SheetRange; legend: SheetRange }
  | { status: "stopped"; problem: Problem };

/**
 * Segment: plan the output, ask before overwriting cells that are not ours, then write with progress and Cancel.
 * Nothing is written until the user has agreed to every overwrite: Office.js has no undo.
 */
export function useSegmentWriter(
  workbook: WorkbookPort,
  table: CustomerTable | null,
  segmented: Segmented | null,
  t: Translate
) {
  const [state, setState] = useState<WriterState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  // A new result makes the last message stale.
  useEffect(() => setState((s) => (s.status === "writing" ? s : { status: "idle" })), [segmented]);

  const write = useCallback(
    async (pending: PendingOutput) => {
      const controller = new AbortController();
      abort.current = controller;
      setState({ status: "writing", doneRows: 0, totalRows: 0 });
      try {
        await writeOutput(workbook, pending, {
          signal: controller.signal,
          onProgress: (doneRows, totalRows) => setState({ status: "writing", doneRows, totalRows }),
        });
        setState({ status: "done", target: pending.target, legend: pending.legend });
      } catch (error) {
        setState({ status: "stopped", problem: problemOf(error) });
      }
    },
    [workbook]
  );

  const segment = useCallback(async () => {
    if (!table || !segmented) return;
    setState({ status: "checking" });
    try {
      const pending = await prepareOutput(workbook, table, segmented.result, {
        legendHeaders: {
          customers: t("legend.customers"),
          shareOfCustomers: t("legend.shareOfCustomers"),
          value: t("legend.value"),
          shareOfValue: t("legend.shareOfValue"),
          action: t("legend.action"),
        },
        action: (key) => t(key),
      });
      if (pending.conflicts.length > 0) setState({ status: "confirm", pending });
      else await write(pending);
    } catch (error) {
      setState({ status: "stopped", problem: problemOf(error) });
    }
  }, [workbook, table, segmented, t, write]);

  const confirm = useCallback(() => {
    if (state.status === "confirm") void write(state.pending);
  }, [state, write]);
  const decline = useCallback(
    () => setState({ status: "stopped", problem: problem("declined", undefined, "info") }),
    []
  );
  const cancel = useCallback(() => abort.current?.abort(), []);

  return { state, segment, confirm, decline, cancel };
}
