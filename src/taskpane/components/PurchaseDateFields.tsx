import { useTranslation } from "react-i18next";
import type { CustomerTable } from "../flow/customerTable";
import { ColumnDropdown, columnChoices } from "./ColumnDropdown";

/** First and last purchase date columns of a customer sheet, as the methods that need them store them. */
export interface PurchaseDates {
  firstPurchase: number | undefined;
  lastPurchase: number | undefined;
}

/** The two date-column dropdowns of a method that places customers by their first and last purchase. */
export function PurchaseDateFields<S extends PurchaseDates>({
  table,
  value,
  onChange,
}: {
  table: CustomerTable;
  value: S;
  onChange: (value: S) => void;
}) {
  const { t } = useTranslation();
  const dates = columnChoices(table.labels, table.range.column, table.dateColumns);
  return (
    <>
      <ColumnDropdown
        label={t("predictive.firstPurchase")}
        choices={dates}
        value={value.firstPurchase}
        onChange={(firstPurchase) => onChange({ ...value, firstPurchase })}
      />
      <ColumnDropdown
        label={t("predictive.lastPurchase")}
        choices={dates}
        value={value.lastPurchase}
        onChange={(lastPurchase) => onChange({ ...value, lastPurchase })}
      />
    </>
  );
}
