import {
  Divider,
  FluentProvider,
  Spinner,
  Text,
  Theme,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ShieldLockRegular } from "@fluentui/react-icons";
import { i18n } from "i18next";
import { Suspense, lazy, useMemo, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { WorkbookPort } from "../../core/workbook/workbookPort";
import { StoreSession } from "../flow/storeSession";
import { useSelectedData } from "../useSelectedData";
import { useStoredRuns } from "../useStoredRuns";
import type { Problem } from "../flow/problems";
import { ProblemBar } from "./ProblemBar";
import { SelectionPanel } from "./SelectionPanel";

export interface AppProps {
  workbook: WorkbookPort;
  i18n: i18n;
  /** Follows Office's theme: dark Office themes get Fluent's dark theme. */
  dark?: boolean;
}

/** The steps after the selection, fetched while the user selects (webpack prefetches the chunk when idle). */
const SegmentationSteps = lazy(() =>
  import(/* webpackPrefetch: true */ "./SegmentationSteps").then((module) => ({
    default: module.SegmentationSteps,
  }))
);

/** What the workbook remembers and the Share section, with the code that reads the store: fetched as the pane opens. */
const AnalysesPanel = lazy(() =>
  import("./AnalysesPanel").then((module) => ({ default: module.AnalysesPanel }))
);
/** "Summarise a large file": its chunk and texts load with the pane; DuckDB itself only when a file is picked. */
const LargeFilePanel = lazy(() =>
  import("../largeFile/LargeFilePanel").then((module) => ({ default: module.LargeFilePanel }))
);
const SharePanel = lazy(() =>
  import("./SharePanel").then((module) => ({ default: module.SharePanel }))
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  divider: { flexGrow: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  footer: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    marginTop: "auto",
  },
});

function Pane({ workbook }: { workbook: WorkbookPort }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [writing, setWriting] = useState(false);
  // One store session per workbook: every part of the pane that keeps something there shares it.
  const store = useMemo(() => new StoreSession(workbook), [workbook]);
  const { stored, options, setOptions, saved, remove } = useStoredRuns(store);
  const outputs = useMemo(
    () => stored?.analyses.flatMap((analysis) => analysis.output.owned) ?? [],
    [stored]
  );
  const selection = useSelectedData(workbook, outputs);
  const [removeProblem, setRemoveProblem] = useState<Problem | null>(null);
  const keeping = useMemo(
    () => (stored && options ? { store, stored, options, onSaved: saved } : null),
    [store, stored, options, saved]
  );
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold">
          {t("app.title")}
        </Text>
        <Text className={styles.subtitle}>{t("app.subtitle")}</Text>
      </header>
      {stored && (
        <Suspense fallback={null}>
          <AnalysesPanel
            stored={stored}
            busy={selection.state.status === "loading" || writing}
            onOpen={(range, opened) => void selection.load({ range, opened })}
            onRemove={(id) => void remove(id).then(setRemoveProblem)}
          />
        </Suspense>
      )}
      {removeProblem && <ProblemBar problem={removeProblem} />}
      <SelectionPanel
        state={selection.state}
        load={(which) => void selection.load(which)}
        cancel={selection.cancel}
        writing={writing}
      />
      <Suspense fallback={null}>
        <LargeFilePanel
          workbook={workbook}
          busy={selection.state.status === "loading" || writing}
          onWritten={(range) => void selection.load({ range })}
        />
      </Suspense>
      {selection.state.status === "loaded" && (
        <Suspense fallback={<Spinner size="tiny" label={t("preview.running")} />}>
          <SegmentationSteps
            key={selection.state.read}
            workbook={workbook}
            data={selection.state.data}
            opened={selection.state.opened}
            keeping={keeping}
            onOptions={setOptions}
            onWritingChange={setWriting}
          />
        </Suspense>
      )}
      <Divider className={styles.divider} />
      <Suspense fallback={null}>
        <SharePanel store={store} options={options} onOptions={setOptions} />
      </Suspense>
      <footer className={styles.footer}>
        <ShieldLockRegular aria-hidden />
        <Text size={200}>{t("app.privacy")}</Text>
      </footer>
    </main>
  );
}

export function App({ workbook, i18n, dark = false }: AppProps) {
  const theme: Theme = dark ? webDarkTheme : webLightTheme;
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme}>
        <Pane workbook={workbook} />
      </FluentProvider>
    </I18nextProvider>
  );
}
