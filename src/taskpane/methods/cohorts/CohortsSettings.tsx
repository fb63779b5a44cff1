import { Field, Radio, RadioGroup, SpinButton, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { CalendarPeriod } from "../../../core/cohorts/calendarPeriods";
import { spinValue } from "../../components/numberInput";
import { PurchaseDateFields } from "../../components/PurchaseDateFields";
import type { CustomerTable } from "../../flow/customerTable";
import { PERIODS, type CohortsSettings as Settings } from "./index";

/**
 * Cohorts: the period that groups customers by their first purchase, the first and last purchase dates that place
 * them, and the drop in pooled retention that monitoring flags.
 */
export function CohortsSettings({
  table,
  value,
  onChange,
}: {
  table: CustomerTable;
  value: Settings;
  onChange: (value: Settings) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("cohorts.period")}>
        <RadioGroup
          layout="horizontal"
          value={value.period}
          onChange={(_, data) => onChange({ ...value, period: data.value as CalendarPeriod })}
        >
          {PERIODS.map((period) => (
            <Radio key={period} value={period} label={t(`cohorts.periods.${period}`)} />
          ))}
        </RadioGroup>
      </Field>
      <PurchaseDateFields table={table} value={value} onChange={onChange} />
      <Field label={t("cohorts.dropPoints")}>
        <SpinButton
          value={value.dropPoints}
          min={0}
          max={100}
          step={0.5}
          onChange={(_, data) => {
            const dropPoints = spinValue(data);
            if (Number.isFinite(dropPoints)) onChange({ ...value, dropPoints });
          }}
        />
      </Field>
      <Text size={200}>{t("cohorts.countHint")}</Text>
    </>
  );
}
