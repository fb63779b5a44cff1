import { MODELS } from "../core/models/registry";
import type { PatternModel } from "../core/scale/fitPatterns";
import { usageError } from "./cliError";

/** A name without case or punctuation: "paretonbd" is Pareto/NBD, "gg" is GG. */
const squashed = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The registry's models fitted on customers (not cohorts), as the command line fits them. */
const PATTERN_MODELS = MODELS.filter((model): model is PatternModel => model.kind !== "retention");

/** The command-line spellings of those models, e.g. bgnbd|paretonbd|mbgnbd|bgbb|gg. */
export const MODEL_CHOICES = PATTERN_MODELS.map((model) => squashed(model.id).toLowerCase()).join(
  "|"
);

/** The registered model a --model value names: its id or an alias, in any case, with or without punctuation. */
export function modelOption(name: string | undefined): PatternModel {
  const key = squashed(name ?? "");
  const model = PATTERN_MODELS.find((m) => [m.id, ...m.aliases].some((n) => squashed(n) === key));
  if (model === undefined)
    throw usageError(`--model must be one of ${MODEL_CHOICES}, got ${JSON.stringify(name ?? "")}.`);
  return model;
}
