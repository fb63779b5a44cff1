import { lazy } from "react";
import { TiersMethod, segmentByTiers } from "../../../core/segmentation/segmentCustomers";
import { checkTiers, storedColumn, tierFields } from "../../../core/sharing/config";
import { z } from "../../../core/sharing/zod";
import { CustomerTable, customerRows, valueColumns } from "../../flow/customerTable";
import { problem } from "../../flow/problems";
import {
  TierChoice,
  defaultTierChoice,
  tierChoiceProblems,
  tierOptions,
} from "../../flow/tierChoice";
import { localizeResult } from "../localizeResult";
import { defineMethod } from "../paneMethod";
import { storedTiers, tierChoiceOf } from "../storedTiers";

export interface TiersSettings {
  column: number | undefined;
  tiers: TierChoice;
}

const stored = z
  .object({ method: z.literal("tiers"), column: storedColumn, ...tierFields })
  .superRefine(checkTiers);

/** The engine's tiers method for these settings (call after the problems found none). */
export function tiersEngineMethod(settings: TiersSettings): TiersMethod {
  return { method: "tiers", column: settings.column as number, ...tierOptions(settings.tiers) };
}

/** Value tiers on one numeric column, proposed on the money column, else the first value column. */
export const tiers = defineMethod({
  id: "tiers",
  defaults: (table: CustomerTable, tierNames): TiersSettings => ({
    column: table.mapping.monetary ?? valueColumns(table)[0],
    tiers: defaultTierChoice(tierNames(3)),
  }),
  adapt: (previous, fresh, table) => ({
    column:
      previous.column !== undefined && valueColumns(table).includes(previous.column)
        ? previous.column
        : fresh.column,
    tiers: previous.tiers,
  }),
  problems: (settings) => [
    ...(settings.column === undefined ? [problem("chooseColumn")] : []),
    ...tierChoiceProblems(settings.tiers),
  ],
  run: async (table, settings, t) => ({
    result: localizeResult(segmentByTiers(customerRows(table), tiersEngineMethod(settings)), t),
  }),
  stored,
  toStored: (settings, table) => ({
    method: "tiers" as const,
    column: settings.column ?? table.mapping.monetary ?? 0,
    ...storedTiers(settings.tiers),
  }),
  fromStored: (method) => ({ column: method.column, tiers: tierChoiceOf(method) }),
  measures: () => ({}),
  Settings: lazy(() =>
    import(/* webpackChunkName: "method-settings" */ "./TierSettings").then((module) => ({
      default: module.TierSettings,
    }))
  ),
});
