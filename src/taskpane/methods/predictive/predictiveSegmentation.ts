import type { CellValue } from "../../../core/cells";
import { CvaError } from "../../../core/errors";
import { fitGammaGamma, type GammaGammaParams } from "../../../core/models/gammaGamma";
import { PERIODS_PER_MONTH, predictedClv } from "../../../core/models/predictiveClv";
import {
  TransactionModelId,
  TransactionModelParams,
  transactionModel,
} from "../../../core/models/registry";
import {
  CustomerRows,
  SegmentationResult,
  segmentCustomers,
} from "../../../core/segmentation/segmentCustomers";
import {
  prepareCustomers,
  QualityReport,
  SKIP_REASONS,
} from "../../../core/table/prepareCustomers";
import {
  customerAction,
  predictiveTierActions,
} from "../../../core/segmentation/recommendedActions";
import type { TierOptions } from "../../../core/tiers/assignTiers";
import type { CustomerTable } from "../../flow/customerTable";
import type { PaneSkippedRow } from "../../flow/quality";

export interface PredictiveColumns {
  frequency: number;
  monetary: number;
  firstPurchase: number;
  lastPurchase: number;
}

/** The transaction models' inputs, in days, for the customers the models can use. */
export interface ModelInputs {
  /** Index into the table's rows of each customer used. */
  rows: number[];
  /** Repeat purchase days. */
  x: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Mean spend per purchase day (of the repeat days when read from transactions). */
  m: Float64Array;
  quality: QualityReport;
  /** Rows the models cannot use although every cell is a number. */
  inconsistent: PaneSkippedRow[];
}

export interface PredictiveOptions {
  model: TransactionModelId;
  months: number;
  monthlyDiscountRate: number;
  /** P(alive) below this share (0–1) flags a customer as likely lost. */
  aliveThreshold: number;
  tiers: Required<TierOptions>;
  /** Result column headers and the likely-lost flag, in the user's language. */
  headers: {
    probabilityAlive: string;
    expectedPurchases: string;
    predictedClv: string;
    tier: string;
    likelyLost: string;
    action: string;
  };
  likelyLost: string;
  /** An action key (recommendedActions) in the user's language. */
  translate: (key: string) => string;
}

export interface PredictiveSegmentation {
  result: SegmentationResult;
  /** Rows the models cannot use although every cell is a number (see customerSheetInputs). */
  inconsistent: PaneSkippedRow[];
  purchases: TransactionModelParams;
  spend: GammaGammaParams;
  likelyLost: number;
}

/** How the pane shows the predictions; the values themselves are written unrounded. */
export const PREDICTION_FORMATS = {
  probabilityAlive: "0.000",
  expectedPurchases: "0.00",
  predictedClv: "#,##0.00",
} as const;

/**
 * The models' inputs from a summary of transactions: exactly what CVA.RFMSUMMARY gives (repeat purchase days,
 * recency and T in days, mean spend of the repeat days), one per row after the header.
 */
export function transactionInputs(
  table: CustomerRows,
  inputs: { frequency: number[]; recency: number[]; T: number[]; monetary: number[] }
): ModelInputs {
  const start = table.hasHeader ? 1 : 0;
  const n = inputs.frequency.length;
  return {
    rows: Array.from({ length: n }, (_, k) => start + k),
    x: Float64Array.from(inputs.frequency),
    recency: Float64Array.from(inputs.recency),
    T: Float64Array.from(inputs.T),
    m: Float64Array.from(inputs.monetary),
    quality: {
      dataRows: n,
      kept: n,
      skipped: [],
      counts: Object.fromEntries(
        SKIP_REASONS.map((reason) => [reason, 0])
      ) as QualityReport["counts"],
      blankRows: 0,
    },
    inconsistent: [],
  };
}

/**
 * The models' inputs from a customer-level sheet (one row per customer: purchase days, total spend, first and
 * last purchase dates), in days, as lifetimes' summary would give them:
 *
 *   frequency x = purchase days − 1 (repeat purchases), recency = last − first, T = as-of − first,
 *   monetary m = total ÷ purchase days (the mean spend per purchase day)
 *
 * with as-of the table's as-of date, by default its latest last purchase. The mean includes the first purchase, which lifetimes leaves
 * out: a sheet of totals cannot separate it. Rows whose numbers contradict each other (a count that is not a whole
 * number ≥ 1, a last purchase before the first, one purchase day spread over several days or several on one day,
 * repeat purchases worth nothing) are left out as inconsistent.
 */
export function customerSheetInputs(table: CustomerRows, columns: PredictiveColumns): ModelInputs {
  const prepared = prepareCustomers(table.rows, {
    hasHeader: table.hasHeader,
    firstRow: table.firstRow,
    customer: table.customer,
    measures: [
      { column: columns.frequency, kind: "count" },
      { column: columns.monetary, kind: "amount" },
      { column: columns.firstPurchase, kind: "date" },
      { column: columns.lastPurchase, kind: "date" },
    ],
    asOfDate: table.asOfDate,
  });
  const [days, total, first, last] = prepared.values;
  const rows: number[] = [];
  const inconsistent: PaneSkippedRow[] = [];
  let asOf = -Infinity;
  for (let k = 0; k < prepared.rows.length; k++) {
    const span = last[k] - first[k];
    const fault =
      !Number.isInteger(days[k]) || days[k] < 1
        ? columns.frequency
        : span < 0 || (days[k] === 1) !== (span === 0)
          ? columns.lastPurchase
          : days[k] > 1 && !(total[k] > 0)
            ? columns.monetary
            : null;
    if (fault !== null) {
      inconsistent.push({
        sheetRow: (table.firstRow ?? 0) + prepared.rows[k] + 1,
        reason: "inconsistent",
        column: fault,
      });
      continue;
    }
    rows.push(k);
    asOf = Math.max(asOf, last[k]);
  }
  const n = rows.length;
  const x = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const m = new Float64Array(n);
  rows.forEach((k, i) => {
    x[i] = days[k] - 1;
    recency[i] = Math.floor(last[k]) - Math.floor(first[k]);
    T[i] = Math.floor(table.asOfDate ?? asOf) - Math.floor(first[k]);
    m[i] = total[k] / days[k];
  });
  return {
    rows: rows.map((k) => prepared.rows[k]),
    x,
    recency,
    T,
    m,
    quality: prepared.quality,
    inconsistent,
  };
}

/** The models' inputs of a table: its summary's when it summarises transactions, else from its columns. */
export function modelInputsOf(
  table: CustomerTable,
  rows: CustomerRows,
  dates: { firstPurchase: number | undefined; lastPurchase: number | undefined }
): ModelInputs {
  return table.summary
    ? transactionInputs(rows, table.summary.modelInputs)
    : customerSheetInputs(rows, {
        frequency: table.mapping.frequency as number,
        monetary: table.mapping.monetary as number,
        firstPurchase: dates.firstPurchase as number,
        lastPurchase: dates.lastPurchase as number,
      });
}

/**
 * Predictive segmentation: fits the chosen transaction model (purchases) and Gamma-Gamma (spend per purchase) on the
 * customers, then per customer P(alive), purchases expected in the next months, predicted CLV over those months
 * (discounted monthly), value tiers on predicted CLV, and a likely-lost flag where P(alive) is below the threshold.
 * The fits and predictions are the ones CVA.<MODEL>, CVA.GAMMAGAMMA, CVA.PALIVE, CVA.EXPECTEDPURCHASES and
 * CVA.PREDICTEDCLV compute; data are in days.
 */
export function segmentByPrediction(
  table: CustomerRows,
  inputs: ModelInputs,
  options: PredictiveOptions
): PredictiveSegmentation {
  const { x, recency, T, m } = inputs;
  const model = transactionModel(options.model);
  const purchases = model.fit(x, recency, T).params as TransactionModelParams;
  const spend = fitGammaGamma(x, m).params;
  const horizon = options.months * PERIODS_PER_MONTH.D;
  const clv = predictedClv(purchases, spend, x, recency, T, m, {
    months: options.months,
    monthlyDiscountRate: options.monthlyDiscountRate,
    dataUnit: "D",
  });
  const predict = transactionModel(purchases);

  const start = table.hasHeader ? 1 : 0;
  const dataRows = Math.max(0, table.rows.length - start);
  const column = () => new Array<string | number | null>(dataRows).fill(null);
  const [alive, expected, value, lost, action] = [column(), column(), column(), column(), column()];
  const clvRows: CellValue[][] = Array.from({ length: dataRows }, () => [null]);
  const inconsistent = [...inputs.inconsistent];
  let likelyLost = 0;
  inputs.rows.forEach((row, i) => {
    const p = row - start;
    const customerValue = clv[i];
    if (customerValue instanceof CvaError) {
      inconsistent.push({
        sheetRow: (table.firstRow ?? 0) + row + 1,
        reason: "inconsistent",
        column: null,
      });
      return;
    }
    const probability = predict.conditionalProbabilityAlive(purchases, x[i], recency[i], T[i]);
    alive[p] = probability;
    expected[p] = predict.conditionalExpectedPurchases(purchases, horizon, x[i], recency[i], T[i]);
    value[p] = customerValue;
    clvRows[p][0] = customerValue;
    if (probability < options.aliveThreshold) {
      lost[p] = options.likelyLost;
      likelyLost++;
    }
  });

  const labels = options.tiers.labels;
  const tiers = segmentCustomers(
    { rows: clvRows, hasHeader: false },
    { method: "tiers", column: 0, ...options.tiers, actions: predictiveTierActions(labels.length) }
  );
  // One recommendation per customer: the tier's service while active, a win-back worth the tier once likely lost.
  const tierColumn = tiers.columns[0].values;
  for (let p = 0; p < dataRows; p++) {
    const j = labels.indexOf(tierColumn[p] as string);
    if (j >= 0) action[p] = options.translate(customerAction(j, labels.length, lost[p] !== null));
  }
  const { headers } = options;
  return {
    result: {
      ...tiers,
      columns: [
        {
          header: headers.probabilityAlive,
          values: alive,
          numberFormat: PREDICTION_FORMATS.probabilityAlive,
        },
        {
          header: headers.expectedPurchases,
          values: expected,
          numberFormat: PREDICTION_FORMATS.expectedPurchases,
        },
        {
          header: headers.predictedClv,
          values: value,
          numberFormat: PREDICTION_FORMATS.predictedClv,
        },
        { header: headers.tier, values: tiers.columns[0].values },
        { header: headers.likelyLost, values: lost },
        { header: headers.action, values: action },
      ],
      tierColumn: 3,
      quality: inputs.quality,
    },
    inconsistent,
    purchases,
    spend,
    likelyLost,
  };
}
