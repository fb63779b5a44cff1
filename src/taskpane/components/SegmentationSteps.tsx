import { Divider, makeStyles } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { WorkbookPort } from "../../excel/workbookPort";
import { SelectedData } from "../flow/readSelection";
import { useSegmentationFlow } from "../useSegmentationFlow";
import { ConsentDialog } from "./ConsentDialog";
import { MappingPanel } from "./MappingPanel";
import { MethodPanel } from "./MethodPanel";
import { PreviewPanel } from "./PreviewPanel";
import { SegmentButton } from "./SegmentButton";

const useStyles = makeStyles({ divider: { flexGrow: 0 } });

/**
 * Everything after the data is read: columns, method, preview, Segment. Loaded on demand (the pane opens with the
 * selection step only), and mounted afresh for each selection read.
 */
export function SegmentationSteps({
  workbook,
  data,
}: {
  workbook: WorkbookPort;
  data: SelectedData;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state, dispatch, problems, preview, writer, tierNames } = useSegmentationFlow(
    workbook,
    data
  );
  const { setup, table, settings } = state;
  const customers =
    preview.status === "ready"
      ? preview.segmented.result.tiers.reduce((sum, tier) => sum + tier.customers, 0)
      : 0;
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
          <SegmentButton
            state={writer.state}
            ready={preview.status === "ready"}
            customers={customers}
            onSegment={() => void writer.segment()}
            onCancel={writer.cancel}
          />
          <ConsentDialog
            conflicts={writer.state.status === "confirm" ? writer.state.pending.conflicts : null}
            onOverwrite={writer.confirm}
            onKeep={writer.decline}
          />
        </>
      )}
    </>
  );
}
