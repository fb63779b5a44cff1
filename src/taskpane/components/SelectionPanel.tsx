import type { CellValue } from "../../core/cells";
import {
  Button,
  MessageBar,
  MessageBarActions,
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
import { formatSerialDate } from "../../core/messages/render";
import { problem } from "../flow/problems";
import { sheetAddress } from "../flow/readSelection";
import { dateColumns } from "../flow/tableSetup";
import { DataSource, LoadState } from "../useSelectedData";
import { ProblemBar } from "./ProblemBar";

const PREVIEW_ROWS = 3;

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  loading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progress: { flexGrow: 1 },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  preview: { overflowX: "auto" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
});

/** A cell as the preview shows it: a date column's serials as dates, as Excel shows them. */
function display(value: CellValue, isDate: boolean): string {
  if (value === null) return "";
  return isDate && typeof value === "number" ? formatSerialDate(value) : String(value);
}

/** Step 1: read the selection or the current region, and show what was read. */
export function SelectionPanel({
  state,
  load,
  cancel,
  writing = false,
}: {
  state: LoadState;
  load: (which: DataSource) => void;
  cancel: () => void;
  /** Results are being written: reading other data now would pull the rows from under the write. */
  writing?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const dates = new Set(
    state.status === "loaded" ? dateColumns(state.data.values.slice(0, PREVIEW_ROWS + 1), true) : []
  );

  return (
    <section className={styles.panel} aria-labelledby="data-heading">
      <Text as="h2" id="data-heading" weight="semibold" size={400}>
        {t("selection.heading")}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TableRegular />}
          disabled={writing}
          onClick={() => load("selection")}
        >
          {t("selection.useSelection")}
        </Button>
        <Button
          icon={<TextBulletListSquareRegular />}
          disabled={writing}
          onClick={() => load("currentRegion")}
        >
          {t("selection.useCurrentRegion")}
        </Button>
      </div>
      {state.status === "idle" && <Text>{t("selection.none")}</Text>}
      {state.status === "loading" && (
        <div className={styles.loading}>
          <ProgressBar
            className={styles.progress}
            aria-label={t("selection.loading")}
            value={state.totalRows > 0 ? state.doneRows / state.totalRows : undefined}
          />
          <Button size="small" onClick={cancel}>
            {t("actions.cancel")}
          </Button>
        </div>
      )}
      {state.status === "failed" && <ProblemBar problem={state.problem} />}
      {state.status === "failed" && state.problem.key === "singleCell" && (
        <div className={styles.actions}>
          <Button disabled={writing} onClick={() => load("currentRegion")}>
            {t("selection.useCurrentRegion")}
          </Button>
        </div>
      )}
      {state.status === "loaded" && (
        <>
          <div className={styles.facts}>
            <Text data-testid="selection-address">
              {t("selection.address")}: {sheetAddress(state.data.range)}
            </Text>
            <Text data-testid="selection-size">
              {t("selection.size", {
                rows: state.data.range.rowCount,
                columns: state.data.range.columnCount,
              })}
            </Text>
          </div>
          {state.data.continuesBelow && (
            <MessageBar intent="warning" data-testid="rows-below">
              <MessageBarBody>
                {t("dataChecks.moreBelow", {
                  count: state.data.continuesBelow.rows,
                  blankRow: state.data.continuesBelow.blankRow,
                })}
              </MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  disabled={writing}
                  onClick={() =>
                    state.data.continuesBelow && load({ range: state.data.continuesBelow.range })
                  }
                >
                  {t("dataChecks.includeBelow")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.data.hiddenRows > 0 && (
            <ProblemBar
              problem={problem("hiddenRows", { count: state.data.hiddenRows }, "warning")}
            />
          )}
          <div
            className={styles.preview}
            tabIndex={0}
            role="region"
            aria-label={t("selection.preview")}
          >
            <Table size="extra-small" className={styles.table} aria-label={t("selection.preview")}>
              <TableHeader>
                <TableRow>
                  {state.data.values[0].map((value, column) => (
                    <TableHeaderCell key={column} className={styles.cell}>
                      {display(value, dates.has(column))}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.data.values.slice(1, PREVIEW_ROWS + 1).map((row, index) => (
                  <TableRow key={index}>
                    {row.map((value, column) => (
                      <TableCell key={column} className={styles.cell}>
                        {display(value, dates.has(column))}
                      </TableCell>
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
