import { useCallback, useEffect, useRef, useState } from "react";
import type { SegmentationConfig } from "../core/sharing/config";
import { saveRun } from "../core/sharing/sharingActions";
import type { RunSnapshot } from "../core/sharing/snapshot";
import { planSummarySheet } from "../core/sharing/summarySheet";
import { SheetRange, WorkbookPort, WritePlan } from "../excel/workbookPort";
import { FlowState } from "./flow/flowState";
import {
  ChangeReport,
  MonitoredRun,
  SharingOptions,
  StoredRuns,
  changeReport,
  comparableRun,
  monitorRun,
} from "./flow/monitoring";
import { Problem, problem, problemOf } from "./flow/problems";
import { Segmented, Translate } from "./flow/segment";
import { configOfRun } from "./flow/storedConfig";
import {
  PendingOutput,
  SUMMARY_SHEET_SETTING,
  prepareOutput,
  summarySheetInTheWay,
  writeOutput,
} from "./flow/writeOutput";

/** A run checked and planned: the output, the summary sheet, and what is saved with the workbook. */
export interface PreparedRun {
  pending: PendingOutput;
  summary: WritePlan | null;
  config: SegmentationConfig;
  monitored: MonitoredRun;
  previous: RunSnapshot | null;
}

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
    }
  | { status: "stopped"; problem: Problem };

/** What the writer needs from the workbook's store: the runs kept, the options, and where to report a save. */
export interface RunKeeping {
  stored: StoredRuns;
  options: SharingOptions;
  onSaved: (config: SegmentationConfig, runs: RunSnapshot[]) => void;
}

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
  locale: string
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
      const { pending, summary, config, monitored, previous } = prepared;
      try {
        await writeOutput(workbook, pending, {
          signal: controller.signal,
          onProgress: (doneRows, totalRows) => setState({ status: "writing", doneRows, totalRows }),
        });
        if (summary) {
          await workbook.applyWritePlan(summary);
          await workbook.writeSetting(SUMMARY_SHEET_SETTING, summary.sheets?.[0].name ?? null);
        }
      } catch (error) {
        setState({ status: "stopped", problem: problemOf(error) });
        return;
      }
      let saveProblem: Problem | null = null;
      try {
        const runs = await saveRun(
          workbook,
          config,
          keeping.stored.runs,
          monitored.current.snapshot
        );
        keeping.onSaved(config, runs);
      } catch (error) {
        saveProblem = problem("runNotKept", { detail: problemDetail(error) }, "warning");
      }
      setState({
        status: "done",
        target: pending.target,
        legend: pending.legend,
        report:
          monitored.comparison && previous
            ? changeReport(monitored.comparison, monitored.current, previous)
            : null,
        saveProblem,
      });
    },
    [workbook, keeping]
  );

  const segment = useCallback(async () => {
    const { data, setup, table, settings } = flow;
    if (!data || !setup || !table || !settings || !segmented || !keeping) return;
    setState({ status: "checking" });
    try {
      const savedAt = new Date().toISOString();
      const config = configOfRun({
        data,
        setup,
        method: segmented.method,
        settings,
        table,
        options: keeping.options,
        locale,
        savedAt,
      });
      const previous = comparableRun(keeping.stored, config);
      const monitored = monitorRun({
        table,
        method: segmented.method,
        result: segmented.result,
        previous,
        options: keeping.options,
        savedAt,
        t,
      });
      const pending = await prepareOutput(
        workbook,
        table,
        monitored.result,
        {
          legendHeaders: {
            customers: t("legend.customers"),
            shareOfCustomers: t("legend.shareOfCustomers"),
            value: t("legend.value"),
            shareOfValue: t("legend.shareOfValue"),
            action: t("legend.action"),
          },
          action: (key) => t(key),
        },
        { changeColumn: monitored.comparison !== null }
      );
      let summary: WritePlan | null = null;
      if (keeping.options.summarySheet) {
        summary = planSummarySheet({
          tiers: segmented.result.tiers,
          comparison: monitored.comparison,
          translate: t,
        });
        const inTheWay = await summarySheetInTheWay(workbook, t("segmentSummary.sheetName"));
        if (inTheWay) pending.conflicts.push(inTheWay);
      }
      const prepared = { pending, summary, config, monitored, previous };
      if (pending.conflicts.length > 0) setState({ status: "confirm", prepared });
      else await write(prepared);
    } catch (error) {
      setState({ status: "stopped", problem: problemOf(error) });
    }
  }, [workbook, flow, segmented, keeping, t, locale, write]);

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

function problemDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
