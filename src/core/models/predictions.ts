import { cvaError } from "../errors";
import { checkedRow, checkedTime } from "./groupedSample";
import { transactionModel, type TransactionModelParams } from "./registry";

/**
 * P(no purchase in (T, T + t] | frequency, recency, T): the churn-like figure marketers ask for. Watching the
 * customer t longer without a purchase multiplies their likelihood by exactly this probability, so it is the ratio
 * of the likelihoods at T + t and at T, for every model (for BG/NBD it is 1 − PA + PA·((α+T)/(α+T+t))^(r+x)).
 */
export function probabilityNoPurchase(
  params: TransactionModelParams,
  t: number,
  frequency: number,
  recency: number,
  T: number
): number {
  checkedTime(t);
  checkedRow(frequency, recency, T);
  const model = transactionModel(params);
  return Math.exp(
    model.rowLogLikelihood(params, frequency, recency, T + t) -
      model.rowLogLikelihood(params, frequency, recency, T)
  );
}

/**
 * Excel's last column and a million cells bound a grid: far beyond any useful heat map. Both sides at their
 * maximum would make 160 million cells (over half a minute of work for one formula), so the cells are bounded too.
 */
export const MAX_GRID_FREQUENCY = 10_000;
export const MAX_GRID_RECENCY = 16_000;
export const MAX_GRID_CELLS = 1_000_000;

/**
 * A frequency × recency grid of a customer measure at age T, for heat maps (lifetimes' plot_probability_alive_matrix
 * and plot_frequency_recency_matrix as cells): a header row of recencies 0…maxRecency, then one row per frequency
 * 0…maxFrequency led by its value. Cells no customer can have (recency > 0 without repeat purchases, 0 with them, or
 * beyond T) are left blank.
 */
export function frequencyRecencyGrid(
  T: number,
  maxFrequency: number,
  maxRecency: number,
  value: (frequency: number, recency: number) => number
): (string | number)[][] {
  for (const [what, size, max] of [
    ["maxFrequency", maxFrequency, MAX_GRID_FREQUENCY],
    ["maxRecency", maxRecency, MAX_GRID_RECENCY],
  ] as const)
    if (!(Number.isInteger(size) && size >= 0 && size <= max))
      throw cvaError("model.gridSize", { what, value: size, max });
  const cells = (maxFrequency + 1) * (maxRecency + 1);
  if (cells > MAX_GRID_CELLS)
    throw cvaError("model.gridCells", { cells, maxFrequency, maxRecency, max: MAX_GRID_CELLS });
  checkedRow(0, 0, T);
  const recencies = Array.from({ length: maxRecency + 1 }, (_, j) => j);
  const rows: (string | number)[][] = [["frequency \\ recency", ...recencies]];
  for (let x = 0; x <= maxFrequency; x++) {
    rows.push([x, ...recencies.map((tx) => (tx <= T && x > 0 === tx > 0 ? value(x, tx) : ""))]);
  }
  return rows;
}
