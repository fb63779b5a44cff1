import { Spinner, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { CustomerTable } from "../flow/customerTable";
import { Problem } from "../flow/problems";
import { TierNames } from "../flow/tierChoice";
import { METHODS, MethodName, MethodSettings, methodOf } from "../methods/registry";
import { ProblemBar } from "./ProblemBar";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Wrapped, so every method's tab stays in view however narrow the pane.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  settings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Step 3: the method, as tabs (one per registered method), and its settings. */
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
        {METHODS.map(({ id }) => (
          <Tab key={id} id={`method-tab-${id}`} value={id}>
            {t(`methods.${id}.tab`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-labelledby={`method-tab-${method}`} className={styles.settings}>
        <Text size={200}>{t(`methods.${method}.description`)}</Text>
        <Suspense fallback={<Spinner size="tiny" />}>
          <MethodSettingsOf
            name={method}
            table={table}
            settings={settings}
            tierNames={tierNames}
            onSettings={onSettings}
          />
        </Suspense>
        {problems.map((p) => (
          <ProblemBar key={p.key} problem={p} />
        ))}
      </div>
    </section>
  );
}

/** The settings component of one method, editing its part of every method's settings. */
function MethodSettingsOf<N extends MethodName>({
  name,
  table,
  settings,
  tierNames,
  onSettings,
}: {
  name: N;
  table: CustomerTable;
  settings: MethodSettings;
  tierNames: TierNames;
  onSettings: (settings: MethodSettings) => void;
}) {
  const { Settings } = methodOf(name);
  return (
    <Settings
      table={table}
      value={settings[name]}
      tierNames={tierNames}
      onChange={(value) => onSettings({ ...settings, [name]: value })}
    />
  );
}
