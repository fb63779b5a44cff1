import { Field, Input, Text } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatSerialDate } from "../../../core/messages/render";
import type { CustomerTable } from "../../flow/customerTable";
import type { ModelCheckSettings as Settings } from "./index";

/** Excel's serial of an ISO day (1900 date system, days after 1900-02-28), or undefined for a blank input. */
function serialOf(iso: string): number | undefined {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(time) ? Math.round(time / 86_400_000) + 25_569 : undefined;
}

/** Check the model: where the calibration period ends and where the holdout after it ends. */
export function ModelCheckSettings({
  value,
  onChange,
}: {
  table: CustomerTable;
  value: Settings;
  onChange: (value: Settings) => void;
}) {
  const { t } = useTranslation();
  const day = (serial: number | undefined) =>
    serial === undefined ? "" : formatSerialDate(serial);
  return (
    <>
      <Field label={t("modelCheck.calibrationEnd")}>
        <Input
          type="date"
          data-testid="calibration-end"
          value={day(value.calibrationEnd)}
          onChange={(_, data) => onChange({ ...value, calibrationEnd: serialOf(data.value) })}
        />
      </Field>
      <Field label={t("modelCheck.observationEnd")}>
        <Input
          type="date"
          data-testid="observation-end"
          value={day(value.observationEnd)}
          onChange={(_, data) => onChange({ ...value, observationEnd: serialOf(data.value) })}
        />
      </Field>
      <Text size={200}>{t("modelCheck.hint")}</Text>
    </>
  );
}
