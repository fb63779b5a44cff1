import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { CustomerTable } from "../flow/customerTable";
import { METHODS, MethodName, MethodSettings, TierNames } from "../flow/methodSettings";
import { Problem } from "../flow/problems";
import { PredictiveSettings } from "./PredictiveSettings";
import { ProblemBar } from "./ProblemBar";
import { RfmSettings } from "./RfmSettings";
import { ScoreSettings } from "./ScoreSettings";
import { TierSettings } from "./TierSettings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  settings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Step 3: the method, as tabs, and its settings. */
export function MethodPanel({
  table,
  method,
  settings,
  problems,
  tierNames,
  onMethod,
  onSettings,
}: {
  table: CustomerTable;
  method: MethodName;
  settings: MethodSettings;
  problems: Problem[];
  tierNames: TierNames;
  onMethod: (method: MethodName) => void;
  onSettings: (settings: MethodSettings) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="method-heading">
      <Text as="h2" id="method-heading" weight="semibold" size={400}>
        {t("methods.heading")}
      </Text>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={method}
        onTabSelect={(_, data) => onMethod(data.value as MethodName)}
        aria-labelledby="method-heading"
      >
        {METHODS.map((name) => (
          <Tab key={name} id={`method-tab-${name}`} value={name}>
            {t(`methods.${name}.tab`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`method-tab-${method}`} className={styles.settings}>
        <Text size={200}>{t(`methods.${method}.description`)}</Text>
        {method === "rfm" && (
          <RfmSettings value={settings.rfm} onChange={(rfm) => onSettings({ ...settings, rfm })} />
        )}
        {method === "tiers" && (
          <TierSettings
            table={table}
            value={settings.tiers}
            tierNames={tierNames}
            onChange={(tiers) => onSettings({ ...settings, tiers })}
          />
        )}
        {method === "score" && (
          <ScoreSettings
            table={table}
            value={settings.score}
            tierNames={tierNames}
            onChange={(score) => onSettings({ ...settings, score })}
          />
        )}
        {method === "predictive" && (
          <PredictiveSettings
            table={table}
            value={settings.predictive}
            tierNames={tierNames}
            onChange={(predictive) => onSettings({ ...settings, predictive })}
          />
        )}
        {problems.map((p) => (
          <ProblemBar key={p.key} problem={p} />
        ))}
      </div>
    </section>
  );
}
