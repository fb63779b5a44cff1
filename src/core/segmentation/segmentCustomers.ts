import type { CellValue } from "../cells";
import { valueError } from "../errors";
import { rfmCode } from "../rfm/rfmCode";
import { RfmBreakpoints, rfmScores } from "../rfm/rfmScores";
import { DEFAULT_SEGMENT_MAP, SEGMENTS, SegmentMap } from "../rfm/segmentMap";
import { weightedScores } from "../score/weightedScores";
import { assignTiers, TierBasis, Tiers } from "../tiers/assignTiers";
import { MeasureColumn, prepareCustomers, QualityReport } from "../table/prepareCustomers";
import { MAX_TIERS } from "./palette";
import { segmentAction, tierActions } from "./recommendedActions";

/** The selection being segmented, as read from the sheet. */
export interface CustomerRows {
  rows: readonly (readonly CellValue[])[];
  hasHeader: boolean;
  /** Sheet row (0-based) of rows[0], for the quality report's row numbers. */
  firstRow?: number;
  /** Customer id column: when given, later rows of an id already seen are skipped as duplicates. */
  customer?: number;
  /**
   * Columns that hold amounts, counts or days (a table's recency, frequency and monetary roles): every method that
   * reads one skips a row with a negative value there, so the same row is left out, for the same reason, whichever
   * method runs.
   */
  nonNegative?: readonly number[];
}

export interface RfmMethod {
  method: "rfm";
  recency: number;
  frequency: number;
  monetary: number;
  /** Score bins, 2 to 9 (codes have one digit per score); default 5. */
  bins?: number;
  /** Code → segment for every code of the bins; default DEFAULT_SEGMENT_MAP (5 bins). See segmentMapFrom. */
  segmentMap?: SegmentMap;
}

interface TierChoice {
  /** As assignTiers: ascending shares where each tier ends, default [0.2, 0.5]. */
  cutoffs?: readonly number[];
  /** Best first, one more than the cutoffs; default High, Medium, Low. */
  labels?: readonly string[];
  basis?: TierBasis;
  /** One i18n key per tier, best first; default tierActions. */
  actions?: readonly string[];
}

export interface TiersMethod extends TierChoice {
  method: "tiers";
  column: number;
}

export interface ScoreMethod extends TierChoice {
  method: "score";
  columns: readonly number[];
  weights: readonly number[];
  /** 1 (more is better) or −1 per column; default all 1. */
  directions?: readonly number[];
  /** The column whose total the tiers' share of value reports (e.g. spend); default the score itself. */
  valueColumn?: number;
}

export interface ResultColumn {
  header: string;
  /** One value per data row of the selection (header excluded); null where the row was skipped. */
  values: (string | number | null)[];
  /** How Excel shows the numbers (a format code, e.g. "0.000"); the values are written unrounded. */
  numberFormat?: string;
}

export interface TierSummary {
  label: string;
  customers: number;
  /** Total of the value measure (monetary for RFM, the tiered column for tiers) over the tier's customers. */
  value: number;
  shareOfCustomers: number;
  shareOfValue: number;
  /** i18n key of the recommended action. */
  action: string;
}

export interface SegmentationResult {
  method: SegmentationMethod["method"];
  columns: ResultColumn[];
  /** Index into columns of the tier (or segment) labels, the column the colours follow. */
  tierColumn: number;
  /** Best first; every tier is listed, with 0 customers if none fell in it. */
  tiers: TierSummary[];
  quality: QualityReport;
  /** RFM: the break points each score was taken against. */
  breakpoints?: RfmBreakpoints;
  /** Tiers and score: the tier thresholds, as assignTiers. */
  thresholds?: number[];
}

export const RFM_HEADERS = ["R", "F", "M", "RFM", "Segment"] as const;
export const TIER_HEADER = "Tier";
export const SCORE_HEADER = "Score";

/**
 * The engine's segmentation methods, one line each: the method's name and the function that segments by it. The
 * union of their options is derived from this list, so a new method is one function and one line here.
 */
const SEGMENTERS = {
  rfm: segmentByRfm,
  tiers: segmentByTiers,
  score: segmentByScore,
} as const;

type Segmenters = typeof SEGMENTERS;
/** The options of any engine method, told apart by `method`. */
export type SegmentationMethod = {
  [K in keyof Segmenters]: Parameters<Segmenters[K]>[1];
}[keyof Segmenters];

/**
 * Segments the customers of a selection by one method and lays the result out per sheet row, ready for a
 * preview (tiers, quality report) and for planSegmentationOutput.
 * @example segmentCustomers({ rows: [[10], [20], [30], [40], [50]], hasHeader: false }, { method: "tiers", column: 0 }).columns[0].values // ["Low", "Low", "Low", "Medium", "High"]
 */
export function segmentCustomers(
  table: CustomerRows,
  method: SegmentationMethod
): SegmentationResult {
  const segment = SEGMENTERS[method.method] as (
    table: CustomerRows,
    method: SegmentationMethod
  ) => SegmentationResult;
  return segment(table, method);
}

/**
 * RFM: scores 1..bins per measure (rfmScores: quantile break points by PERCENTILE.INC), the code ("545") and its
 * segment from the map. Tiers are the map's segments, best first (see codeTable); their value is monetary. Codes
 * are looked up in a table of the bins³ codes built once, so a million customers cost a million array reads.
 */
export function segmentByRfm(table: CustomerRows, options: RfmMethod): SegmentationResult {
  const bins = options.bins ?? 5;
  const map = options.segmentMap ?? DEFAULT_SEGMENT_MAP;
  if (!Number.isInteger(bins) || bins < 2 || bins > 9)
    throw valueError(`RFM segments need 2 to 9 bins (one digit per score), got ${bins}.`);
  const prepared = prepare(table, [options.recency, options.frequency, options.monetary], true);
  const [recency, frequency, monetary] = prepared.values;
  const scores = rfmScores(recency, frequency, monetary, bins);
  const { names, codes, segmentOfCode } = codeTable(map, bins);

  const layout = new SheetLayout(table, prepared.rows);
  const columns = RFM_HEADERS.map(() => layout.emptyColumn());
  const [r, f, m, code, segment] = columns;
  const tally = new TierTally(names.length);
  for (let k = 0; k < prepared.rows.length; k++) {
    const key =
      ((scores.recency[k] - 1) * bins + scores.frequency[k] - 1) * bins + scores.monetary[k] - 1;
    const s = segmentOfCode[key];
    const p = layout.position(k);
    r[p] = scores.recency[k];
    f[p] = scores.frequency[k];
    m[p] = scores.monetary[k];
    code[p] = codes[key];
    segment[p] = names[s];
    tally.add(s, monetary[k]);
  }
  return {
    method: "rfm",
    columns: RFM_HEADERS.map((header, j) => ({ header, values: columns[j] })),
    tierColumn: 4,
    tiers: tally.summaries(names, names.map(segmentAction)),
    quality: prepared.quality,
    breakpoints: scores.breakpoints,
  };
}

/** Value tiers on one numeric column (assignTiers); value = that column. Share-of-value tiers refuse negatives. */
export function segmentByTiers(table: CustomerRows, options: TiersMethod): SegmentationResult {
  const prepared = prepare(table, [options.column], options.basis === "value");
  const [values] = prepared.values;
  const tiers = assignTiers(values, options);
  return tierResult(table, prepared.rows, prepared.quality, tiers, values, options, [], "tiers");
}

/**
 * A 0–100 weighted score (weightedScores: weighted percent ranks) and value tiers on it. Scores are rounded to two
 * decimals before tiering, so the tiers can be checked in Excel against the numbers written.
 */
export function segmentByScore(table: CustomerRows, options: ScoreMethod): SegmentationResult {
  const measures =
    options.valueColumn === undefined ? options.columns : [...options.columns, options.valueColumn];
  const prepared = prepare(table, measures, false);
  const score = weightedScores(
    prepared.values.slice(0, options.columns.length),
    options.weights,
    options.directions
  );
  for (let k = 0; k < score.length; k++) score[k] = Math.round(score[k] * 100) / 100;
  const tiers = assignTiers(score, options);
  const value = options.valueColumn === undefined ? score : prepared.values[options.columns.length];
  const layout = new SheetLayout(table, prepared.rows);
  const scoreColumn = layout.emptyColumn();
  for (let k = 0; k < score.length; k++) scoreColumn[layout.position(k)] = score[k];
  return tierResult(
    table,
    prepared.rows,
    prepared.quality,
    tiers,
    value,
    options,
    [{ header: SCORE_HEADER, values: scoreColumn }],
    "score"
  );
}

function prepare(table: CustomerRows, columns: readonly number[], nonNegative: boolean) {
  const measures: MeasureColumn[] = columns.map((column) => ({
    column,
    nonNegative: nonNegative || (table.nonNegative?.includes(column) ?? false),
  }));
  return prepareCustomers(table.rows, {
    hasHeader: table.hasHeader,
    firstRow: table.firstRow,
    customer: table.customer,
    measures,
  });
}

/** The tier column, after the method's own columns `before` it, and the tier summaries: shared by tiers and score. */
function tierResult(
  table: CustomerRows,
  rows: Uint32Array,
  quality: QualityReport,
  tiers: Tiers,
  value: ArrayLike<number>,
  options: TierChoice,
  before: ResultColumn[],
  method: "tiers" | "score"
): SegmentationResult {
  const labels = tiers.labels;
  const actions = options.actions ?? tierActions(labels.length);
  if (actions.length !== labels.length)
    throw valueError(
      `${labels.length} tiers need ${labels.length} actions, got ${actions.length}.`
    );
  const layout = new SheetLayout(table, rows);
  const column = layout.emptyColumn();
  const tally = new TierTally(labels.length);
  for (let k = 0; k < rows.length; k++) {
    column[layout.position(k)] = labels[tiers.tiers[k]];
    tally.add(tiers.tiers[k], value[k]);
  }
  return {
    method,
    columns: [...before, { header: TIER_HEADER, values: column }],
    tierColumn: before.length,
    tiers: tally.summaries(labels, actions),
    quality,
    thresholds: tiers.thresholds,
  };
}

/**
 * The segments of a map in tier order, and per code (indexed (r−1)·b² + (f−1)·b + (m−1)) its text and segment. The
 * eleven SEGMENTS keep their order; a user's own segments follow, those whose codes have the higher mean score
 * R + F + M first.
 */
function codeTable(
  map: SegmentMap,
  bins: number
): { names: string[]; codes: string[]; segmentOfCode: Uint8Array } {
  if (map.size !== bins ** 3)
    throw valueError(
      `The segment map has ${map.size} codes; ${bins} bins need a map of all ${bins ** 3}.`
    );
  const scores = new Map<string, number[]>();
  for (const [code, name] of map) {
    const list = scores.get(name) ?? [];
    list.push(code.charCodeAt(0) + code.charCodeAt(1) + code.charCodeAt(2) - 3 * 48);
    scores.set(name, list);
  }
  const meanScore = (name: string) => {
    const list = scores.get(name) as number[];
    return list.reduce((a, b) => a + b, 0) / list.length;
  };
  const known: readonly string[] = SEGMENTS;
  const own = [...scores.keys()]
    .filter((s) => !known.includes(s))
    .sort((a, b) => meanScore(b) - meanScore(a));
  const names = [...known.filter((s) => scores.has(s)), ...own];
  const index = new Map(names.map((name, i) => [name, i]));
  const codes: string[] = [];
  const segmentOfCode = new Uint8Array(bins ** 3);
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const code = rfmCode(r, f, m);
        const name = map.get(code);
        if (name === undefined)
          throw valueError(
            `The segment map has no segment for code ${code}: give a map made for ${bins} bins.`
          );
        segmentOfCode[codes.length] = index.get(name) as number;
        codes.push(code);
      }
    }
  }
  return { names, codes, segmentOfCode };
}

/** Places kept customers back on their sheet rows: position = row index − header rows. */
class SheetLayout {
  private readonly start: number;
  private readonly dataRows: number;

  constructor(
    table: CustomerRows,
    private readonly rows: Uint32Array
  ) {
    this.start = table.hasHeader ? 1 : 0;
    this.dataRows = Math.max(0, table.rows.length - this.start);
  }

  emptyColumn(): (string | number | null)[] {
    return new Array<string | number | null>(this.dataRows).fill(null);
  }

  position(k: number): number {
    return this.rows[k] - this.start;
  }
}

/** Customers and value per tier, then their shares; labels must differ beyond case, as Excel compares them. */
class TierTally {
  private readonly customers: Float64Array;
  private readonly value: Float64Array;

  constructor(count: number) {
    if (count > MAX_TIERS)
      throw valueError(
        `At most ${MAX_TIERS} tiers or segments can be told apart by colour, got ${count}.`
      );
    this.customers = new Float64Array(count);
    this.value = new Float64Array(count);
  }

  add(tier: number, value: number): void {
    this.customers[tier]++;
    this.value[tier] += value;
  }

  summaries(labels: readonly string[], actions: readonly string[]): TierSummary[] {
    const folded = new Set(labels.map((label) => label.toLocaleLowerCase()));
    if (folded.size !== labels.length)
      throw valueError(
        `Tier names must differ (ignoring case, as Excel compares text): ${labels.join(", ")}.`
      );
    let customers = 0;
    let value = 0;
    for (let j = 0; j < labels.length; j++) {
      customers += this.customers[j];
      value += this.value[j];
    }
    return labels.map((label, j) => ({
      label,
      customers: this.customers[j],
      value: this.value[j],
      shareOfCustomers: customers === 0 ? 0 : this.customers[j] / customers,
      shareOfValue: value === 0 ? 0 : this.value[j] / value,
      action: actions[j],
    }));
  }
}
