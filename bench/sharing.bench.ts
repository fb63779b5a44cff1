/**
 * Change monitoring at the size issue 6 asks for: 100,000 customers × 12 kept runs. Sizes are of the text the store
 * keeps (core/sharing/snapshot.ts: ids once, 4-bit tiers, quantised measures, deflated, base64), for a run with
 * tiers only (RFM, value tiers), with the score method's score, and with a predictive run's P(alive) and CLV. Times:
 * encoding and decoding all 12 runs, comparing two runs. Targets: the tiers-only history stays under 1 MB, which
 * would fit even Office's ~1–2 MB document settings; any history fits the very hidden store sheet in at most three
 * 4 MB syncs (12 MB).
 */
import { compareRuns } from "../src/core/sharing/compareRuns";
import { decodeSnapshots, encodeSnapshots, RunSnapshot } from "../src/core/sharing/snapshot";
import { measure, report, reportAgainstTarget } from "./harness";
import { random } from "./random";

const CUSTOMERS = 100_000;
const RUNS = 12;
const LABELS = ["High", "Medium", "Low"];

/**
 * Twelve monthly runs of a customer base that churns and grows: each month about 2 % of customers leave and as many
 * join, a tenth move one tier, and the measures drift.
 */
function monthlyRuns(measures: ("score" | "pAlive" | "clv")[]): RunSnapshot[] {
  const u = random(20261120);
  let nextId = 0;
  const newId = () => `C${String((nextId += 1 + Math.floor(u() * 3))).padStart(8, "0")}`;
  let customers = Array.from({ length: CUSTOMERS }, newId);
  let tiers = Uint8Array.from(customers, () => (u() < 0.2 ? 0 : u() < 0.375 ? 1 : 2));
  let score = Float64Array.from(customers, () => Math.round(u() * 10000) / 100);
  let pAlive = Float64Array.from(customers, () => u());
  let clv = Float64Array.from(customers, () => Math.exp(3 + 2 * u() * 2));
  const runs: RunSnapshot[] = [];
  for (let month = 1; month <= RUNS; month++) {
    const keep = customers.map(() => u() >= 0.02);
    const joined = Array.from({ length: CUSTOMERS - keep.filter(Boolean).length }, newId);
    const pick = <T extends Float64Array | Uint8Array>(values: T, fresh: () => number): T => {
      const kept = (values as unknown as number[]).filter((_, k) => keep[k]);
      return (values.constructor as unknown as { from(x: number[]): T }).from([
        ...kept,
        ...joined.map(fresh),
      ]);
    };
    customers = [...customers.filter((_, k) => keep[k]), ...joined];
    tiers = pick(tiers, () => 2).map((t) =>
      u() < 0.1 ? Math.min(2, Math.max(0, t + (u() < 0.5 ? -1 : 1))) : t
    );
    score = pick(score, () => Math.round(u() * 10000) / 100).map((s) =>
      Math.min(100, Math.max(0, Math.round((s + (u() - 0.5) * 10) * 100) / 100))
    );
    pAlive = pick(pAlive, () => u()).map((p) => Math.min(1, Math.max(0, p + (u() - 0.5) * 0.1)));
    clv = pick(clv, () => Math.exp(3 + 4 * u())).map((v) => v * (0.8 + 0.4 * u()));
    const run: RunSnapshot = {
      savedAt: `2026-${String(month).padStart(2, "0")}-01T00:00:00.000Z`,
      labels: LABELS,
      customers,
      tiers,
    };
    if (measures.includes("score")) run.score = score;
    if (measures.includes("pAlive")) run.pAlive = pAlive;
    if (measures.includes("clv")) run.clv = clv;
    runs.push(run);
  }
  return runs;
}

const MB = 1024 * 1024;

export function run(): void {
  const kinds: [string, ("score" | "pAlive" | "clv")[]][] = [
    ["tiers only (RFM, value tiers)", []],
    ["tiers + score", ["score"]],
    ["tiers + P(alive) + CLV (predictive)", ["pAlive", "clv"]],
  ];
  for (const [name, measures] of kinds) {
    const runs = monthlyRuns(measures);
    const one = encodeSnapshots(runs.slice(-1)).length;
    const all = encodeSnapshots(runs).length;
    report(
      `snapshots, ${name}: one run of 100,000 alone`,
      `${(one / 1024).toFixed(0)} KB`,
      `(in the 12-run history: ${(all / RUNS / 1024).toFixed(0)} KB per run, ${Math.ceil(all / 30_000)} store cells)`
    );
    reportAgainstTarget(
      `snapshots, ${name}: 12 runs`,
      all / MB,
      "MB",
      measures.length === 0 ? 1 : 12
    );
  }

  const runs = monthlyRuns(["pAlive", "clv"]);
  let text = "";
  measure(
    "encode 12 runs × 100,000 customers (predictive)",
    3000,
    () => (text = encodeSnapshots(runs)),
    3
  );
  measure("decode 12 runs × 100,000 customers (predictive)", 2000, () => decodeSnapshots(text), 3);
  measure("compare two runs of 100,000 customers", 200, () => compareRuns(runs[10], runs[11]));
}
