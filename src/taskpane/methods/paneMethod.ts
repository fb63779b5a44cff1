import type { ComponentType } from "react";
import type { GammaGammaParams } from "../../core/models/gammaGamma";
import type { TransactionModelParams } from "../../core/models/registry";
import type { SegmentationResult } from "../../core/segmentation/segmentCustomers";
import type { MeasureColumns, SlotRun } from "../../core/sharing/snapshot";
import type { z } from "../../core/sharing/zod";
import type { ColumnRole } from "../../core/table/headerRole";
import type { WritePlan } from "../../core/workbook/workbookPort";
import type { CustomerTable } from "../flow/customerTable";
import { Problem, problem } from "../flow/problems";
import type { PaneSkippedRow } from "../flow/quality";
import type { TierNames } from "../flow/tierChoice";

/** i18next's t, narrowed to what the methods need; tests pass their own. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The models a predictive run fitted, for the preview to show. */
export interface FittedModels {
  purchases: TransactionModelParams;
  spend: GammaGammaParams;
  /** Customers whose P(alive) is under the threshold. */
  likelyLost: number;
}

/**
 * A sheet a method writes besides its per-customer output (the Cohorts sheet): replaced on each run, planned once
 * the previous kept run is known so it can say what changed since.
 */
export interface MethodReport {
  /** The sheet's name in the user's language. */
  sheet: string;
  /** What the preview says of it. */
  lines: string[];
  /** The sheet's write plan, and a note for the pane when the comparison with the previous run flags something. */
  plan(previous: SlotRun | null, locale: string): { plan: WritePlan; note: Problem | null };
}

/** What a method's engine call gives the pane: the result, and what it left out beyond the engine's own report. */
export interface MethodRun {
  result: SegmentationResult;
  /** Rows the method refused although the engine could read them (e.g. dates that contradict the counts). */
  skipped?: PaneSkippedRow[];
  fitted?: FittedModels;
  report?: MethodReport;
}

/** The columns of the configuration's table that a method stores beside the table's own roles. */
export type StoredColumns = Partial<Record<ColumnRole | "firstPurchase" | "lastPurchase", number>>;

/** What a method's settings component is given. */
export interface SettingsProps<S> {
  table: CustomerTable;
  value: S;
  tierNames: TierNames;
  onChange: (value: S) => void;
}

/**
 * A task-pane method, whole: everything the pane needs to offer it, run it, store it and monitor it. One folder
 * under src/taskpane/methods holds one of these (and its settings component), and one line of registry.ts lists
 * it; the pane's unions of method names, settings and stored methods are derived from that list.
 */
export interface PaneMethod<Id extends string, S, Stored extends { method: Id }> {
  id: Id;
  /** Settings proposed for a table (tier names in the user's language). */
  defaults(table: CustomerTable, tierNames: TierNames): S;
  /** Settings for a new table: the previous ones, keeping what still fits it, else the fresh defaults. */
  adapt(previous: S, fresh: S, table: CustomerTable): S;
  /** What stops the method from running, in the order the user meets the controls. */
  problems(settings: S, table: CustomerTable): Problem[];
  /** The engine call (after problems found none): the result with headers in the user's language. */
  run(table: CustomerTable, settings: S, t: Translate): Promise<MethodRun>;
  /** The schema of the method as the workbook stores it (its `method` is the id). */
  stored: z.ZodType<Stored>;
  toStored(settings: S, table: CustomerTable): Stored;
  /** Columns a customer table's configuration keeps for this method besides the roles (e.g. purchase dates). */
  storedColumns?(settings: S): StoredColumns;
  /** The settings of a stored method, starting from what the table proposes. */
  fromStored(stored: Stored, columns: StoredColumns, proposed: S): S;
  /** The result columns that change monitoring keeps per customer (by index into result.columns). */
  measures(result: SegmentationResult): MeasureColumns;
  /**
   * Stored fields that only decide what monitoring flags, not the result (e.g. a drop threshold): changing them
   * still compares the next run with the previous one. Every other stored field shapes the result.
   */
  thresholds?: readonly (keyof Stored)[];
  /** The method's settings, shown under its tab (loaded with the other methods' on first use). */
  Settings: ComponentType<SettingsProps<S>>;
}

/** Checks a method's definition against the contract, keeping its own types. */
export function defineMethod<Id extends string, S, Stored extends { method: Id }>(
  method: PaneMethod<Id, S, Stored>
): PaneMethod<Id, S, Stored> {
  return method;
}

/** "This method needs a column for: …" when the table has no column for some of the roles. */
export function needsRoles(
  table: CustomerTable,
  roles: readonly ("recency" | "frequency" | "monetary")[]
): Problem[] {
  const missing = roles.filter((role) => table.mapping[role] === undefined);
  return missing.length > 0 ? [problem("needsRoles", { roles: missing.join(",") })] : [];
}
