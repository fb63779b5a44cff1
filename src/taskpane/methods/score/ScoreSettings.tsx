import { Checkbox, Select, SpinButton, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CustomerTable } from "../../flow/customerTable";
import type { TierNames } from "../../flow/tierChoice";
import type { ScoreFactor, ScoreSettings as Settings } from "./index";
import { columnChoices } from "../../components/ColumnDropdown";
import { spinValue } from "../../components/numberInput";
import { TierFields } from "../../components/TierFields";

const useStyles = makeStyles({
  factors: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 72px 118px",
    alignItems: "center",
    gap: tokens.spacingVerticalXS + " " + tokens.spacingHorizontalS,
  },
  columnHeader: { color: tokens.colorNeutralForeground3 },
});

/** Weighted score: which columns count, how much, which way; then tiers on the 0–100 score. */
export function ScoreSettings({
  table,
  value,
  tierNames,
  onChange,
}: {
  table: CustomerTable;
  value: Settings;
  tierNames: TierNames;
  onChange: (value: Settings) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const names = new Map(
    columnChoices(table.labels, table.range.column, table.numericColumns).map((choice) => [
      choice.column,
      choice.text,
    ])
  );
  const update = (column: number, change: Partial<ScoreFactor>) =>
    onChange({
      ...value,
      factors: value.factors.map((factor) =>
        factor.column === column ? { ...factor, ...change } : factor
      ),
    });
  return (
    <>
      <div className={styles.factors} role="group" aria-labelledby="score-factors">
        <Text id="score-factors" size={200} className={styles.columnHeader}>
          {t("score.factors")}
        </Text>
        <Text size={200} className={styles.columnHeader}>
          {t("score.weight")}
        </Text>
        <Text size={200} className={styles.columnHeader}>
          {t("score.direction")}
        </Text>
        {value.factors.map((factor) => {
          const name = names.get(factor.column) ?? String(factor.column);
          return (
            <FactorRow
              key={factor.column}
              name={name}
              factor={factor}
              onChange={(change) => update(factor.column, change)}
            />
          );
        })}
      </div>
      {table.mapping.monetary !== undefined && (
        <Text size={200}>
          {t("score.valueNote", { column: names.get(table.mapping.monetary) ?? "" })}
        </Text>
      )}
      <TierFields
        id="score-tiers"
        value={value.tiers}
        tierNames={tierNames}
        onChange={(tiers) => onChange({ ...value, tiers })}
      />
    </>
  );
}

function FactorRow({
  name,
  factor,
  onChange,
}: {
  name: string;
  factor: ScoreFactor;
  onChange: (change: Partial<ScoreFactor>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox
        checked={factor.included}
        label={name}
        onChange={(_, data) => onChange({ included: data.checked === true })}
      />
      <SpinButton
        size="small"
        value={factor.weight}
        min={0}
        max={100}
        step={0.5}
        disabled={!factor.included}
        aria-label={t("score.weightOf", { column: name })}
        onChange={(_, data) => {
          const weight = spinValue(data);
          if (Number.isFinite(weight)) onChange({ weight });
        }}
      />
      <Select
        size="small"
        value={String(factor.direction)}
        disabled={!factor.included}
        aria-label={t("score.directionOf", { column: name })}
        onChange={(_, data) => onChange({ direction: data.value === "-1" ? -1 : 1 })}
      >
        <option value="1">{t("score.higherBetter")}</option>
        <option value="-1">{t("score.lowerBetter")}</option>
      </Select>
    </>
  );
}
