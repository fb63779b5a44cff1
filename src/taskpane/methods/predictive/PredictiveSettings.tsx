import { Field, SpinButton, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CustomerTable } from "../../flow/customerTable";
import type { TierNames } from "../../flow/tierChoice";
import { MONTHS, type PredictiveSettings as Settings } from "./index";
import { ColumnDropdown, columnChoices } from "../../components/ColumnDropdown";
import { spinValue } from "../../components/numberInput";
import { TierFields } from "../../components/TierFields";

/**
 * Predictive: BG/NBD and Gamma-Gamma fitted on these customers; the first and last purchase dates give the
 * models' recency and age, the horizon and the P(alive) threshold shape the new columns, tiers go on predicted CLV.
 */
export function PredictiveSettings({
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
  const dates = columnChoices(table.labels, table.range.column, table.dateColumns);
  return (
    <>
      <ColumnDropdown
        label={t("predictive.firstPurchase")}
        choices={dates}
        value={value.firstPurchase}
        onChange={(firstPurchase) => onChange({ ...value, firstPurchase })}
      />
      <ColumnDropdown
        label={t("predictive.lastPurchase")}
        choices={dates}
        value={value.lastPurchase}
        onChange={(lastPurchase) => onChange({ ...value, lastPurchase })}
      />
      <Field label={t("predictive.months")}>
        <SpinButton
          value={value.months}
          min={MONTHS.min}
          max={MONTHS.max}
          onChange={(_, data) => {
            const months = spinValue(data);
            if (Number.isFinite(months)) onChange({ ...value, months });
          }}
        />
      </Field>
      <Field label={t("predictive.threshold")} hint={t("predictive.thresholdHint")}>
        <SpinButton
          value={value.aliveThreshold}
          min={0}
          max={100}
          step={5}
          onChange={(_, data) => {
            const aliveThreshold = spinValue(data);
            if (Number.isFinite(aliveThreshold)) onChange({ ...value, aliveThreshold });
          }}
        />
      </Field>
      <Text size={200}>{t("predictive.inputsNote")}</Text>
      <TierFields
        id="predictive-tiers"
        value={value.tiers}
        tierNames={tierNames}
        onChange={(tiers) => onChange({ ...value, tiers })}
      />
    </>
  );
}
