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
import { TierColour } from "../../core/segmentation/palette";
import { TierSummary } from "../../core/segmentation/segmentCustomers";

const useStyles = makeStyles({
  tier: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    paddingBlock: "2px",
  },
  swatch: {
    flexShrink: 0,
    width: "12px",
    height: "12px",
    marginTop: "3px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
  },
  names: { display: "flex", flexDirection: "column" },
  action: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: "right", width: "64px" },
});

/** Customers, share of customers and share of value per tier, with each tier's recommended action. */
export function TierTable({
  tiers,
  colours,
}: {
  tiers: readonly TierSummary[];
  colours: readonly TierColour[];
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const count = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, {
    style: "percent",
    maximumFractionDigits: 1,
  });
  return (
    <Table size="extra-small" aria-label={t("preview.tableLabel")} data-testid="tier-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("preview.tier")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("legend.customers")}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{t("legend.shareOfValue")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tiers.map((tier, j) => (
          <TableRow key={tier.label}>
            <TableCell>
              <div className={styles.tier}>
                <span
                  className={styles.swatch}
                  style={{ background: colours[j].fill }}
                  aria-hidden
                />
                <span className={styles.names}>
                  <Text weight="semibold">{tier.label}</Text>
                  <Text size={200} className={styles.action}>
                    {t(tier.action)}
                  </Text>
                </span>
              </div>
            </TableCell>
            <TableCell className={styles.number}>
              <span className={styles.names}>
                <Text>{count.format(tier.customers)}</Text>
                <Text size={200} className={styles.action}>
                  {percent.format(tier.shareOfCustomers)}
                </Text>
              </span>
            </TableCell>
            <TableCell className={styles.number}>{percent.format(tier.shareOfValue)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
