import { Field, SpinButton, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { KEEP_RUNS, SharingOptions, optionsValid } from "../flow/monitoring";
import { problem } from "../flow/problems";
import { spinValue } from "./numberInput";
import { ProblemBar } from "./ProblemBar";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * What each Segment keeps and compares: the thresholds that flag a customer (besides a lower tier), how many runs
 * the workbook keeps, and whether the Segment summary sheet is written.
 */
export function MonitoringSettings({
  options,
  onChange,
}: {
  options: SharingOptions;
  onChange: (options: SharingOptions) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const number =
    (key: keyof SharingOptions) => (_: unknown, data: Parameters<typeof spinValue>[0]) => {
      const value = spinValue(data);
      if (Number.isFinite(value)) onChange({ ...options, [key]: value });
    };
  return (
    <section className={styles.panel} aria-labelledby="monitoring-heading">
      <Text as="h2" id="monitoring-heading" weight="semibold" size={400}>
        {t("monitoring.heading")}
      </Text>
      <Text size={200}>{t("monitoring.description")}</Text>
      <Field label={t("monitoring.valueDrop")} hint={t("monitoring.predictiveOnly")}>
        <SpinButton
          value={options.valueDropPercent}
          min={0}
          max={100}
          step={5}
          onChange={number("valueDropPercent")}
        />
      </Field>
      <Field label={t("monitoring.aliveDrop")} hint={t("monitoring.predictiveOnly")}>
        <SpinButton
          value={options.aliveDropPoints}
          min={0}
          max={100}
          step={5}
          onChange={number("aliveDropPoints")}
        />
      </Field>
      <Field label={t("monitoring.keepRuns")}>
        <SpinButton
          value={options.keepRuns}
          min={KEEP_RUNS.min}
          max={KEEP_RUNS.max}
          onChange={number("keepRuns")}
        />
      </Field>
      <Switch
        checked={options.summarySheet}
        label={t("monitoring.summarySheet", { sheet: t("segmentSummary.sheetName") })}
        onChange={(_, data) => onChange({ ...options, summarySheet: data.checked })}
      />
      {!optionsValid(options) && (
        <ProblemBar problem={problem("monitoringOptions", { max: KEEP_RUNS.max })} />
      )}
    </section>
  );
}
