import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowRepeatAllRegular,
  DeleteRegular,
  HistoryRegular,
  OpenRegular,
} from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { configRange } from "../../core/sharing/config";
import type { SheetRange } from "../../core/workbook/workbookPort";
import { sheetAddress } from "../flow/readSelection";
import type { OpenedAnalysis, StoredAnalysis, StoredRuns } from "../flow/runStore";
import { addresses } from "../flow/writeOutput";
import { messageText } from "../i18n";
import { ConsentDialog } from "./ConsentDialog";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
  },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { marginLeft: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/**
 * The analyses the workbook holds, the latest first, when the pane opens: each with its range, method and date,
 * and Open (its data with its settings), Run again (the same, segmented at once) and Remove (it and everything it
 * wrote, after the user agrees). Stored data set aside (damaged, another program's, a newer version's) is said
 * above the list; nothing here can stop the pane.
 */
export function AnalysesPanel({
  stored,
  busy,
  onOpen,
  onRemove,
}: {
  stored: StoredRuns;
  /** The pane is reading data or writing results: the buttons wait. */
  busy: boolean;
  onOpen: (range: SheetRange, opened: OpenedAnalysis) => void;
  onRemove: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [removing, setRemoving] = useState<StoredAnalysis | null>(null);
  const usable = stored.analyses.filter((analysis) => analysis.config.ok).reverse();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const written = (analysis: StoredAnalysis) =>
    [
      addresses(analysis.output.owned),
      ...[
        analysis.output.summarySheet,
        analysis.output.customerSheet,
        analysis.output.reportSheet,
      ].flatMap((sheet) => (sheet === null ? [] : [t("analyses.sheet", { sheet })])),
    ]
      .filter((text) => text !== "")
      .join(t("list.separator"));
  return (
    <>
      {stored.analyses.map(
        ({ id, config }) =>
          !config.ok && (
            <MessageBar key={id} intent="warning" data-testid="config-ignored">
              <MessageBarBody>
                {t("analyses.ignored", { reason: messageText(config.message, i18n.language) })}
              </MessageBarBody>
            </MessageBar>
          )
      )}
      {stored.problems.map((problem, j) => (
        <MessageBar key={j} intent="warning" data-testid="store-problem">
          <MessageBarBody>
            {t("analyses.setAside", { reason: messageText(problem, i18n.language) })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {usable.length > 0 && (
        <Card className={styles.panel} role="region" aria-labelledby="analyses-heading">
          <CardHeader
            image={<HistoryRegular aria-hidden fontSize={20} />}
            header={
              <Text as="h2" id="analyses-heading" weight="semibold" size={400}>
                {t("analyses.heading", { count: usable.length })}
              </Text>
            }
          />
          <ul className={styles.list} data-testid="analyses">
            {usable.map((analysis) => {
              if (!analysis.config.ok) return null;
              const { config } = analysis.config;
              const range = configRange(config);
              const opened = (run: boolean) => ({ id: analysis.id, config, run });
              const method = t(`methods.${config.method.method}.tab`);
              return (
                <li key={analysis.id} className={styles.item} data-analysis={analysis.id}>
                  <dl className={styles.facts}>
                    <dt className={styles.term}>{t("analyses.range")}</dt>
                    <dd className={styles.definition} data-testid="analysis-range">
                      {sheetAddress(range)}
                    </dd>
                    <dt className={styles.term}>{t("analyses.method")}</dt>
                    <dd className={styles.definition}>{method}</dd>
                    <dt className={styles.term}>{t("analyses.saved")}</dt>
                    <dd className={styles.definition}>{date.format(new Date(config.savedAt))}</dd>
                  </dl>
                  <div
                    className={styles.actions}
                    role="group"
                    aria-label={t("analyses.actionsOf", { range: sheetAddress(range), method })}
                  >
                    <Button
                      size="small"
                      icon={<OpenRegular />}
                      disabled={busy}
                      onClick={() => onOpen(range, opened(false))}
                    >
                      {t("analyses.open")}
                    </Button>
                    <Button
                      size="small"
                      icon={<ArrowRepeatAllRegular />}
                      disabled={busy}
                      onClick={() => onOpen(range, opened(true))}
                    >
                      {t("analyses.runAgain")}
                    </Button>
                    <Button
                      size="small"
                      icon={<DeleteRegular />}
                      disabled={busy}
                      onClick={() => setRemoving(analysis)}
                    >
                      {t("analyses.remove")}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      <ConsentDialog
        open={removing !== null}
        title={t("analyses.removeTitle")}
        text={
          removing?.config.ok
            ? t("analyses.removeText", {
                range: sheetAddress(configRange(removing.config.config)),
                cells: written(removing),
              })
            : ""
        }
        keep={t("analyses.removeKeep")}
        proceed={t("analyses.removeConfirm")}
        onProceed={() => {
          if (removing) onRemove(removing.id);
          setRemoving(null);
        }}
        onKeep={() => setRemoving(null)}
      />
    </>
  );
}
