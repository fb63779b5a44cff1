import { TierChoice, tierOptions } from "../flow/tierChoice";

/** Tiers as a configuration stores them: the engine's options (shares, trimmed names). */
export function storedTiers(choice: TierChoice): {
  labels: string[];
  cutoffs: number[];
  basis: TierChoice["basis"];
} {
  const { labels, cutoffs, basis } = tierOptions(choice);
  return { labels: [...labels], cutoffs: [...cutoffs], basis };
}

/** The pane's tier choice of stored tiers: shares back to the percentages it shows. */
export function tierChoiceOf(stored: {
  labels: string[];
  cutoffs: number[];
  basis: TierChoice["basis"];
}): TierChoice {
  return { labels: [...stored.labels], cutoffs: stored.cutoffs.map(percent), basis: stored.basis };
}

/** A share as the percentage the pane shows, without 0.07 × 100 = 7.000000000000001. */
function percent(share: number): number {
  return Math.round(share * 100 * 1e6) / 1e6;
}
