import type { ModelFit } from "../core/models/model";
import type { RegisteredModel } from "../core/models/registry";

/** Distinct rows of a sample and how many customers each stands for. */
export interface Patterns {
  columns: Float64Array[];
  count: Float64Array;
}

/**
 * Fits a model on every customer a pattern table stands for: (frequency, recency, T) for a transaction model,
 * (frequency, monetary) for a spend model.
 */
export function fitPatterns(model: RegisteredModel, patterns: Patterns): ModelFit<unknown> {
  const [first, second, third] = expanded(patterns);
  return model.kind === "spend" ? model.fit(first, second) : model.fit(first, second, third);
}

/** The customers' rows, each pattern repeated count times. */
function expanded({ columns, count }: Patterns): Float64Array[] {
  let customers = 0;
  for (let i = 0; i < count.length; i++) customers += count[i];
  const rows = columns.map(() => new Float64Array(customers));
  let at = 0;
  for (let i = 0; i < count.length; i++)
    for (let k = 0; k < count[i]; k++, at++)
      columns.forEach((column, c) => (rows[c][at] = column[i]));
  return rows;
}
