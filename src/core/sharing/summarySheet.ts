import type { CellValue } from "../cells";
import type { ConditionalFill, WritePlan } from "../workbook/workbookPort";
import { tierPalette, TierColour } from "../segmentation/palette";
import type { TierSummary } from "../segmentation/segmentCustomers";
import type { RunComparison } from "./compareRuns";
import type { Translate } from "./sharingText";

/** The chart's name on the sheet, so a later run replaces it rather than adding another. */
export const SUMMARY_CHART = "CVA tier distribution";

const TABLE_TOP = 2;
const TABLE_COLUMNS = 7;
/** Where the chart sits: right of the table, 8 columns × 16 rows (about 480 × 320 px at default sizes). */
const CHART_LEFT = TABLE_COLUMNS + 1;
const CHART_SIZE = { rowCount: 16, columnCount: 8 };

export interface SummaryInput {
  /** This run's tiers, best first. */
  tiers: readonly TierSummary[];
  /** The comparison with the previous run, or null on a first run. */
  comparison: RunComparison | null;
  /** Words in the reader's language (SHARING_TEXT keys; the pane passes i18next's t). */
  translate: Translate;
  /** The tier colours of the output; default tierPalette. */
  palette?: readonly TierColour[];
  /** The sheet's name; default the translated "segmentSummary.sheetName". */
  sheet?: string;
}

/**
 * The "Segment summary" sheet for people who only read: per tier its customers, share, value, share of value, change
 * in customers since the previous run and recommended action; below, the from→to movement table; beside, a native
 * column chart of customers per tier (built by Excel from the table, so it is in the file). The sheet is replaced
 * on each run; tier names get the output's colours by the same kind of rule.
 */
export function planSummarySheet(input: SummaryInput): WritePlan {
  const { tiers, comparison, translate: t } = input;
  const sheet = input.sheet ?? t("segmentSummary.sheetName");
  const previousCount = (label: string): number | null => {
    if (!comparison) return null;
    const i = comparison.from.findIndex(
      (from) => from.toLocaleLowerCase() === label.toLocaleLowerCase()
    );
    // A tier that did not exist last run had no customers then.
    return i < 0 ? 0 : comparison.movement[i].reduce((sum, n) => sum + n, 0);
  };
  const rows: CellValue[][] = [
    [t("segmentSummary.title")],
    [],
    [
      t("segmentSummary.tier"),
      t("segmentSummary.customers"),
      t("segmentSummary.shareOfCustomers"),
      t("segmentSummary.value"),
      t("segmentSummary.shareOfValue"),
      t("segmentSummary.changeSincePrevious"),
      t("segmentSummary.action"),
    ],
    ...tiers.map((tier) => {
      const before = previousCount(tier.label);
      return [
        tier.label,
        tier.customers,
        percent(tier.shareOfCustomers),
        Math.round(tier.value * 100) / 100,
        percent(tier.shareOfValue),
        before === null ? null : tier.customers - before,
        t(tier.action),
      ];
    }),
    [],
    [t("segmentSummary.movementTitle")],
    ...(comparison ? movementRows(comparison, t) : [[t("segmentSummary.noPrevious")]]),
  ];
  const width = Math.max(...rows.map((row) => row.length));
  const values = rows.map((row) => [
    ...row,
    ...new Array<CellValue>(width - row.length).fill(null),
  ]);

  const palette = input.palette ?? tierPalette(tiers.length);
  const firstTierRow = TABLE_TOP + 1;
  const rules: ConditionalFill[] = tiers.map((tier, j) => ({
    formula: `=$A${firstTierRow + 1}="${tier.label.replace(/"/g, '""')}"`,
    fill: palette[j].fill,
    fontColor: palette[j].fontColor,
  }));
  return {
    sheets: [{ name: sheet, replace: true }],
    clear: [],
    values: [{ at: { sheet, row: 0, column: 0 }, values }],
    fills: [
      {
        sheet,
        areas: [{ row: firstTierRow, column: 0, rowCount: tiers.length, columnCount: 1 }],
        rules,
      },
    ],
    settings: {},
    charts: [
      {
        sheet,
        name: SUMMARY_CHART,
        type: "columnClustered",
        title: t("segmentSummary.chartTitle"),
        // Tier names and customer counts with their header row: categories and one series.
        data: { row: TABLE_TOP, column: 0, rowCount: tiers.length + 1, columnCount: 2 },
        position: { row: TABLE_TOP, column: CHART_LEFT, ...CHART_SIZE },
      },
    ],
  };
}

/** The movement table: a corner label and this run's tiers then "Gone" across; previous tiers then "New" down. */
function movementRows(comparison: RunComparison, t: Translate): CellValue[][] {
  const across = [...comparison.to, t("movement.gone")];
  const down = [...comparison.from, t("movement.new")];
  return [
    [t("movement.corner"), ...across],
    ...down.map((label, i) => [label, ...comparison.movement[i]]),
  ];
}

/** Shares as percentages with one decimal, as the output's legend writes them. */
function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}
