import { useTranslation } from "react-i18next";
import { CustomerTable, valueColumns } from "../../flow/customerTable";
import type { TierNames } from "../../flow/tierChoice";
import type { TiersSettings } from "./index";
import { ColumnDropdown, columnChoices } from "../../components/ColumnDropdown";
import { TierFields } from "../../components/TierFields";

/** Value tiers: any numeric column (spend, CLV…), then the tiers. */
export function TierSettings({
  table,
  value,
  tierNames,
  onChange,
}: {
  table: CustomerTable;
  value: TiersSettings;
  tierNames: TierNames;
  onChange: (value: TiersSettings) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ColumnDropdown
        label={t("tiers.column")}
        choices={columnChoices(table.labels, table.range.column, valueColumns(table))}
        value={value.column}
        onChange={(column) => onChange({ ...value, column })}
      />
      <TierFields
        id="value-tiers"
        value={value.tiers}
        tierNames={tierNames}
        onChange={(tiers) => onChange({ ...value, tiers })}
      />
    </>
  );
}
