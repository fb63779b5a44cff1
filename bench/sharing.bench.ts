/**
 * Change monitoring at the size issue 6 asks for: 100,000 customers × 12 kept runs. Sizes are of the text the store
 * keeps (core/sharing/runHistory.ts: an append-only id table in front-coded blocks, one value per run with 4-bit
 * tiers and quantised measures, deflated, base64), for a run with tiers only (RFM, value tiers), with the score
 * method's score, and with a predictive run's P(alive) and CLV. Times: keeping one more run (what a Segment click
 * writes), reading the history when the pane opens, comparing two runs. Targets: the tiers-only history stays under
 * 1 MB, which would fit even Office's ~1–2 MB document settings; any history fits the very hidden store sheet in at
 * most three 4 MB syncs (12 MB).
 */
import { compareRuns } from "../src/core/sharing/compareRuns";
import {
  RunHistory,
  emptyHistory,
  planHistorySave,
  readHistory,
} from "../src/core/sharing/runHistory";
import { CurrentRun, IdTable, Measure, SlotRun } from "../src/core/sharing/snapshot";
import { measure, report, reportAgainstTarget } from "./harness";
import { random } from "./random";

const CUSTOMERS = 100_000;
const RUNS = 12;
const LABELS = ["High", "Medium", "Low"];
const PREFIX = "cva.analysis.a1";

/**
 * Twelve monthly runs of a customer base that churns and grows: each month about 2 % of customers leave and as many
 * join, a tenth move one tier, and the measures drift. Each run is placed on the id table as placeRun would.
 */
function monthlyRuns(table: IdTable, measures: Measure[]): CurrentRun[] {
  const u = random(20261120);
  let nextId = 0;
  const newId = () => `C${String((nextId += 1 + Math.floor(u() * 3))).padStart(8, "0")}`;
  let customers = Array.from({ length: CUSTOMERS }, newId);
  let tiers: number[] = customers.map(() => (u() < 0.2 ? 0 : u() < 0.375 ? 1 : 2));
  let values = customers.map(() => ({ score: u() * 100, pAlive: u(), clv: Math.exp(3 + 4 * u()) }));
  const runs: CurrentRun[] = [];
  for (let month = 1; month <= RUNS; month++) {
    const keep = customers.map(() => u() >= 0.02);
    const joined = Array.from({ length: CUSTOMERS - keep.filter(Boolean).length }, newId);
    customers = [...customers.filter((_, k) => keep[k]), ...joined];
    tiers = [...tiers.filter((_, k) => keep[k]), ...joined.map(() => 2)].map((t) =>
      u() < 0.1 ? Math.min(2, Math.max(0, t + (u() < 0.5 ? -1 : 1))) : t
    );
    values = [
      ...values.filter((_, k) => keep[k]),
      ...joined.map(() => ({ score: u() * 100, pAlive: u(), clv: Math.exp(3 + 4 * u()) })),
    ].map((v) => ({
      score: Math.min(100, Math.max(0, Math.round((v.score + (u() - 0.5) * 10) * 100) / 100)),
      pAlive: Math.min(1, Math.max(0, v.pAlive + (u() - 0.5) * 0.1)),
      clv: v.clv * (0.8 + 0.4 * u()),
    }));
    table.append(
      [...new Set(joined.concat(customers))].filter((id) => table.slotOf(id) === undefined).sort()
    );
    const slots = Uint32Array.from(customers, (id) => table.slotOf(id) as number);
    const run: SlotRun = {
      savedAt: `2026-${String(month).padStart(2, "0")}-01T00:00:00.000Z`,
      labels: LABELS,
      tiers: new Uint8Array(table.size),
    };
    slots.forEach((slot, k) => (run.tiers[slot] = tiers[k] + 1));
    for (const name of measures) {
      const bySlot = new Float64Array(table.size).fill(NaN);
      slots.forEach((slot, k) => (bySlot[slot] = values[k][name]));
      run[name] = bySlot;
    }
    runs.push({ run, slots, rows: Uint32Array.from(slots.keys()) });
  }
  return runs;
}

/** Saves the runs one by one into a store map, as twelve monthly clicks would. */
function saveAll(runs: CurrentRun[], history: RunHistory) {
  const entries = new Map<string, string>();
  let last: Record<string, string | null> = {};
  for (const current of runs) {
    const save = planHistorySave(entries, PREFIX, history, current, RUNS);
    for (const [key, value] of Object.entries(save.changes))
      if (value === null) entries.delete(key);
      else entries.set(key, value);
    history = save.history;
    last = save.changes;
  }
  return { entries, history, last };
}

const MB = 1024 * 1024;
const size = (values: Iterable<string | null>) =>
  [...values].reduce((sum, value) => sum + (value?.length ?? 0), 0);

export function run(): void {
  const kinds: [string, Measure[]][] = [
    ["tiers only (RFM, value tiers)", []],
    ["tiers + score", ["score"]],
    ["tiers + P(alive) + CLV (predictive)", ["pAlive", "clv"]],
  ];
  for (const [name, measures] of kinds) {
    const history = emptyHistory();
    const { entries, last } = saveAll(monthlyRuns(history.table, measures), history);
    report(
      `snapshots, ${name}: what the 12th run writes`,
      `${(size(Object.values(last)) / 1024).toFixed(0)} KB`,
      `(${Object.keys(last).length} store values)`
    );
    reportAgainstTarget(
      `snapshots, ${name}: 12 runs`,
      size(entries.values()) / MB,
      "MB",
      measures.length === 0 ? 1 : 12
    );
  }

  const start = emptyHistory();
  const runs = monthlyRuns(start.table, ["pAlive", "clv"]);
  const saved = saveAll(runs.slice(0, RUNS - 1), start);
  measure(
    "keep one more run of 100,000 customers (predictive, 11 kept)",
    300,
    () => planHistorySave(saved.entries, PREFIX, saved.history, runs[RUNS - 1], RUNS),
    3
  );
  measure(
    "read the kept history when the pane opens (predictive)",
    500,
    () => readHistory(saved.entries, PREFIX),
    3
  );
  measure("compare two runs of 100,000 customers", 200, () =>
    compareRuns(runs[10].run, runs[11], start.table)
  );
}
