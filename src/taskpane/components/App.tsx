import {
  FluentProvider,
  Text,
  Theme,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ShieldLockRegular } from "@fluentui/react-icons";
import { i18n } from "i18next";
import { I18nextProvider, useTranslation } from "react-i18next";
import { WorkbookPort } from "../../excel/workbookPort";
import { SelectionPanel } from "./SelectionPanel";

export interface AppProps {
  workbook: WorkbookPort;
  i18n: i18n;
  /** Follows Office's theme: dark Office themes get Fluent's dark theme. */
  dark?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  footer: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
  },
});

function Pane({ workbook }: { workbook: WorkbookPort }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold">
          {t("app.title")}
        </Text>
        <Text>{t("app.subtitle")}</Text>
      </header>
      <SelectionPanel workbook={workbook} />
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
