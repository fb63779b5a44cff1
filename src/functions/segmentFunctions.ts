// Segmentation and scoring over a population of customers: RFM scores and segments, value tiers, weighted scores.
import { isBlank } from "../core/cells";
import { cvaError, isCvaError } from "../core/errors";
import { phrase } from "../core/messages/catalogue";
import { rfmCode } from "../core/rfm/rfmCode";
import { rfmScores } from "../core/rfm/rfmScores";
import { DEFAULT_SEGMENT_MAP, SegmentMap } from "../core/rfm/segmentMap";
import { segmentMapFrom } from "../core/rfm/segmentMapFrom";
import { segmentOf } from "../core/rfm/segmentOf";
import { weightedScores } from "../core/score/weightedScores";
import {
  assignTiers,
  DEFAULT_TIER_CUTOFFS,
  defaultTierLabels,
  TierBasis,
} from "../core/tiers/assignTiers";
import { fromExcelCell, toExcelCell } from "./excelValues";
import {
  cellNumber,
  cellNumberOr,
  columnOf,
  listOf,
  matrixOf,
  numericRows,
  NumericRows,
  optionalCell,
  optionalChoice,
  refuseRows,
  spill,
  spillNumericRows,
  sharedRows,
  Subject,
  subjectOf,
} from "./ranges";

// ── Segmentation and scoring: population functions over columns ─────────────────────────────────────────────────

const RFM_FORMATS = ["code", "sum", "columns"] as const;
const RECENCY = phrase("term.recency");
const FREQUENCY = phrase("term.frequency");
const MONETARY = phrase("term.monetary");
const BINS = phrase("term.bins");
const VALUES = phrase("term.values");

/**
 * RFM scores 1..bins per customer. Break points are PERCENTILE.INC of each column at k/bins; a score is 1 + the number of break points the value strictly beats: larger for frequency and monetary, smaller (more recent) for recency, so ties never promote. Spills one row per customer.
 * @customfunction RFMSCORE
 * @param {number[][]} recency Periods since each customer's last purchase (one column).
 * @param {number[][]} frequency Number of purchases per customer (one column, same length).
 * @param {number[][]} monetary Spend per customer (one column, same length).
 * @param {number} [bins] Number of score levels, 2 to 9 for codes. Default 5.
 * @param {string} [format] "code" (text such as "545", the default), "sum" (R+F+M) or "columns" (R, F and M side by side).
 * @returns {any[][]} RFM score per customer.
 */
export function rfmScore(
  recency: number[][],
  frequency: number[][],
  monetary: number[][],
  bins?: number,
  format?: string
): any[][] {
  return spill(() => {
    const rows = populationRows([
      { rows: columnOf(recency, RECENCY), column: 0, what: RECENCY },
      { rows: columnOf(frequency, FREQUENCY), column: 0, what: FREQUENCY },
      { rows: columnOf(monetary, MONETARY), column: 0, what: MONETARY },
    ]);
    const binCount = cellNumberOr(optionalCell(bins, BINS), BINS, 5);
    const shape = optionalChoice(format, phrase("term.format"), RFM_FORMATS, "code");
    if (shape === "code" && binCount > 9) throw cvaError("rfm.codeBins", { bins: binCount });
    const [r, f, m] = rows.columns;
    const scores = rfmScores(r, f, m, binCount);
    const { recency: rs, frequency: fs, monetary: ms } = scores;
    if (shape === "sum") {
      const rowOf = sharedRows(3 * binCount + 1, (sum) => [sum]);
      return spillNumericRows(rows, 1, (i) => rowOf(rs[i] + fs[i] + ms[i]));
    }
    // One key per (R, F, M): scores 1..bins as digits in base bins + 1.
    const base = binCount + 1;
    const rowOf = sharedRows(base ** 3, (key) => {
      const [rk, fk, mk] = [
        Math.floor(key / base / base),
        Math.floor(key / base) % base,
        key % base,
      ];
      return shape === "columns" ? [rk, fk, mk] : [rfmCode(rk, fk, mk)];
    });
    return spillNumericRows(rows, shape === "columns" ? 3 : 1, (i) =>
      rowOf((rs[i] * base + fs[i]) * base + ms[i])
    );
  });
}

/**
 * Named customer segment per RFM code (such as "545"), from the default 11-segment map (Champions, Loyal Customers, … Lost; every one of the 125 codes of 5-bin scores has exactly one segment) or from your own map.
 * @customfunction RFMSEGMENT
 * @param {any[][]} rfmCodes RFM codes, e.g. the results of CVA.RFMSCORE (one column).
 * @param {any[][]} [segmentMap] Your own map: two columns, code and segment. It must give every code exactly one segment.
 * @returns {any[][]} Segment name per code.
 */
export function rfmSegment(rfmCodes: any[][], segmentMap?: any[][]): any[][] {
  return spill(() => {
    const codes = columnOf(rfmCodes, phrase("term.rfmCodes"));
    const map =
      segmentMap === undefined || segmentMap === null
        ? DEFAULT_SEGMENT_MAP
        : userSegmentMap(segmentMap);
    return codes.map(([value]) => {
      const cell = fromExcelCell(value);
      if (isCvaError(cell) || isBlank(cell)) return [toExcelCell(cell)];
      return [toExcelCell(segmentOf(String(cell).trim(), map))];
    });
  });
}

const TIER_BASES = ["customers", "value"] as const satisfies readonly TierBasis[];

/**
 * Value tiers. basis "customers": the top 20 % of customers by value are High, the next 30 % Medium, the rest Low, with thresholds from PERCENTILE.INC; a customer moves up only by strictly beating a threshold, so ties share a tier and never promote. basis "value": ABC analysis, customers making up the first 20 % and 50 % of total value; a negative value gets #VALUE! on its row.
 * @customfunction TIER
 * @param {number[][]} values Value per customer, e.g. CLV or total spend (one column).
 * @param {number[][]} [cutoffs] Increasing shares between 0 and 1 where tiers end. Default {0.2,0.5}.
 * @param {any[][]} [labels] Tier names, best first, one more than the cutoffs. Default: High, Medium, Low for two cutoffs (High, Low for one; Top, High, Medium, Low for three).
 * @param {string} [basis] "customers" (share of customers, the default) or "value" (share of total value, ABC analysis).
 * @returns {any[][]} Tier label per customer.
 */
export function tier(
  values: number[][],
  cutoffs?: number[][],
  labels?: any[][],
  basis?: string
): any[][] {
  return spill(() => {
    const basisChoice = optionalChoice(basis, phrase("term.basis"), TIER_BASES, "customers");
    const population = populationRows([
      { rows: columnOf(values, VALUES), column: 0, what: VALUES },
    ]);
    // A negative value has no share of the total: its row gets the reason, the others are tiered without it.
    const rows =
      basisChoice === "value"
        ? refuseRows(
            population,
            0,
            (x) => x >= 0,
            (x) => cvaError("tier.valueNegative", { value: x })
          )
        : population;
    const cutoffList =
      optionalList(cutoffs, phrase("term.cutoffs"))?.map((cell, k) =>
        cellNumber(cell, phrase("term.cutoff", { n: k + 1 }))
      ) ?? DEFAULT_TIER_CUTOFFS;
    const labelList = optionalList(labels, phrase("term.labels"))?.map(labelText);
    const result = assignTiers(rows.columns[0], {
      cutoffs: cutoffList,
      labels: labelList ?? defaultTierLabels(cutoffList.length + 1),
      basis: basisChoice,
    });
    const rowOf = sharedRows(result.labels.length, (t) => [result.labels[t]]);
    return spillNumericRows(rows, 1, (i) => rowOf(result.tiers[i]));
  });
}

/**
 * Weighted multi-factor score from 0 to 100 per row of a matrix (e.g. spend, visits and churn risk side by side). Each column becomes its percentile rank (ties share a rank), reversed where the direction is -1, then the ranks are weighted (weights normalised to sum 1).
 * @customfunction SCORE
 * @param {number[][]} values One row per customer, one column per measure.
 * @param {number[][]} weights One weight per measure (a row or column), not negative.
 * @param {number[][]} [directions] Per measure 1 (more is better, the default) or -1 (less is better, e.g. churn risk).
 * @returns {any[][]} Score from 0 to 100 per customer.
 */
export function score(values: number[][], weights: number[][], directions?: number[][]): any[][] {
  return spill(() => {
    const matrix = matrixOf(values, VALUES);
    const rows = populationRows(
      matrix[0].map((_, column) => ({
        rows: matrix,
        column,
        what: phrase("term.valuesColumn", { n: column + 1 }),
      }))
    );
    const weightList = listOf(weights, phrase("term.weights")).map((cell, k) =>
      cellNumber(cell, phrase("term.weight", { n: k + 1 }))
    );
    const directionList = optionalList(directions, phrase("term.directions"))?.map((cell, k) =>
      cellNumber(cell, phrase("term.direction", { n: k + 1 }))
    );
    const scores = weightedScores(rows.columns, weightList, directionList);
    return spillNumericRows(rows, 1, (i) => [scores[i]]);
  });
}

/** The numeric rows of a population; a range with no values at all (only blanks) has nothing to rank. */
function populationRows(sources: Parameters<typeof numericRows>[0]): NumericRows {
  const rows = numericRows(sources);
  if (rows.columns[0].length === 0 && rows.rowErrors.size === 0)
    throw cvaError("range.noValues", { what: subjectOf(sources[0].what) });
  return rows;
}

/** An optional list argument: omitted, or a single blank cell, means the default. */
function optionalList(arg: unknown, what: Subject) {
  if (arg === undefined || arg === null) return undefined;
  const list = listOf(arg, what);
  return list.length === 1 && isBlank(list[0]) ? undefined : list;
}

function labelText(cell: ReturnType<typeof fromExcelCell>, k: number): string {
  if (isCvaError(cell)) throw cell;
  if (isBlank(cell)) throw cvaError("cell.blank", { what: phrase("term.label", { n: k + 1 }) });
  return String(cell);
}

/** A two-column map range (code, segment); fully blank rows are skipped so the map may sit in a longer table. */
function userSegmentMap(arg: unknown): SegmentMap {
  const rows = matrixOf(arg, phrase("term.segmentMap"));
  if (rows[0].length !== 2) throw cvaError("segmentMap.columns", { columns: rows[0].length });
  const entries: [string, string][] = [];
  for (const [codeValue, segmentValue] of rows) {
    const code = fromExcelCell(codeValue);
    const segment = fromExcelCell(segmentValue);
    if (isCvaError(code)) throw code;
    if (isCvaError(segment)) throw segment;
    if (isBlank(code) && isBlank(segment)) continue;
    entries.push([String(code ?? "").trim(), String(segment ?? "").trim()]);
  }
  return segmentMapFrom(entries);
}
