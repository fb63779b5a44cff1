import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { columnLetters } from "../../core/workbook/a1";

export interface ColumnChoice {
  column: number;
  text: string;
}

/** "Monetary (F)": a column's label with the sheet column it is in; a header-less column is just its letters. */
export function columnChoices(
  labels: readonly string[],
  firstSheetColumn: number,
  columns: readonly number[] = labels.map((_, c) => c)
): ColumnChoice[] {
  return columns.map((column) => {
    const letters = columnLetters(firstSheetColumn + column);
    const label = labels[column];
    return { column, text: label === letters ? letters : `${label} (${letters})` };
  });
}

const NONE = "none";

const useStyles = makeStyles({
  // Fluent's Dropdown asks for 250 px; in a task pane it must share the width.
  dropdown: { minWidth: "0", width: "100%" },
  button: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

/** A labelled Fluent Dropdown that picks one column (or none, when allowed). */
export function ColumnDropdown({
  label,
  choices,
  value,
  onChange,
  allowNone = false,
  hint,
}: {
  label: string;
  choices: readonly ColumnChoice[];
  value: number | undefined;
  onChange: (column: number | undefined) => void;
  allowNone?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const selected = choices.find((choice) => choice.column === value);
  const noneText = t("mapping.none");
  return (
    <Field label={label} hint={hint}>
      <Dropdown
        className={styles.dropdown}
        button={{ className: styles.button }}
        value={selected?.text ?? noneText}
        selectedOptions={[selected ? String(selected.column) : NONE]}
        onOptionSelect={(_, data) =>
          onChange(data.optionValue === NONE ? undefined : Number(data.optionValue))
        }
      >
        {allowNone && (
          <Option value={NONE} text={noneText}>
            {noneText}
          </Option>
        )}
        {choices.map((choice) => (
          <Option key={choice.column} value={String(choice.column)} text={choice.text}>
            {choice.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
