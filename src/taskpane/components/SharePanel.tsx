import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, CalculatorArrowClockwiseRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { storedArea } from "../../core/sharing/formulaStore";
import type { SharingOptions } from "../flow/monitoring";
import { problemOf } from "../flow/problems";
import { sheetAddress } from "../flow/readSelection";
import {
  FormulaScope,
  convertFormulasToValues,
  rangesInScope,
  restoreFormulas,
  setAutoOpen,
} from "../flow/sharing";
import type { StoreSession } from "../flow/storeSession";
import { messageText } from "../i18n";
import { ConsentDialog } from "./ConsentDialog";
import { ProblemBar } from "./ProblemBar";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const SCOPES: readonly FormulaScope[] = ["selection", "sheet", "workbook"];

type Outcome =
  | { status: "idle" }
  | { status: "confirm" }
  | { status: "working" }
  | { status: "done"; intent: "success" | "info" | "warning" | "error"; text: string }
  | { status: "failed"; error: unknown };

/**
 * Getting a workbook ready for people without the add-in: CVA formulas become their values (kept in the workbook,
 * so Restore formulas brings them back), after the user agrees; and the tag that opens this pane with the workbook
 * for colleagues who have the add-in.
 */
export function SharePanel({
  store,
  options,
  onOptions,
}: {
  /** The workbook's store, shared with the rest of the pane: the kept formulas live there. */
  store: StoreSession;
  /** Null while the workbook's store is being read. */
  options: SharingOptions | null;
  onOptions: (options: SharingOptions) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [scope, setScope] = useState<FormulaScope>("sheet");
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const scopeText = t(`share.scopes.${scope}`).toLocaleLowerCase(i18n.language);

  const run = async (action: () => Promise<Outcome>) => {
    setOutcome({ status: "working" });
    try {
      setOutcome(await action());
    } catch (error) {
      setOutcome({ status: "failed", error });
    }
  };

  const convert = () =>
    run(async () => {
      const result = await convertFormulasToValues(store, await rangesInScope(store.port, scope));
      if (result.ok)
        return {
          status: "done",
          intent: "success",
          text: t("share.converted", { count: result.converted, n: count(result.converted) }),
        };
      switch (result.problem) {
        case "nothingToConvert":
          return {
            status: "done",
            intent: "info",
            text: t("share.nothingToConvert", { scope: scopeText }),
          };
        case "notCalculated":
          return {
            status: "done",
            intent: "warning",
            text: t("share.notCalculated", { cells: result.cells.join(t("list.separator")) }),
          };
        case "storeDamaged":
          return {
            status: "done",
            intent: "error",
            text: t("share.storeDamaged", { detail: messageText(result.message, i18n.language) }),
          };
      }
    });

  const restore = () =>
    run(async () => {
      const result = await restoreFormulas(store);
      if (!result.ok)
        return result.problem === "nothingStored"
          ? { status: "done", intent: "info", text: t("share.nothingStored") }
          : {
              status: "done",
              intent: "error",
              text: t("share.storeDamaged", { detail: messageText(result.message, i18n.language) }),
            };
      const restored = t("share.restored", { count: result.restored, n: count(result.restored) });
      if (result.skipped.length === 0) return { status: "done", intent: "success", text: restored };
      const cells = result.skipped
        .slice(0, 5)
        .map((entry) => sheetAddress({ sheet: entry.sheet, ...storedArea(entry) }))
        .join(t("list.separator"));
      return {
        status: "done",
        intent: "warning",
        text: `${restored} ${t("share.skipped", { count: result.skipped.length, cells })}`,
      };
    });

  const switchAutoOpen = async (autoOpen: boolean) => {
    if (!options) return;
    onOptions({ ...options, autoOpen });
    try {
      await setAutoOpen(store.port, autoOpen);
    } catch (error) {
      setOutcome({ status: "failed", error });
    }
  };

  const working = outcome.status === "working" || outcome.status === "confirm";
  return (
    <section className={styles.panel} aria-labelledby="share-heading">
      <Text as="h2" id="share-heading" weight="semibold" size={400}>
        {t("share.heading")}
      </Text>
      <Text size={200}>{t("share.description")}</Text>
      <Field label={t("share.scope")}>
        <RadioGroup value={scope} onChange={(_, data) => setScope(data.value as FormulaScope)}>
          {SCOPES.map((name) => (
            <Radio key={name} value={name} label={t(`share.scopes.${name}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button
          icon={<CalculatorArrowClockwiseRegular />}
          disabled={working}
          onClick={() => setOutcome({ status: "confirm" })}
        >
          {t("share.convert")}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={working} onClick={() => void restore()}>
          {t("share.restore")}
        </Button>
      </div>
      {outcome.status === "working" && <Spinner size="tiny" label={t("share.working")} />}
      {outcome.status === "done" && (
        <MessageBar intent={outcome.intent} data-testid="share-result">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.status === "failed" && <ProblemBar problem={problemOf(outcome.error)} />}
      <Switch
        checked={options?.autoOpen ?? false}
        disabled={options === null}
        label={t("share.autoOpen")}
        onChange={(_, data) => void switchAutoOpen(data.checked)}
      />
      <ConsentDialog
        open={outcome.status === "confirm"}
        title={t("share.confirmTitle")}
        text={t("share.confirmText", { scope: scopeText })}
        keep={t("share.keepFormulas")}
        proceed={t("share.confirmConvert")}
        onProceed={() => void convert()}
        onKeep={() => setOutcome({ status: "idle" })}
      />
    </section>
  );
}
