import { useCallback, useEffect, useRef, useState } from "react";
import { SheetRange, WorkbookPort } from "../core/workbook/workbookPort";
import { FlowState } from "./flow/flowState";
import { ChangeReport } from "./flow/monitoring";
import { Problem, problem, problemOf } from "./flow/problems";
import { Segmented, Translate } from "./flow/segment";
import { PreparedRun, RunKeeping, commitRun, prepareRun } from "./flow/segmentRun";

export type { PreparedRun, RunKeeping } from "./flow/segmentRun";

export type WriterState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "confirm"; prepared: PreparedRun }
  | { status: "writing"; doneRows: number; totalRows: number }
  | {
      status: "done";
      target: SheetRange;
      legend: SheetRange;
      /** Changes since the previous run; null on a first run (or one not comparable with the last). */
      report: ChangeReport | null;
      /** Why the run could not be kept for monitoring (the output itself is written). */
      saveProblem: Problem | null;
      /** What the method's report sheet flags since the previous run (a drop in pooled retention). */
      note: Problem | null;
      /** Not compared: the settings changed since the previous run, and this run starts anew. */
      newBaseline: boolean;
    }
  | { status: "stopped"; problem: Problem };

/**
 * Segment: plan the output (with the Change column when there is a run to compare with) and the summary sheet, ask
 * before overwriting cells that are not ours, then write with progress and Cancel, and keep the run in the workbook.
 * Nothing is written until the user has agreed to every overwrite: Office.js has no undo.
 */
export function useSegmentWriter(
  workbook: WorkbookPort,
  flow: FlowState,
  segmented: Segmented | null,
  keeping: RunKeeping | null,
  t: Translate,
  locale: string,
  /** The stored analysis the data was opened from, which the run updates. */
  opened?: string
) {
  const [state, setState] = useState<WriterState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  // A new result makes the last message stale.
  useEffect(() => setState((s) => (s.status === "writing" ? s : { status: "idle" })), [segmented]);

  const write = useCallback(
    async (prepared: PreparedRun) => {
      if (!keeping) return;
      const controller = new AbortController();
      abort.current = controller;
      setState({ status: "writing", doneRows: 0, totalRows: 0 });
      try {
        const { report, saveProblem, note, newBaseline } = await commitRun(prepared, keeping, {
          signal: controller.signal,
          onProgress: (doneRows, totalRows) => setState({ status: "writing", doneRows, totalRows }),
        });
        const { target, legend } = prepared.pending;
        setState({ status: "done", target, legend, report, saveProblem, note, newBaseline });
      } catch (error) {
        setState({ status: "stopped", problem: problemOf(error) });
      }
    },
    [keeping]
  );

  const segment = useCallback(async () => {
    if (!segmented || !keeping) return;
    setState({ status: "checking" });
    try {
      const prepared = await prepareRun(workbook, flow, segmented, keeping, t, locale, opened);
      if (!prepared) setState({ status: "idle" });
      else if (prepared.pending.conflicts.length > 0) setState({ status: "confirm", prepared });
      else await write(prepared);
    } catch (error) {
      setState({ status: "stopped", problem: problemOf(error) });
    }
  }, [workbook, flow, segmented, keeping, t, locale, opened, write]);

  const confirm = useCallback(() => {
    if (state.status === "confirm") void write(state.prepared);
  }, [state, write]);
  const decline = useCallback(
    () => setState({ status: "stopped", problem: problem("declined", undefined, "info") }),
    []
  );
  const cancel = useCallback(() => abort.current?.abort(), []);

  return { state, segment, confirm, decline, cancel };
}
