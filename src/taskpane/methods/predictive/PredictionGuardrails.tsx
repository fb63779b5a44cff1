import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Guardrail } from "../../../core/models/guardrails";
import { TRANSACTION_MODELS, type TransactionModelId } from "../../../core/models/registry";
import type { CustomerTable } from "../../flow/customerTable";
import { engineErrorText, type UiLanguage } from "../../i18n";
import { ONE_TIME_BUYERS_MODEL } from "./index";

const displayName = (id: TransactionModelId) =>
  TRANSACTION_MODELS.find((model) => model.id === id)?.displayName ?? id;
const percent = (share: number) => `${Math.round(share * 100)}`;

/**
 * Before a run: the guardrails of each model about to be fitted (predictionGuardrails), each with what to do; when a
 * model counts one-time buyers alive and `onSwitchModel` is given, a button switches to MBG/NBD. The check loads the
 * models on first use and runs after the settings settle; `kinds` limits what is shown (Check the model fits
 * purchases only, so spend does not concern it).
 */
export function PredictionGuardrails({
  table,
  models,
  dates,
  kinds,
  onSwitchModel,
}: {
  table: CustomerTable;
  models: readonly TransactionModelId[];
  dates: { firstPurchase: number | undefined; lastPurchase: number | undefined };
  kinds?: readonly Guardrail["kind"][];
  onSwitchModel?: (model: TransactionModelId) => void;
}) {
  const { t, i18n } = useTranslation();
  const [guardrails, setGuardrails] = useState<Guardrail[] | null>(null);
  const { firstPurchase, lastPurchase } = dates;
  const key = models.join(",");
  useEffect(() => {
    let current = true;
    setGuardrails(null);
    const timer = setTimeout(() => {
      void import("./guardrailCheck").then(({ checkPrediction }) => {
        if (!current) return;
        try {
          const found = models.flatMap(
            (model) => checkPrediction(table, model, { firstPurchase, lastPurchase }).guardrails
          );
          // Spend is the same whatever the purchase model: its guardrails once.
          const seen = new Set<string>();
          setGuardrails(
            found.filter((guardrail) => {
              const id =
                guardrail.kind === "oneTimeAlive" || guardrail.kind === "fitFailed"
                  ? `${guardrail.kind}:${guardrail.model}`
                  : guardrail.kind;
              if (seen.has(id) || (kinds && !kinds.includes(guardrail.kind))) return false;
              seen.add(id);
              return true;
            })
          );
        } catch {
          // Settings the run would refuse (their problems are listed already): nothing to check yet.
          setGuardrails([]);
        }
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- models by value (key), kinds fixed per method
  }, [table, key, firstPurchase, lastPurchase]);

  if (guardrails === null)
    return (
      <Text size={200} data-testid="guardrails-checking">
        {t("predictiveAdvice.checking")}
      </Text>
    );
  if (guardrails.length === 0) return null;
  return (
    <div data-testid="guardrails" role="group" aria-label={t("predictiveAdvice.heading")}>
      {guardrails.map((guardrail) => (
        <MessageBar
          key={`${guardrail.kind}:${"model" in guardrail ? guardrail.model : ""}`}
          intent="warning"
          data-guardrail={guardrail.kind}
        >
          <MessageBarBody>
            {guardrailText(guardrail, t, i18n.language as UiLanguage)}
            {guardrail.kind === "oneTimeAlive" && onSwitchModel && (
              <>
                {" "}
                <Button size="small" onClick={() => onSwitchModel(ONE_TIME_BUYERS_MODEL)}>
                  {t("predictiveAdvice.switchModel", {
                    model: displayName(ONE_TIME_BUYERS_MODEL),
                  })}
                </Button>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}

function guardrailText(
  guardrail: Guardrail,
  t: (key: string, options?: Record<string, unknown>) => string,
  language: UiLanguage
): string {
  switch (guardrail.kind) {
    case "spendCorrelation":
      return t("predictiveAdvice.spendCorrelation", {
        correlation: guardrail.correlation.toFixed(2),
        count: guardrail.customers,
      });
    case "nonPositiveSpend":
      return t("predictiveAdvice.nonPositiveSpend", { count: guardrail.customers });
    case "oneTimeAlive":
      return t("predictiveAdvice.oneTimeAlive", {
        model: displayName(guardrail.model),
        count: guardrail.customers,
        percent: percent(guardrail.share),
        other: displayName(ONE_TIME_BUYERS_MODEL),
      });
    case "fitFailed":
      return t("predictiveAdvice.fitFailed", {
        model: displayName(guardrail.model),
        reason: engineErrorText(guardrail.error, language),
      });
  }
}
