import type { CvaError } from "../errors";
import { spendRowError } from "../models/gammaGamma";
import { rfmRowError } from "../models/groupedSample";
import type { ModelFit } from "../models/model";
import type { RegisteredModel } from "../models/registry";

/** The models fitted on customers' patterns: transaction and spend models (a retention model fits cohorts). */
export type PatternModel = Extract<RegisteredModel, { kind: "transaction" | "spend" }>;

/** Distinct rows of a sample and how many customers each stands for. */
export interface Patterns {
  columns: readonly Float64Array[];
  count: Float64Array;
}

/** The patterns a model can take, and those it cannot: the first of them with its reason, and their customers. */
export interface UsablePatterns {
  patterns: Patterns;
  /** Customers left out. */
  skipped: number;
  /** The first pattern left out (its index in the input) and why. */
  first: { index: number; error: CvaError } | null;
}

/**
 * Splits a pattern table by the engine's own rules for the model's rows: (frequency, recency, T) for a
 * transaction model, (frequency, monetary) for a spend model (which refuses a repeat customer with no spend).
 */
export function usablePatterns(model: PatternModel, patterns: Patterns): UsablePatterns {
  const [first, second, third] = patterns.columns;
  const keep: number[] = [];
  let skipped = 0;
  let firstBad: UsablePatterns["first"] = null;
  for (let i = 0; i < patterns.count.length; i++) {
    const error =
      model.kind === "spend"
        ? spendRowError(first[i], second[i])
        : rfmRowError(first[i], second[i], third[i]);
    if (error === null) {
      keep.push(i);
    } else {
      skipped += patterns.count[i];
      firstBad ??= { index: i, error };
    }
  }
  return {
    patterns: {
      columns: patterns.columns.map((column) => Float64Array.from(keep, (i) => column[i])),
      count: Float64Array.from(keep, (i) => patterns.count[i]),
    },
    skipped,
    first: firstBad,
  };
}

/**
 * Fits a model on every customer a pattern table stands for: (frequency, recency, T) for a transaction model,
 * (frequency, monetary) for a spend model, each pattern with its count (the fits' count option). Used by cva fit
 * and the pane's large-file path alike.
 */
export function fitPatterns(model: PatternModel, { columns, count }: Patterns): ModelFit<unknown> {
  const [first, second, third] = columns;
  return model.kind === "spend"
    ? model.fit(first, second, { count })
    : model.fit(first, second, third, { count });
}
