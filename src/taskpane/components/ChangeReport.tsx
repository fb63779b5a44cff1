import {
  Button,
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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FLAG, FlaggedCustomer } from "../../core/sharing/compareRuns";
import { ChangeReport as Report } from "../flow/monitoring";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  list: { maxHeight: "260px", overflowY: "auto" },
  start: { alignSelf: "flex-start" },
});

/**
 * After a first run: that it starts the comparisons. After a run whose settings changed since the previous run: that
 * it starts them anew, and "Compare anyway", which shows the comparison with the previous run labelled as made with
 * other settings (the sheet's Change column stays empty). After a compared run: the changes (Changes).
 */
export function ChangeReport({
  report,
  newBaseline = false,
  compareAnyway = null,
}: {
  report: Report | null;
  /** The settings changed since the previous run, so this one was not compared with it. */
  newBaseline?: boolean;
  /** With newBaseline: the comparison with the previous run all the same. */
  compareAnyway?: (() => Report) | null;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [anyway, setAnyway] = useState<Report | null>(null);
  if (report) return <Changes report={report} />;
  if (!newBaseline)
    return (
      <Text data-testid="changes-first-run" size={200}>
        {t("changes.firstRun")}
      </Text>
    );
  return (
    <div className={styles.panel}>
      <Text data-testid="changes-new-baseline" size={200}>
        {t("changes.newBaseline")}
      </Text>
      {compareAnyway && !anyway && (
        <Button className={styles.start} onClick={() => setAnyway(compareAnyway())}>
          {t("choices.compareAnyway")}
        </Button>
      )}
      {anyway && <Changes report={anyway} settingsChanged />}
    </div>
  );
}

/**
 * The from→to movement of customers between tiers (previous tiers down, this run's across, with new customers and
 * customers gone), and the customers flagged, with why. The sheet's Change column has them all; the pane lists the
 * first few. `settingsChanged`: a comparison the user asked for across changed settings, shown only here.
 */
function Changes({
  report,
  settingsChanged = false,
}: {
  report: Report;
  settingsChanged?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(report.previousSavedAt));
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
      {settingsChanged ? (
        <Text size={200} weight="semibold" data-testid="changes-settings-changed">
          {t("choices.comparedAnyway", { date })}
        </Text>
      ) : (
        <Text size={200}>{t("changes.comparedWith", { date })}</Text>
      )}
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
        {t(settingsChanged ? "choices.flaggedAnyway" : "changes.flagged", {
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
          {t(settingsChanged ? "choices.moreAnyway" : "changes.more", {
            count: report.flaggedCount - report.flagged.length,
          })}
        </Text>
      )}
    </section>
  );
}
