import { z } from "../../core/sharing/zod";
import type { CustomerTable } from "../flow/customerTable";
import type { Problem } from "../flow/problems";
import type { TierNames } from "../flow/tierChoice";
import { cohorts } from "./cohorts";
import { modelCheck } from "./modelCheck";
import type { PaneMethod } from "./paneMethod";
import { predictive } from "./predictive";
import { rfm } from "./rfm";
import { score } from "./score";
import { tiers } from "./tiers";

/**
 * The task pane's methods, in the order of their tabs: one line per method. Everything the pane says of methods
 * in general (their names, settings, stored shapes) is derived from this list.
 */
export const METHODS = [rfm, tiers, score, predictive, cohorts, modelCheck] as const;

type AnyMethod = (typeof METHODS)[number];
export type MethodName = AnyMethod["id"];
type SettingsOf<M> = M extends { defaults: (...args: never[]) => infer S } ? S : never;
type StoredOf<M> = M extends { stored: z.ZodType<infer T> } ? T : never;

/** Every method's settings, so switching tabs keeps what the user set. */
export type MethodSettings = { [M in AnyMethod as M["id"]]: SettingsOf<M> };
/** A method as the workbook stores it, whichever it is. */
export type StoredMethod = StoredOf<AnyMethod>;

/** The method of a name, typed by it. */
export function methodOf<N extends MethodName>(
  name: N
): PaneMethod<N, MethodSettings[N], Extract<StoredMethod, { method: N }>> {
  return METHODS.find((method) => method.id === name) as unknown as PaneMethod<
    N,
    MethodSettings[N],
    Extract<StoredMethod, { method: N }>
  >;
}

/** The stored method's schema: one of the methods', told apart by `method`. */
export const STORED_METHOD = z.discriminatedUnion(
  "method",
  METHODS.map((method) => method.stored) as unknown as [
    z.ZodObject<{ method: z.ZodLiteral<string> }>,
  ]
) as unknown as z.ZodType<StoredMethod>;

/** Settings for every method, proposed from the table. */
export function defaultMethodSettings(table: CustomerTable, tierNames: TierNames): MethodSettings {
  return Object.fromEntries(
    METHODS.map((method) => [method.id, method.defaults(table, tierNames)])
  ) as MethodSettings;
}

/**
 * Fresh defaults for a new table, keeping per method what the user set that still fits it (the segment grid, tier
 * names and cutoffs, the horizon, the columns they picked that the new table still has).
 */
export function adaptSettings(
  previous: MethodSettings | null,
  table: CustomerTable,
  tierNames: TierNames
): MethodSettings {
  const fresh = defaultMethodSettings(table, tierNames);
  if (!previous) return fresh;
  const adapt = <N extends MethodName>(name: N) =>
    methodOf(name).adapt(previous[name], fresh[name], table);
  return Object.fromEntries(METHODS.map(({ id }) => [id, adapt(id)])) as MethodSettings;
}

/** What stops the chosen method from running. */
export function methodProblems<N extends MethodName>(
  name: N,
  settings: MethodSettings,
  table: CustomerTable
): Problem[] {
  return methodOf(name).problems(settings[name], table);
}
