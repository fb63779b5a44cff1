import { MODELS, type RegisteredModel } from "../core/models/registry";
import { usageError } from "./cliError";

/** A name without case or punctuation: "paretonbd" is Pareto/NBD, "gg" is GG. */
const squashed = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** The command-line spellings of the registry's models, e.g. bgnbd|mbgnbd|paretonbd|gg. */
export const MODEL_CHOICES = MODELS.map((model) => squashed(model.id).toLowerCase()).join("|");

/** The registered model a --model value names: its id or an alias, in any case, with or without punctuation. */
export function modelOption(name: string | undefined): RegisteredModel {
  const key = squashed(name ?? "");
  const model = MODELS.find((m) => [m.id, ...m.aliases].some((n) => squashed(n) === key));
  if (model === undefined)
    throw usageError(`--model must be one of ${MODEL_CHOICES}, got ${JSON.stringify(name ?? "")}.`);
  return model;
}
