import { Divider, makeStyles } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { OpenedAnalysis } from "../flow/runStore";
import { WorkbookPort } from "../../core/workbook/workbookPort";
import { SharingOptions, optionsValid } from "../flow/monitoring";
import { SelectedData } from "../flow/readSelection";
import { addresses } from "../flow/writeOutput";
import { useSegmentationFlow } from "../useSegmentationFlow";
import { RunKeeping } from "../useSegmentWriter";
import { ChangeReport } from "./ChangeReport";
import { ConsentDialog } from "./ConsentDialog";
import { MappingPanel } from "./MappingPanel";
import { MethodPanel } from "./MethodPanel";
import { MonitoringSettings } from "./MonitoringSettings";
import { PreviewPanel } from "./PreviewPanel";
import { SegmentButton } from "./SegmentButton";

const useStyles = makeStyles({ divider: { flexGrow: 0 } });

/**
 * Everything after the data is read: columns, method, preview, monitoring, Segment and what changed since the last
 * run. Loaded on demand (the pane opens with the selection step only), and mounted afresh for each selection read.
 * Data of an opened analysis starts from its stored configuration; with Run again it is segmented as soon as its
 * preview is ready.
 */
export function SegmentationSteps({
  workbook,
  data,
  opened,
  keeping,
  onOptions,
  onWritingChange,
}: {
  workbook: WorkbookPort;
  data: SelectedData;
  /** The stored analysis whose data this is (Open, Run again). */
  opened?: OpenedAnalysis;
  /** Null while the workbook's store is being read. */
  keeping: RunKeeping | null;
  onOptions: (options: SharingOptions) => void;
  /** Tells the pane when a write starts and ends, so nothing reloads the data meanwhile. */
  onWritingChange?: (writing: boolean) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state, dispatch, problems, preview, writer, tierNames } = useSegmentationFlow(
    workbook,
    data,
    opened,
    keeping
  );
  const { setup, table, settings } = state;
  const customers =
    preview.status === "ready"
      ? preview.segmented.result.tiers.reduce((sum, tier) => sum + tier.customers, 0)
      : 0;
  const ready = preview.status === "ready" && keeping !== null && optionsValid(keeping.options);

  const writing = writer.state.status === "checking" || writer.state.status === "writing";
  useEffect(() => onWritingChange?.(writing), [writing, onWritingChange]);
  useEffect(() => () => onWritingChange?.(false), [onWritingChange]);

  const runAgain = useRef(opened?.run === true);
  useEffect(() => {
    if (!runAgain.current || keeping === null || preview.status === "running") return;
    runAgain.current = false;
    if (ready) void writer.segment();
  }, [ready, keeping, preview.status, writer]);

  return (
    <>
      {setup && (
        <>
          <Divider className={styles.divider} />
          <MappingPanel
            data={data}
            setup={setup}
            problems={state.tableProblems}
            summarySheet={t("summary.sheetName")}
            onChange={(next) => dispatch({ type: "setup", setup: next })}
          />
        </>
      )}
      {table && settings && (
        <>
          <Divider className={styles.divider} />
          <MethodPanel
            table={table}
            method={state.method}
            settings={settings}
            problems={problems}
            tierNames={tierNames}
            onMethod={(method) => dispatch({ type: "method", method })}
            onSettings={(next) => dispatch({ type: "settings", settings: next })}
          />
          <Divider className={styles.divider} />
          <PreviewPanel preview={preview} />
          {keeping && (
            <>
              <Divider className={styles.divider} />
              <MonitoringSettings options={keeping.options} onChange={onOptions} />
            </>
          )}
          <SegmentButton
            state={writer.state}
            ready={ready}
            customers={customers}
            onSegment={() => void writer.segment()}
            onCancel={writer.cancel}
          />
          {writer.state.status === "done" && (
            <ChangeReport report={writer.state.report} newBaseline={writer.state.newBaseline} />
          )}
          <ConsentDialog
            open={writer.state.status === "confirm"}
            title={t("consent.title")}
            text={t("consent.text", {
              cells:
                writer.state.status === "confirm"
                  ? addresses(writer.state.prepared.pending.conflicts)
                  : "",
            })}
            keep={t("consent.keep")}
            proceed={t("consent.overwrite")}
            onProceed={writer.confirm}
            onKeep={writer.decline}
          />
        </>
      )}
    </>
  );
}
