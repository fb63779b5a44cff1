import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { excelSerial } from "../../core/cdnow/cdnowMaster";
import { formatSerialDate } from "../../core/messages/render";
import { FIRST_EXCEL_DATE, LAST_EXCEL_DATE } from "../../core/table/columnChecks";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground2 },
});

/** "1998-07-01" as an Excel serial date, or null when it is no date Excel shows. */
function serialOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const serial = excelSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  return serial >= FIRST_EXCEL_DATE && serial <= LAST_EXCEL_DATE ? serial : null;
}

/**
 * The as-of date recency and customer age count to: shown, explained, and settable. Unset, it is the latest purchase
 * in the data (`latest`); a date typed in replaces it until reset.
 */
export function AsOfField({
  latest,
  given,
  transactions,
  onChange,
}: {
  latest: number;
  /** A transaction table, whose recency the pane counts; a customer sheet's recency is its own. */
  transactions: boolean;
  given: number | undefined;
  onChange: (asOfDate: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = formatSerialDate(given ?? latest);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const invalid = serialOf(text) === null;
  return (
    <div className={styles.field} data-testid="as-of">
      <div className={styles.row}>
        <Field
          label={t("dataChecks.asOfLabel")}
          validationMessage={invalid ? t("dataChecks.asOfInvalid") : undefined}
        >
          <Input
            type="date"
            value={text}
            onChange={(_, input) => {
              setText(input.value);
              const serial = serialOf(input.value);
              if (serial !== null) onChange(serial === latest ? undefined : serial);
            }}
          />
        </Field>
        {given !== undefined && (
          <Button onClick={() => onChange(undefined)}>{t("dataChecks.asOfReset")}</Button>
        )}
      </div>
      <Text data-testid="as-of-summary">
        {t(given === undefined ? "dataChecks.asOfLatest" : "dataChecks.asOfGiven", {
          date: shown,
        })}
      </Text>
      <Text size={200} className={styles.note}>
        {t(transactions ? "dataChecks.asOfExplain" : "dataChecks.asOfCustomers")}
      </Text>
    </div>
  );
}
