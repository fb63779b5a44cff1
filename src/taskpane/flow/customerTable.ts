import type { CellValue } from "../../core/cells";
import type { CustomerRows } from "../../core/segmentation/segmentCustomers";
import { columnKinds } from "../../core/table/columnChecks";
import { detectColumns, ColumnMapping } from "../../core/table/detectColumns";
import { QualityReport } from "../../core/table/prepareCustomers";
import { CustomerSummary, summariseTransactions } from "../../core/table/summariseTransactions";
import type { SheetRange } from "../../core/workbook/workbookPort";
import { ProblemError, problem } from "./problems";
import type { PaneSkippedRow } from "./quality";
import type { SelectedData } from "./readSelection";
import { TableSetup, columnLabels, dateColumns } from "./tableSetup";

/** Transactions summarised into customers: where the summary goes and what was left out on the way. */
export interface TransactionSummary {
  /** The transaction rows left out, with their sheet row numbers. */
  quality: QualityReport;
  /** The rows with a negative amount: refunds, used as CVA.RFMSUMMARY uses them (netted into their day's spend). */
  refunds: PaneSkippedRow[];
  /** The transaction table's sheet and column labels, for the report. */
  sourceSheet: string;
  sourceLabels: string[];
  /** Where the transactions are: the results must not overwrite them. */
  sourceRange: SheetRange;
  /** The models' inputs per customer row, as CVA.RFMSUMMARY gives them (see summariseTransactions). */
  modelInputs: CustomerSummary["modelInputs"];
  /** The transactions themselves, one entry per data row: for methods that split them in time (Check the model). */
  transactions: { customerIds: CellValue[]; dates: CellValue[]; amounts: CellValue[] };
}

/** One row per customer, ready to segment: the selection itself, or the summary of a transaction table. */
export interface CustomerTable {
  rows: readonly (readonly CellValue[])[];
  hasHeader: boolean;
  /** Where the rows are (or, for a summary, will be written): results go right of it. */
  range: SheetRange;
  mapping: ColumnMapping;
  labels: string[];
  /** Columns of numbers besides the customer id: for tiers, scores and models. */
  numericColumns: number[];
  /** Columns of dates: first and last purchase for the predictive models. */
  dateColumns: number[];
  /** The as-of date the user set (TableSetup.asOfDate); absent, the latest purchase. */
  asOfDate?: number;
  summary?: TransactionSummary;
}

/**
 * The customers the methods work on. A customer table is the selection as the user mapped it. A transaction
 * table (customer, date, amount) is summarised first into one row per customer (summariseTransactions: recency in
 * days to the latest purchase, frequency in purchase days, monetary the total), to be written at A1 of
 * `summarySheet` and segmented there.
 */
export function customerTable(
  data: SelectedData,
  setup: TableSetup,
  summarySheet: string
): CustomerTable {
  if (setup.kind === "customers") {
    const labels = columnLabels(data, setup.hasHeader);
    const detected = detectColumns(data.values, { firstColumn: data.range.column });
    return {
      rows: data.values,
      hasHeader: setup.hasHeader,
      range: data.range,
      mapping: setup.mapping,
      labels,
      numericColumns: detected.numericColumns
        .map((numeric) => numeric.column)
        .filter((column) => column !== setup.mapping.customer),
      dateColumns: dateColumns(data.values, setup.hasHeader),
      asOfDate: setup.asOfDate,
    };
  }
  const { customer, date, amount } = setup.mapping;
  if (customer === undefined || date === undefined || amount === undefined)
    throw new ProblemError(problem("unmapped", { roles: "customer,date,amount" }));
  const summary = summariseTransactions(
    data.values,
    { customer, date, amount },
    { hasHeader: setup.hasHeader, firstRow: data.range.row, asOfDate: setup.asOfDate }
  );
  const detected = detectColumns(summary.rows);
  return {
    rows: summary.rows,
    hasHeader: true,
    range: {
      sheet: summarySheet,
      row: 0,
      column: 0,
      rowCount: summary.rows.length,
      columnCount: summary.rows[0].length,
    },
    mapping: summary.mapping,
    labels: detected.labels,
    numericColumns: detected.numericColumns.map((numeric) => numeric.column),
    dateColumns: dateColumns(summary.rows, true),
    asOfDate: setup.asOfDate,
    summary: {
      quality: summary.quality,
      refunds: summary.refundRows.map((sheetRow) => ({
        sheetRow,
        reason: "refund",
        column: amount,
        kept: true,
      })),
      sourceSheet: data.range.sheet,
      sourceLabels: columnLabels(data, setup.hasHeader),
      sourceRange: data.range,
      modelInputs: summary.modelInputs,
      transactions: transactionColumns(
        data.values.slice(setup.hasHeader ? 1 : 0),
        customer,
        date,
        amount
      ),
    },
  };
}

function transactionColumns(
  rows: readonly (readonly CellValue[])[],
  ...columns: [number, number, number]
): TransactionSummary["transactions"] {
  const [customerIds, dates, amounts] = columns.map((column) => rows.map((row) => row[column]));
  return { customerIds, dates, amounts };
}

/** The columns value tiers can rank: numbers that are not dates (a date is no value to tier). */
export function valueColumns(
  table: Pick<CustomerTable, "numericColumns" | "dateColumns">
): number[] {
  return table.numericColumns.filter((column) => !table.dateColumns.includes(column));
}

/** Rows below the header. */
export function dataRowCount(table: Pick<CustomerTable, "rows" | "hasHeader">): number {
  return Math.max(0, table.rows.length - (table.hasHeader ? 1 : 0));
}

/**
 * The table as the engine reads it: rows, header, where they start on the sheet, the id column, and what each
 * mapped column holds (columnKinds), which every method checks by the same rule.
 */
export function customerRows(table: CustomerTable): CustomerRows {
  return {
    rows: table.rows,
    hasHeader: table.hasHeader,
    firstRow: table.range.row,
    customer: table.mapping.customer,
    kinds: columnKinds(table.mapping, table.dateColumns),
    asOfDate: table.asOfDate,
  };
}
