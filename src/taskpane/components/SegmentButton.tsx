import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableSimpleIncludeRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { sheetAddress } from "../flow/readSelection";
import { WriterState } from "../useSegmentWriter";
import { ProblemBar } from "./ProblemBar";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  writing: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progress: { flexGrow: 1 },
});

/** Step 5: Segment writes the results; while writing, a progress bar and Cancel; then what was written where. */
export function SegmentButton({
  state,
  ready,
  customers,
  onSegment,
  onCancel,
}: {
  state: WriterState;
  /** A preview is ready to write. */
  ready: boolean;
  customers: number;
  onSegment: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const busy =
    state.status === "checking" || state.status === "writing" || state.status === "confirm";
  return (
    <div className={styles.bar}>
      <Button
        appearance="primary"
        size="large"
        icon={<TableSimpleIncludeRegular />}
        disabled={!ready || busy}
        onClick={onSegment}
      >
        {t("segment.button", {
          count: customers,
          customers: new Intl.NumberFormat(i18n.language).format(customers),
        })}
      </Button>
      {state.status === "writing" && (
        <div className={styles.writing}>
          <ProgressBar
            className={styles.progress}
            aria-label={t("segment.writing")}
            value={state.totalRows > 0 ? state.doneRows / state.totalRows : undefined}
          />
          <Button size="small" onClick={onCancel}>
            {t("actions.cancel")}
          </Button>
        </div>
      )}
      {state.status === "checking" && <Text>{t("segment.checking")}</Text>}
      {state.status === "done" && (
        <MessageBar intent="success" data-testid="segment-done">
          <MessageBarBody>
            {t("segment.done", {
              target: sheetAddress(state.target),
              legend: sheetAddress(state.legend),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && state.saveProblem && <ProblemBar problem={state.saveProblem} />}
      {state.status === "done" && state.note && <ProblemBar problem={state.note} />}
      {state.status === "stopped" && <ProblemBar problem={state.problem} />}
    </div>
  );
}
