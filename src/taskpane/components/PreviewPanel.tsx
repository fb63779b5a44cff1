import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ModelParams, modelById } from "../../core/models/registry";
import { tierPalette } from "../../core/segmentation/palette";
import { PreviewState } from "../usePreview";
import { ProblemBar } from "./ProblemBar";
import { QualityReport } from "./QualityReport";
import { TierChart } from "./TierChart";
import { TierTable } from "./TierTable";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
});

const SIGNIFICANT = { maximumSignificantDigits: 4 } as const;
/** How parameter names read in the preview: Greek where the papers write Greek. */
const SYMBOLS: Readonly<Record<string, string>> = { alpha: "α", beta: "β" };

/** "r = 0.2426, α = 4.414, a = 0.793, b = 2.426", in the model's own parameter order. */
function parameterList(params: ModelParams, number: Intl.NumberFormat, separator: string): string {
  const names = modelById(params.model).parameterNames as readonly string[];
  const values = params as unknown as Record<string, number>;
  return names
    .map((name) => `${SYMBOLS[name] ?? name} = ${number.format(values[name])}`)
    .join(separator);
}

/** Step 4: what Segment would write: customers and value per tier, a chart, and the data-quality report. */
export function PreviewPanel({ preview }: { preview: PreviewState }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const number = new Intl.NumberFormat(i18n.language, SIGNIFICANT);
  return (
    <section
      className={styles.panel}
      aria-labelledby="preview-heading"
      aria-busy={preview.status === "running"}
    >
      <Text as="h2" id="preview-heading" weight="semibold" size={400}>
        {t("preview.heading")}
      </Text>
      {preview.status === "idle" && <Text>{t("preview.idle")}</Text>}
      {preview.status === "running" && <Spinner size="tiny" label={t("preview.running")} />}
      {preview.status === "failed" && <ProblemBar problem={preview.problem} />}
      {preview.status === "ready" &&
        (() => {
          const { result, quality, fitted, report } = preview.segmented;
          const colours = tierPalette(result.tiers.length);
          const customers = result.tiers.reduce((sum, tier) => sum + tier.customers, 0);
          return (
            <>
              <Text data-testid="preview-summary" data-method={preview.segmented.method}>
                {t("preview.summary", {
                  customers: new Intl.NumberFormat(i18n.language).format(customers),
                  count: result.tiers.length,
                })}
              </Text>
              <TierChart tiers={result.tiers} colours={colours} />
              <TierTable tiers={result.tiers} colours={colours} />
              {fitted && (
                <>
                  <Text data-testid="likely-lost">
                    {t("preview.likelyLost", { count: fitted.likelyLost })}
                  </Text>
                  <Text size={200} className={styles.note} data-testid="fitted-models">
                    {t("preview.models", {
                      model: modelById(fitted.purchases.model).displayName,
                      params: parameterList(fitted.purchases, number, t("list.separator")),
                      spend: parameterList(fitted.spend, number, t("list.separator")),
                    })}
                  </Text>
                </>
              )}
              {report?.lines.map((line) => (
                <Text key={line} data-testid="report-line">
                  {line}
                </Text>
              ))}
              <QualityReport reports={quality} />
            </>
          );
        })()}
    </section>
  );
}
