import { columnLetters } from "../workbook/a1";
import type { FillRules } from "../workbook/workbookPort";
import type { SegmentationResult } from "../segmentation/segmentCustomers";
import type { SegmentationPlan } from "../segmentation/writePlan";
import { FLAG, RunComparison, TIER_RISE } from "./compareRuns";
import type { Translate } from "./sharingText";
import type { CurrentRun } from "./snapshot";

/** Starts the text of every flagged cell, whatever the language: the colour rule looks for it. */
export const WARNING_MARK = "▼";
const RISE_MARK = "▲";

/**
 * Excel's own "Light Red Fill with Dark Red Text" preset, which spreadsheet users already read as a warning, and
 * apart from the tier palette (contrast 5.9:1).
 */
export const WARNING_FILL = { fill: "#FFC7CE", fontColor: "#9C0006" } as const;

/**
 * The Change column, one entry per data row of the selection: warnings first, each starting with ▼ ("▼ High→Medium",
 * "▼ value −35%", "▼ P(alive) −25 pts"), then news ("▲ Medium→High", "New"), joined by "; "; "" when nothing changed,
 * null on rows the run skipped. The marks are added here, outside the translated words, so a translation cannot
 * break the colour rule.
 */
export function changeColumnValues(
  comparison: RunComparison,
  current: CurrentRun,
  dataRows: number,
  translate: Translate
): (string | null)[] {
  const values = new Array<string | null>(dataRows).fill(null);
  const { run, slots, rows } = current;
  for (let k = 0; k < slots.length; k++) {
    const flags = comparison.flags[k];
    const before = comparison.previousTier[k];
    if (flags === 0 && before >= 0) {
      values[rows[k]] = "";
      continue;
    }
    const move = () =>
      translate("change.tierMove", {
        from: comparison.from[before],
        to: comparison.to[run.tiers[slots[k]] - 1],
      });
    const parts: string[] = [];
    if (flags & FLAG.tierDrop) parts.push(`${WARNING_MARK} ${move()}`);
    if (flags & FLAG.valueDrop)
      parts.push(
        `${WARNING_MARK} ${translate("change.valueDrop", { percent: Math.round(-comparison.valueChange[k] * 100) })}`
      );
    if (flags & FLAG.aliveDrop)
      parts.push(
        `${WARNING_MARK} ${translate("change.aliveDrop", { points: Math.round(-comparison.aliveChange[k] * 100) })}`
      );
    if (before < 0) parts.push(translate("change.new"));
    if (flags & TIER_RISE) parts.push(`${RISE_MARK} ${move()}`);
    values[rows[k]] = parts.join("; ");
  }
  return values;
}

/**
 * The result with the Change column added after its own columns, so planSegmentationOutput writes it with them (and
 * owns it, so a re-run clears it) and places the legend after it.
 */
export function withChangeColumn(
  result: SegmentationResult,
  values: (string | null)[],
  header: string
): SegmentationResult {
  return { ...result, columns: [...result.columns, { header, values }] };
}

/**
 * The Change column's colour rule, for a plan of a result made by withChangeColumn (its last column): one rule,
 * =LEFT($K2,1)="▼", on the column's data cells.
 */
export function changeFill(plan: SegmentationPlan): FillRules {
  const column = plan.target.column + plan.target.columnCount - 1;
  const { row, rowCount } = plan.fills.range;
  return {
    sheet: plan.target.sheet,
    areas: [{ row, column, rowCount, columnCount: 1 }],
    rules: [
      {
        formula: `=LEFT($${columnLetters(column)}${row + 1},1)="${WARNING_MARK}"`,
        ...WARNING_FILL,
      },
    ],
  };
}
