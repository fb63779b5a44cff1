import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableRegular, TextBulletListSquareRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { rangeAddress } from "../../excel/a1";
import { CellScalar, WorkbookPort } from "../../excel/workbookPort";
import { useSelectedData } from "../useSelectedData";

const PREVIEW_ROWS = 5;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  preview: { overflowX: "auto" },
});

function display(value: CellScalar): string {
  return value === null ? "" : String(value);
}

export function SelectionPanel({ workbook }: { workbook: WorkbookPort }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state, load } = useSelectedData(workbook);

  return (
    <section className={styles.panel} aria-labelledby="data-heading">
      <Text as="h2" id="data-heading" weight="semibold" size={400}>
        {t("selection.heading")}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableRegular />} onClick={() => void load("selection")}>
          {t("selection.useSelection")}
        </Button>
        <Button icon={<TextBulletListSquareRegular />} onClick={() => void load("currentRegion")}>
          {t("selection.useCurrentRegion")}
        </Button>
      </div>
      {state.status === "idle" && <Text>{t("selection.none")}</Text>}
      {state.status === "loading" && (
        <ProgressBar
          aria-label={t("selection.loading")}
          value={state.totalRows > 0 ? state.doneRows / state.totalRows : undefined}
        />
      )}
      {state.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t(`errors.${state.error.kind}`, { detail: state.error.message })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "loaded" && (
        <>
          <Text data-testid="selection-address">
            {t("selection.address")}: {state.data.range.sheet}!{rangeAddress(state.data.range)}
          </Text>
          <Text data-testid="selection-size">
            {t("selection.size", {
              rows: state.data.range.rowCount,
              columns: state.data.range.columnCount,
            })}
          </Text>
          <div className={styles.preview}>
            <Table size="extra-small" aria-label={t("selection.preview")}>
              <TableHeader>
                <TableRow>
                  {state.data.values[0].map((value, column) => (
                    <TableHeaderCell key={column}>{display(value)}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.data.values.slice(1, PREVIEW_ROWS + 1).map((row, index) => (
                  <TableRow key={index}>
                    {row.map((value, column) => (
                      <TableCell key={column}>{display(value)}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
