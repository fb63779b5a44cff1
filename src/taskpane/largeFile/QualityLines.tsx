import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ROW_PROBLEMS } from "../../core/scale/customerSummarySql";
import type { FileSummary } from "./fileSummary";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The file's data-quality report: rows left out per reason, and a few of them as written in the file. */
export function QualityLines({ summary }: { summary: FileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { quality, examples } = summary;
  if (quality.badRows === 0) return null;
  const problems = ROW_PROBLEMS.filter((p) => p !== "blank" && quality.problems[p] > 0);
  return (
    <div data-testid="large-file-quality">
      <Text>{t("largeFile.quality", { bad: quality.badRows, rows: quality.rows })}</Text>
      <ul className={styles.list}>
        {problems.map((p) => (
          <li key={p}>
            <Text>
              {quality.problems[p].toLocaleString()} × {t(`largeFile.problem.${p}`)}
            </Text>
          </li>
        ))}
        {examples.map((row, i) => (
          <li key={`example-${i}`}>
            <Text size={200}>
              {t("largeFile.example", {
                customer: row.customer ?? "—",
                date: row.date ?? "—",
                amount: row.amount ?? "—",
              })}
              : {t(`largeFile.problem.${row.problem}`)}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
