import { Dropdown, Field, Option, SpinButton, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { TRANSACTION_MODELS, TransactionModelId } from "../../../core/models/registry";
import { CustomerTable } from "../../flow/customerTable";
import type { TierNames } from "../../flow/tierChoice";
import { PurchaseDateFields } from "../../components/PurchaseDateFields";
import { spinValue } from "../../components/numberInput";
import { TierFields } from "../../components/TierFields";
import {
  MANY_ONE_TIME_BUYERS,
  MONTHS,
  ONE_TIME_BUYERS_MODEL,
  oneTimeBuyerShare,
  type PredictiveSettings as Settings,
} from "./index";
import { PredictionGuardrails } from "./PredictionGuardrails";

/**
 * Predictive: the purchase model (any registered transaction model) and Gamma-Gamma fitted on these customers; on a
 * customer sheet the first and last purchase dates give the models' recency and age (a summary of transactions
 * brings its own), the horizon and the P(alive) threshold shape the new columns, tiers go on predicted CLV.
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
  const model = TRANSACTION_MODELS.find((candidate) => candidate.id === value.model);
  const oneTimeShare = useMemo(() => oneTimeBuyerShare(table), [table]);
  return (
    <>
      <Field label={t("predictive.model")} hint={t("predictive.modelHint")}>
        <Dropdown
          value={model?.displayName ?? value.model}
          selectedOptions={[value.model]}
          onOptionSelect={(_, data) =>
            onChange({ ...value, model: data.optionValue as TransactionModelId })
          }
        >
          {TRANSACTION_MODELS.map((candidate) => (
            <Option key={candidate.id} value={candidate.id}>
              {candidate.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {value.model === ONE_TIME_BUYERS_MODEL && oneTimeShare >= MANY_ONE_TIME_BUYERS && (
        <Text size={200} data-testid="one-time-model-note">
          {t("predictiveAdvice.oneTimeModel", {
            percent: Math.round(oneTimeShare * 100),
            model: model?.displayName ?? value.model,
          })}
        </Text>
      )}
      {table.summary === undefined && (
        <PurchaseDateFields table={table} value={value} onChange={onChange} />
      )}
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
      <Text size={200}>
        {t(table.summary === undefined ? "predictive.inputsNote" : "predictive.transactionsNote")}
      </Text>
      <PredictionGuardrails
        table={table}
        models={[value.model]}
        dates={value}
        onSwitchModel={(switched) => onChange({ ...value, model: switched })}
      />
      <TierFields
        id="predictive-tiers"
        value={value.tiers}
        tierNames={tierNames}
        onChange={(tiers) => onChange({ ...value, tiers })}
      />
    </>
  );
}
