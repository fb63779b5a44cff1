import type { TierBasis, TierOptions } from "../../core/tiers/assignTiers";
import { Problem, problem } from "./problems";

/** Value tiers as the pane edits them (for value tiers, and for tiers on a score or on predicted CLV). */
export interface TierChoice {
  /** Tier names, best first. */
  labels: string[];
  /** Where each tier but the last ends, as a cumulative percentage of customers (or of value): ascending, 0–100. */
  cutoffs: number[];
  basis: TierBasis;
}

/** Tier names in the user's language for a number of tiers, best first. */
export type TierNames = (count: number) => string[];

export const MIN_TIERS = 2;
export const MAX_TIERS_IN_PANE = 7;

/**
 * Usual cutoffs per number of tiers: by customers the top 20 % and next 30 % for three tiers (the engine's
 * default); by value the ABC classes A = first 80 % of value, B = next 15 %, C = the rest. Other counts split
 * evenly.
 */
const USUAL_CUTOFFS: Readonly<Record<TierBasis, Readonly<Record<number, readonly number[]>>>> = {
  customers: { 2: [20], 3: [20, 50], 4: [10, 30, 60], 5: [5, 20, 50, 80] },
  value: { 2: [80], 3: [80, 95], 4: [50, 80, 95], 5: [50, 80, 95, 99] },
};

export function defaultCutoffs(count: number, basis: TierBasis): number[] {
  const usual = USUAL_CUTOFFS[basis][count];
  if (usual) return [...usual];
  return Array.from({ length: count - 1 }, (_, j) => Math.round((100 * (j + 1)) / count));
}

/** Tiers with the usual cutoffs and the given names (the pane passes them in the user's language). */
export function defaultTierChoice(labels: string[], basis: TierBasis = "customers"): TierChoice {
  return { labels, cutoffs: defaultCutoffs(labels.length, basis), basis };
}

/** Why the tiers cannot be used yet, as problems: blank or repeated names, cutoffs out of order. */
export function tierChoiceProblems(choice: TierChoice): Problem[] {
  const problems: Problem[] = [];
  const names = choice.labels.map((label) => label.trim());
  if (names.some((name) => name === "")) problems.push(problem("tierNameBlank"));
  const folded = names.map((name) => name.toLocaleLowerCase());
  const repeated = folded.find((name, j) => name !== "" && folded.indexOf(name) !== j);
  if (repeated !== undefined)
    problems.push(problem("tierNameRepeated", { name: names[folded.indexOf(repeated)] }));
  const ordered = choice.cutoffs.every(
    (c, j) => c > 0 && c < 100 && (j === 0 || c > choice.cutoffs[j - 1])
  );
  if (!ordered) problems.push(problem("cutoffsOrder"));
  return problems;
}

/** As the engine takes them: shares in (0, 1), trimmed names. */
export function tierOptions(choice: TierChoice): Required<TierOptions> {
  return {
    labels: choice.labels.map((label) => label.trim()),
    cutoffs: choice.cutoffs.map((c) => c / 100),
    basis: choice.basis,
  };
}
