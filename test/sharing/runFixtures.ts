import { RunHistory, emptyHistory, planHistorySave } from "../../src/core/sharing/runHistory";
import {
  IdTable,
  MEASURES,
  Measure,
  RunHead,
  SlotRun,
  pack,
  runMeasures,
  writeIds,
  writeRun,
} from "../../src/core/sharing/snapshot";

/** A run given as lists, as tests write them: ids, tier index per id, measures per id; placed on the table. */
export function runOf(
  table: IdTable,
  savedAt: string,
  customers: readonly string[],
  tiers: readonly number[],
  measures: Partial<Record<Measure, readonly number[]>> = {},
  labels = ["High", "Medium", "Low"]
): SlotRun {
  table.append([...new Set(customers.filter((id) => table.slotOf(id) === undefined))].sort());
  const slots = customers.map((id) => table.slotOf(id) as number);
  const run: SlotRun = { savedAt, labels, tiers: new Uint8Array(table.size) };
  slots.forEach((slot, k) => {
    run.tiers[slot] = tiers[k] + 1;
  });
  for (const measure of MEASURES) {
    const values = measures[measure];
    if (!values) continue;
    const bySlot = new Float64Array(table.size).fill(NaN);
    slots.forEach((slot, k) => {
      bySlot[slot] = values[k];
    });
    run[measure] = bySlot;
  }
  return run;
}

/** The run as id → tier index, to compare runs whatever their slots. */
export function tiersById(table: IdTable, run: SlotRun): Map<string, number> {
  const tiers = new Map<string, number>();
  for (let slot = 0; slot < run.tiers.length; slot++)
    if (run.tiers[slot] !== 0) tiers.set(table.ids[slot], run.tiers[slot] - 1);
  return tiers;
}

/** A run of these customers, on rows 0, 1, … in this order: what placeRun gives for a sheet of them. */
export function currentRunOf(
  table: IdTable,
  customers: readonly string[],
  tiers: readonly number[],
  measures: Partial<Record<Measure, readonly number[]>> = {},
  labels?: string[]
) {
  const run = runOf(table, "now", customers, tiers, measures, labels);
  return {
    run,
    slots: Uint32Array.from(customers, (id) => table.slotOf(id) as number),
    rows: Uint32Array.from(customers, (_, row) => row),
  };
}

/** The customers of a run in slot order, with their slots: a CurrentRun for the history's save. */
export function currentOf(run: SlotRun) {
  const slots: number[] = [];
  for (let slot = 0; slot < run.tiers.length; slot++) if (run.tiers[slot] !== 0) slots.push(slot);
  return { run, slots: Uint32Array.from(slots), rows: Uint32Array.from(slots) };
}

/** Makes and saves runs one after the other into a store map, as the pane does; returns the map and the history. */
export function savedRuns(
  steps: readonly ((table: IdTable) => SlotRun)[],
  prefix = "h",
  keep = 12,
  entries = new Map<string, string>(),
  start: RunHistory = emptyHistory()
): { entries: Map<string, string>; history: RunHistory; changes: Record<string, string | null>[] } {
  let history = start;
  const changes: Record<string, string | null>[] = [];
  for (const step of steps) {
    const run = step(history.table);
    const save = planHistorySave(entries, prefix, history, currentOf(run), keep);
    for (const [key, value] of Object.entries(save.changes))
      if (value === null) entries.delete(key);
      else entries.set(key, value);
    changes.push(save.changes);
    history = save.history;
  }
  return { entries, history, changes };
}

/**
 * The run history as the first version stored it, in one value: a JSON head and one blob of the sorted ids and, per
 * run, its tiers and measures over all of them (the runs must be over the table's slots).
 */
export function legacySnapshots(table: IdTable, runs: readonly SlotRun[]): string {
  const heads: RunHead[] = runs.map((run) => ({
    savedAt: run.savedAt,
    labels: run.labels,
    measures: runMeasures(run),
  }));
  return JSON.stringify({
    format: "cva.segmentation.snapshots",
    version: 1,
    customers: table.size,
    runs: heads,
    data: pack((writer) => {
      writeIds(writer, table.ids);
      for (const run of runs) writeRun(writer, run, table.size);
    }),
  });
}
