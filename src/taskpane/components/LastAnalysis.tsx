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
import { ArrowRepeatAllRegular, HistoryRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { configRange } from "../../core/sharing/config";
import type { SegmentationConfig } from "../flow/storedConfig";
import { SheetRange } from "../../core/workbook/workbookPort";
import type { StoredRuns } from "../flow/runStore";
import { sheetAddress } from "../flow/readSelection";
import { messageText } from "../i18n";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  facts: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { marginLeft: 0 },
});

/**
 * What the workbook remembers, when the pane opens: the last analysis (range, method, when) with "Run again", which
 * reads the same range with the same columns and settings and segments it; and why stored data was set aside when
 * it could not be used (damaged, another program's, a newer version's). Nothing here can stop the pane.
 */
export function LastAnalysis({
  stored,
  busy,
  onRunAgain,
}: {
  stored: StoredRuns;
  /** The pane is reading data or writing results: Run again waits. */
  busy: boolean;
  onRunAgain: (range: SheetRange, config: SegmentationConfig) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const config = stored.analyses.at(-1)?.config;
  return (
    <>
      {config && !config.ok && (
        <MessageBar intent="warning" data-testid="config-ignored">
          <MessageBarBody>
            {t("lastRun.ignored", { reason: messageText(config.message, i18n.language) })}
          </MessageBarBody>
        </MessageBar>
      )}
      {stored.problems.map((problem, j) => (
        <MessageBar key={j} intent="warning" data-testid="store-problem">
          <MessageBarBody>
            {t("lastRun.setAside", { reason: messageText(problem, i18n.language) })}
          </MessageBarBody>
        </MessageBar>
      ))}
      {config?.ok && (
        <Card className={styles.panel} role="region" aria-labelledby="last-run-heading">
          <CardHeader
            image={<HistoryRegular aria-hidden fontSize={20} />}
            header={
              <Text as="h2" id="last-run-heading" weight="semibold" size={400}>
                {t("lastRun.heading")}
              </Text>
            }
          />
          <dl className={styles.facts} data-testid="last-run">
            <dt className={styles.term}>{t("lastRun.range")}</dt>
            <dd className={styles.definition} data-testid="last-run-range">
              {sheetAddress(configRange(config.config))}
            </dd>
            <dt className={styles.term}>{t("lastRun.method")}</dt>
            <dd className={styles.definition}>{t(`methods.${config.config.method.method}.tab`)}</dd>
            <dt className={styles.term}>{t("lastRun.saved")}</dt>
            <dd className={styles.definition}>
              {new Intl.DateTimeFormat(i18n.language, {
                dateStyle: "medium",
                timeStyle: "short",
              }).format(new Date(config.config.savedAt))}
            </dd>
          </dl>
          <Button
            icon={<ArrowRepeatAllRegular />}
            disabled={busy}
            onClick={() => onRunAgain(configRange(config.config), config.config)}
          >
            {t("lastRun.runAgain")}
          </Button>
        </Card>
      )}
    </>
  );
}
