import {
  Checkbox,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { TableKind } from "../../core/table/detectColumns";
import { Problem } from "../flow/problems";
import { SelectedData } from "../flow/readSelection";
import {
  ROLES_BY_KIND,
  TableSetup,
  assignRole,
  columnLabels,
  latestPurchase,
} from "../flow/tableSetup";
import { AsOfField } from "./AsOfField";
import { ColumnDropdown, columnChoices } from "./ColumnDropdown";
import { ProblemBar } from "./ProblemBar";

const KINDS: readonly TableKind[] = ["customers", "transactions"];

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingVerticalS + " " + tokens.spacingHorizontalM,
  },
});

/** Step 2: what the columns are. Detection proposes (English and Chinese headers, then content); the user fixes. */
export function MappingPanel({
  data,
  setup,
  problems,
  summarySheet,
  onChange,
}: {
  data: SelectedData;
  setup: TableSetup;
  problems: Problem[];
  summarySheet: string;
  onChange: (setup: TableSetup) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const choices = columnChoices(columnLabels(data, setup.hasHeader), data.range.column);
  const latest = useMemo(() => latestPurchase(data, setup), [data, setup]);
  return (
    <section className={styles.panel} aria-labelledby="mapping-heading">
      <Text as="h2" id="mapping-heading" weight="semibold" size={400}>
        {t("mapping.heading")}
      </Text>
      <Field label={t("mapping.kind")}>
        <Dropdown
          className={styles.dropdown}
          value={t(`mapping.kinds.${setup.kind}`)}
          selectedOptions={[setup.kind]}
          onOptionSelect={(_, option) =>
            onChange({ ...setup, kind: option.optionValue as TableKind })
          }
        >
          {KINDS.map((kind) => (
            <Option key={kind} value={kind} text={t(`mapping.kinds.${kind}`)}>
              {t(`mapping.kinds.${kind}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        checked={setup.hasHeader}
        label={t("mapping.hasHeader")}
        onChange={(_, checkbox) => onChange({ ...setup, hasHeader: checkbox.checked === true })}
      />
      <div className={styles.roles}>
        {ROLES_BY_KIND[setup.kind].map((role) => (
          <ColumnDropdown
            key={role}
            label={t(`roles.${role}`)}
            choices={choices}
            value={setup.mapping[role]}
            allowNone
            onChange={(column) =>
              onChange({ ...setup, mapping: assignRole(setup.mapping, role, column) })
            }
          />
        ))}
      </div>
      <Text size={200}>
        {setup.kind === "transactions"
          ? t("mapping.transactionsNote", { sheet: summarySheet })
          : t("mapping.customersNote")}
      </Text>
      {latest !== null && (
        <AsOfField
          latest={latest}
          given={setup.asOfDate}
          transactions={setup.kind === "transactions"}
          onChange={(asOfDate) => {
            const { asOfDate: _previous, ...rest } = setup;
            onChange(asOfDate === undefined ? rest : { ...rest, asOfDate });
          }}
        />
      )}
      {problems.map((p) => (
        <ProblemBar key={p.key} problem={p} />
      ))}
    </section>
  );
}
