import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular, WarningRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { columnLetters } from "../../core/workbook/a1";
import { PaneSkipReason, SheetQuality, reasonCounts } from "../flow/quality";

/** Rows listed per sheet; the counts above the list cover them all. */
const LISTED = 50;

const useStyles = makeStyles({
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { maxHeight: "220px", overflowY: "auto" },
  row: { width: "56px" },
});

/** Rows left out and why, with the row numbers Excel shows, per sheet read. */
export function QualityReport({ reports }: { reports: readonly SheetQuality[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section
      className={styles.report}
      aria-labelledby="quality-heading"
      data-testid="quality-report"
    >
      <Text as="h3" id="quality-heading" weight="semibold">
        {t("quality.heading")}
      </Text>
      {reports.map((quality) => (
        <SheetReport key={quality.sheet} quality={quality} />
      ))}
    </section>
  );
}

function SheetReport({ quality }: { quality: SheetQuality }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const count = new Intl.NumberFormat(i18n.language);
  const counts = Object.entries(reasonCounts(quality)) as [PaneSkipReason, number][];
  const problems = counts.reduce((sum, [, n]) => sum + n, 0);
  const reasonText = (reason: PaneSkipReason, column: number | null, repeats?: number) =>
    column === null
      ? t("quality.reasons.blankRow")
      : repeats !== undefined
        ? t("quality.repeats", { row: repeats })
        : t(`quality.reasons.${reason}`);
  const columnText = (column: number | null) =>
    column === null ? "" : (quality.labels[column] ?? columnLetters(column));
  return (
    <>
      <Text className={styles.line}>
        {problems === 0 ? (
          <CheckmarkCircleRegular className={styles.ok} aria-hidden />
        ) : (
          <WarningRegular className={styles.warn} aria-hidden />
        )}
        {t("quality.summary", {
          sheet: quality.sheet,
          rows: count.format(quality.dataRows),
          kept: count.format(quality.kept),
          skipped: count.format(quality.leftOut),
        })}
      </Text>
      {quality.refunds > 0 && (
        <Text size={200} data-testid="quality-refunds">
          {t("dataChecks.refunds", { count: quality.refunds })}
        </Text>
      )}
      {quality.keptRows > 0 && (
        <Text size={200} data-testid="quality-kept">
          {t("dataChecks.keptRows", { count: quality.keptRows })}
        </Text>
      )}
      {counts.length > 0 && (
        <div className={styles.badges}>
          {counts.map(([reason, n]) => (
            <Badge key={reason} appearance="tint" color="warning">
              {t(`quality.reasons.${reason}`)}: {count.format(n)}
            </Badge>
          ))}
        </div>
      )}
      {quality.blankRows > 0 && (
        <Text size={200}>{t("quality.blankRows", { count: quality.blankRows })}</Text>
      )}
      {quality.skipped.length > 0 && (
        <div
          className={styles.list}
          tabIndex={0}
          role="region"
          aria-label={t("dataChecks.problemsLabel", { sheet: quality.sheet })}
        >
          <Table
            size="extra-small"
            aria-label={t("dataChecks.problemsLabel", { sheet: quality.sheet })}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.row}>{t("quality.row")}</TableHeaderCell>
                <TableHeaderCell>{t("quality.column")}</TableHeaderCell>
                <TableHeaderCell>{t("quality.reason")}</TableHeaderCell>
                <TableHeaderCell>{t("dataChecks.treatment")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {quality.skipped.slice(0, LISTED).map((row) => (
                <TableRow key={row.sheetRow} data-skipped-row={row.sheetRow}>
                  <TableCell className={styles.row}>{row.sheetRow}</TableCell>
                  <TableCell>{columnText(row.column)}</TableCell>
                  <TableCell>{reasonText(row.reason, row.column, row.repeats)}</TableCell>
                  <TableCell>
                    {t(
                      row.reason === "refund"
                        ? "dataChecks.netted"
                        : row.kept
                          ? "dataChecks.kept"
                          : row.column === null
                            ? "dataChecks.blankResult"
                            : "dataChecks.leftOut"
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {quality.skipped.length > LISTED && (
        <Text size={200}>{t("quality.more", { count: quality.skipped.length - LISTED })}</Text>
      )}
    </>
  );
}
