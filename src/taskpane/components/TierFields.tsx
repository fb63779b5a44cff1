import {
  Field,
  Input,
  Radio,
  RadioGroup,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { tierPalette } from "../../core/segmentation/palette";
import { TierBasis } from "../../core/tiers/assignTiers";
import {
  MAX_TIERS_IN_PANE,
  MIN_TIERS,
  TierChoice,
  TierNames,
  defaultCutoffs,
} from "../flow/tierChoice";
import { spinValue } from "./numberInput";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tiers: {
    display: "grid",
    gridTemplateColumns: "16px minmax(0, 1fr) 96px",
    alignItems: "center",
    gap: tokens.spacingVerticalXS + " " + tokens.spacingHorizontalS,
  },
  swatch: {
    width: "16px",
    height: "16px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
  },
  columnHeader: { color: tokens.colorNeutralForeground3 },
  rest: { color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
});

/**
 * Tier count, basis (share of customers or ABC share of value), and per tier its name and where it ends as a
 * cumulative percentage; the last tier takes the rest. Used by value tiers, score tiers and predicted-CLV tiers.
 */
export function TierFields({
  id,
  value,
  tierNames,
  onChange,
}: {
  /** Prefix for element ids, unique per method. */
  id: string;
  value: TierChoice;
  tierNames: TierNames;
  onChange: (value: TierChoice) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const count = value.labels.length;
  const palette = tierPalette(count);
  const unit = t(`tiers.basisUnit.${value.basis}`);

  const setCount = (next: number) => {
    if (!Number.isInteger(next) || next < MIN_TIERS || next > MAX_TIERS_IN_PANE) return;
    onChange({ ...value, labels: tierNames(next), cutoffs: defaultCutoffs(next, value.basis) });
  };
  const setBasis = (basis: TierBasis) =>
    onChange({ ...value, basis, cutoffs: defaultCutoffs(count, basis) });
  const setLabel = (j: number, label: string) =>
    onChange({ ...value, labels: value.labels.map((old, k) => (k === j ? label : old)) });
  const setCutoff = (j: number, cutoff: number) =>
    onChange({ ...value, cutoffs: value.cutoffs.map((old, k) => (k === j ? cutoff : old)) });

  return (
    <div className={styles.fields}>
      <Field label={t("tiers.count")}>
        <SpinButton
          value={count}
          min={MIN_TIERS}
          max={MAX_TIERS_IN_PANE}
          onChange={(_, data) => setCount(spinValue(data))}
        />
      </Field>
      <Field label={t("tiers.basis")}>
        <RadioGroup value={value.basis} onChange={(_, data) => setBasis(data.value as TierBasis)}>
          <Radio value="customers" label={t("tiers.basisCustomers")} />
          <Radio value="value" label={t("tiers.basisValue")} />
        </RadioGroup>
      </Field>
      <div className={styles.tiers} role="group" aria-labelledby={`${id}-tiers`}>
        <span />
        <Text id={`${id}-tiers`} size={200} className={styles.columnHeader}>
          {t("tiers.names")}
        </Text>
        <Text size={200} className={styles.columnHeader}>
          {t("tiers.endsAt", { unit })}
        </Text>
        {value.labels.map((label, j) => (
          <TierRow
            key={j}
            colour={palette[j].fill}
            label={label}
            cutoff={j < count - 1 ? value.cutoffs[j] : null}
            nameLabel={t("tiers.nameOf", { n: j + 1 })}
            cutoffLabel={t("tiers.cutoffOf", { n: j + 1, unit })}
            restText={t("tiers.rest")}
            onLabel={(text) => setLabel(j, text)}
            onCutoff={(cutoff) => setCutoff(j, cutoff)}
          />
        ))}
      </div>
    </div>
  );
}

function TierRow({
  colour,
  label,
  cutoff,
  nameLabel,
  cutoffLabel,
  restText,
  onLabel,
  onCutoff,
}: {
  colour: string;
  label: string;
  cutoff: number | null;
  nameLabel: string;
  cutoffLabel: string;
  restText: string;
  onLabel: (label: string) => void;
  onCutoff: (cutoff: number) => void;
}) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.swatch} style={{ background: colour }} aria-hidden />
      <Input
        size="small"
        value={label}
        aria-label={nameLabel}
        onChange={(_, data) => onLabel(data.value)}
      />
      {cutoff === null ? (
        <Text size={200} className={styles.rest}>
          {restText}
        </Text>
      ) : (
        <SpinButton
          size="small"
          value={cutoff}
          min={1}
          max={99}
          aria-label={cutoffLabel}
          onChange={(_, data) => {
            const next = spinValue(data);
            if (Number.isFinite(next)) onCutoff(next);
          }}
        />
      )}
    </>
  );
}
