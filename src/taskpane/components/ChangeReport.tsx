import {
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
import { useTranslation } from "react-i18next";
import { FLAG, FlaggedCustomer } from "../../core/sharing/compareRuns";
import { ChangeReport as Report } from "../flow/monitoring";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  list: { maxHeight: "260px", overflowY: "auto" },
});

/**
 * After a first run, or one whose settings changed since the previous run: that it starts the comparisons anew.
 * After a compared run: the from→to movement of customers between tiers (previous tiers down, this run's across,
 * with new customers and customers gone), and the customers flagged, with why. The sheet's Change column has them
 * all; the pane lists the first few.
 */
export function ChangeReport({
  report,
  newBaseline = false,
}: {
  report: Report | null;
  /** The settings changed since the previous run, so this one was not compared with it. */
  newBaseline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const number = new Intl.NumberFormat(i18n.language);
  if (!report)
    return newBaseline ? (
      <Text data-testid="changes-new-baseline" size={200}>
        {t("changes.newBaseline")}
      </Text>
    ) : (
      <Text data-testid="changes-first-run" size={200}>
        {t("changes.firstRun")}
      </Text>
    );
  const across = [...report.to, t("movement.gone")];
  const down = [...report.from, t("movement.new")];
  const reasons = (customer: FlaggedCustomer) => {
    const list: string[] = [];
    if (customer.reasons & FLAG.tierDrop)
      list.push(t("changes.reasons.tierDrop", { from: customer.from, to: customer.to }));
    if (customer.reasons & FLAG.valueDrop)
      list.push(
        t("changes.reasons.valueDrop", { percent: Math.round(-customer.valueChange * 100) })
      );
    if (customer.reasons & FLAG.aliveDrop)
      list.push(
        t("changes.reasons.aliveDrop", { points: Math.round(-customer.aliveChange * 100) })
      );
    return list.join(t("list.separator"));
  };
  return (
    <section className={styles.panel} aria-labelledby="changes-heading" data-testid="changes">
      <Text as="h2" id="changes-heading" weight="semibold" size={400}>
        {t("changes.heading")}
      </Text>
      <Text size={200}>
        {t("changes.comparedWith", {
          date: new Intl.DateTimeFormat(i18n.language, {
            dateStyle: "medium",
            timeStyle: "short",
          }).format(new Date(report.previousSavedAt)),
        })}
      </Text>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("changes.matrix")}>
        <Table
          size="extra-small"
          className={styles.table}
          aria-label={t("changes.matrix")}
          data-testid="movement-matrix"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{t("movement.corner")}</TableHeaderCell>
              {across.map((label, j) => (
                <TableHeaderCell key={j} className={styles.cell}>
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {down.map((label, i) => (
              <TableRow key={i}>
                <TableHeaderCell scope="row" className={styles.cell}>
                  {label}
                </TableHeaderCell>
                {report.movement[i].map((count, j) => (
                  <TableCell key={j}>{number.format(count)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text data-testid="flagged-count">
        {t("changes.flagged", {
          count: report.flaggedCount,
          n: number.format(report.flaggedCount),
        })}
      </Text>
      {report.flagged.length > 0 && (
        <div
          className={styles.list}
          tabIndex={0}
          role="region"
          aria-label={t("changes.flaggedList")}
        >
          <Table
            size="extra-small"
            aria-label={t("changes.flaggedList")}
            data-testid="flagged-list"
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("changes.customer")}</TableHeaderCell>
                <TableHeaderCell>{t("changes.why")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.flagged.map((customer) => (
                <TableRow key={customer.id}>
                  <TableCell>{customer.id}</TableCell>
                  <TableCell>{reasons(customer)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {report.flaggedCount > report.flagged.length && (
        <Text size={200}>
          {t("changes.more", { count: report.flaggedCount - report.flagged.length })}
        </Text>
      )}
    </section>
  );
}
