import fc from "fast-check";
import type { Message } from "../../src/core/messages/catalogue";
import { renderMessage } from "../../src/core/messages/render";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { fromBase64, toBase64 } from "../../src/core/sharing/bytes";
import { readHistory } from "../../src/core/sharing/runHistory";
import { IdTable, SlotRun, placeRun } from "../../src/core/sharing/snapshot";
import { legacySnapshots, runOf, savedRuns, tiersById } from "./runFixtures";

const read = (entries: Map<string, string>, prefix = "h", legacy?: string) => {
  const { history, problem } = readHistory(entries, prefix, legacy);
  if (problem) throw new Error(renderMessage(problem, "en-US"));
  return history;
};

describe("run snapshots on an id table", () => {
  it("takes every tiered row with an id, first row of an id only, with its sheet row", () => {
    const rows = [
      ["Id", "Spend"],
      ["a", 10],
      ["b", 50],
      [null, 30],
      ["a", 20],
      ["c", "n/a"],
      [7, 40],
    ];
    const result = segmentCustomers({ rows, hasHeader: true }, { method: "tiers", column: 1 });
    const ids = rows.slice(1).map((row) => row[0]);
    const table = new IdTable();
    const current = placeRun(table, result, ids, "2026-11-20T00:00:00.000Z");
    expect(table.ids).toEqual(["7", "a", "b"]);
    expect([...current.slots].map((slot) => table.ids[slot])).toEqual(["a", "b", "7"]);
    expect(Array.from(current.rows)).toEqual([0, 1, 5]);
    expect(current.run.labels).toEqual(["High", "Medium", "Low"]);
    expect(
      [...current.slots].map((slot) => current.run.labels[current.run.tiers[slot] - 1])
    ).toEqual([0, 1, 5].map((row) => result.columns[0].values[row]));
    // A second run finds its customers by slot and appends only the new ones.
    const again = placeRun(
      table,
      result,
      ["b", "d", "a", null, null, null],
      "2026-12-20T00:00:00.000Z"
    );
    expect(table.ids).toEqual(["7", "a", "b", "d"]);
    expect([...again.slots]).toEqual([2, 3, 1]);
  });

  it("stores several runs over one id table and reads them back", () => {
    const steps = [
      (table: IdTable) => runOf(table, "2026-01-01T00:00:00.000Z", ["c1", "c2", "c3"], [0, 1, 2]),
      (table: IdTable) =>
        runOf(table, "2026-02-01T00:00:00.000Z", ["c2", "c4", "客户-9"], [2, 0, 1]),
    ];
    const { entries, history } = savedRuns(steps);
    const back = read(entries);
    expect(back.table.ids).toEqual(history.table.ids);
    expect(back.runs.map((run) => run.savedAt)).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
    ]);
    expect(tiersById(back.table, back.latest as SlotRun)).toEqual(
      new Map([
        ["c2", 2],
        ["c4", 0],
        ["客户-9", 1],
      ])
    );
  });

  it("keeps the measures to their stated precision, and missing ones missing", () => {
    const customers = ["a", "b", "c", "d", "e"];
    const measures = {
      score: [99.99, 0, 42.42, NaN, 100],
      pAlive: [0.9871, 0, 1, 0.5, NaN],
      clv: [1234.56, 0, -80, 1e9, NaN],
    };
    const { entries } = savedRuns([
      (table) => runOf(table, "2026-01-01T00:00:00.000Z", customers, [0, 0, 1, 2, 2], measures),
    ]);
    const back = read(entries);
    const latest = back.latest as SlotRun;
    const at = (measure: "score" | "pAlive" | "clv", id: string) =>
      (latest[measure] as Float64Array)[back.table.slotOf(id) as number];
    customers.forEach((id, k) => {
      const [score, pAlive, clv] = [measures.score[k], measures.pAlive[k], measures.clv[k]];
      if (Number.isNaN(score)) expect(at("score", id)).toBeNaN();
      else expect(at("score", id)).toBeCloseTo(score, 10);
      if (Number.isNaN(pAlive)) expect(at("pAlive", id)).toBeNaN();
      else expect(Math.abs(at("pAlive", id) - pAlive)).toBeLessThanOrEqual(0.002);
      if (Number.isNaN(clv)) expect(at("clv", id)).toBeNaN();
      else
        expect(Math.abs(at("clv", id) - clv)).toBeLessThanOrEqual(Math.abs(clv) * 0.00043 + 1e-9);
    });
  });

  it("keeps the newest runs only, deleting the others' values", () => {
    const steps = Array.from(
      { length: 14 },
      (_, month) => (table: IdTable) => runOf(table, `2026-${month + 1}`, ["a"], [0])
    );
    const { entries, history } = savedRuns(steps, "h", 12);
    expect(history.runs.map((run) => run.savedAt)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${i + 3}`)
    );
    expect([...entries.keys()].filter((key) => key.startsWith("h.run.")).sort()).toEqual(
      history.runs.map((run) => `h.run.${run.n}`).sort()
    );
    expect(read(entries).runs).toEqual(history.runs);
  });

  it("writes only the new run, the ids it brings and the head: earlier runs are not written again", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `C${String(i).padStart(5, "0")}`);
    const tiers = ids.map((_, i) => i % 3);
    const { changes } = savedRuns([
      (table) => runOf(table, "2026-01", ids, tiers),
      (table) => runOf(table, "2026-02", ids, tiers),
      (table) => runOf(table, "2026-03", [...ids, "NEW"], [...tiers, 0]),
    ]);
    expect(Object.keys(changes[0]).sort()).toEqual(["h.ids.0", "h.run.0", "h.runs"]);
    expect(Object.keys(changes[1]).sort()).toEqual(["h.run.1", "h.runs"]);
    expect(Object.keys(changes[2]).sort()).toEqual(["h.ids.1", "h.run.2", "h.runs"]);
  });

  it("rewrites the id table when most of it belongs to customers no longer in any kept run", () => {
    const batch = (start: number) =>
      Array.from({ length: 6000 }, (_, i) => `C${String(start + i).padStart(6, "0")}`);
    const { entries, history } = savedRuns(
      [0, 6000, 12000].map(
        (start, month) => (table: IdTable) =>
          runOf(
            table,
            `2026-0${month + 1}`,
            batch(start),
            batch(start).map((_, i) => i % 3)
          )
      ),
      "h",
      1
    );
    expect(history.table.size).toBe(6000);
    const back = read(entries);
    expect(back.table.ids).toEqual(batch(12000));
    expect(tiersById(back.table, back.latest as SlotRun).get("C012005")).toBe(2);
    expect([...entries.keys()].sort()).toEqual(["h.ids.0", "h.run.0", "h.runs"]);
  });

  it("reads the first version's single value and moves it to this layout on the next save", () => {
    const table = new IdTable(["a", "b", "c"]);
    const runs: SlotRun[] = [
      { savedAt: "2026-01", labels: ["High", "Low"], tiers: Uint8Array.of(1, 2, 0) },
      {
        savedAt: "2026-02",
        labels: ["High", "Low"],
        tiers: Uint8Array.of(2, 2, 1),
        pAlive: Float64Array.of(0.2, 0.4, 0.8),
      },
    ];
    const legacy = legacySnapshots(table, runs);
    const entries = new Map([["cva.segmentation.snapshots", legacy]]);
    const history = read(entries, "h", "cva.segmentation.snapshots");
    expect(history.runs.map((run) => run.savedAt)).toEqual(["2026-01", "2026-02"]);
    expect(tiersById(history.table, history.latest as SlotRun)).toEqual(
      new Map([
        ["a", 1],
        ["b", 1],
        ["c", 0],
      ])
    );
    const { entries: after } = savedRuns(
      [(table) => runOf(table, "2026-03", ["a"], [0], {}, ["High", "Low"])],
      "h",
      12,
      entries,
      history
    );
    expect(after.has("cva.segmentation.snapshots")).toBe(false);
    const migrated = read(after);
    expect(migrated.runs.map((run) => run.savedAt)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(tiersById(migrated.table, migrated.latest as SlotRun)).toEqual(new Map([["a", 0]]));
  });

  it("says why damaged or foreign history cannot be used, and never throws", () => {
    const { entries } = savedRuns([(table) => runOf(table, "x", ["a", "b"], [0, 1])]);
    const head = JSON.parse(entries.get("h.runs") as string) as Record<string, unknown>;
    const cases: [string, string, string][] = [
      ["h.runs", "{", "its data is damaged"],
      ["h.runs", '{"format":"other"}', "it was not written by this add-in"],
      ["h.runs", JSON.stringify({ ...head, version: 9 }), "format version 9"],
      ["h.runs", JSON.stringify({ ...head, ids: [5] }), "its data is damaged"],
      [
        "h.runs",
        JSON.stringify({ ...head, runs: [{ savedAt: "x", labels: ["A"], measures: [] }] }),
        "its header is damaged",
      ],
      ["h.ids.0", "!!!!", "its data is damaged"],
      ["h.run.0", toBase64(Uint8Array.of(1, 2, 3)), "its data is damaged"],
    ];
    for (const [key, text, reason] of cases) {
      const damaged = new Map(entries).set(key, text);
      const { history, problem } = readHistory(damaged, "h");
      expect(renderMessage(problem as Message, "en-US")).toBe(
        `The stored run history cannot be used (${reason}); monitoring starts again from this run.`
      );
      expect(renderMessage(problem as Message, "zh-CN")).toMatch(/^无法使用保存的运行记录（.+）/);
      expect(history.runs).toEqual([]);
      expect(history.stale.sort()).toEqual([...damaged.keys()].sort());
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(readHistory(new Map([["h.runs", text]]), "h").problem).not.toBeNull();
      })
    );
  });

  it("base64 round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      })
    );
  });

  it("round-trips random runs (fast-check)", () => {
    const id = fc.string({ minLength: 1, maxLength: 10 });
    const arbitraryRun = fc.uniqueArray(id, { maxLength: 40 }).chain((customers) =>
      fc.record({
        customers: fc.constant(customers),
        tiers: fc.array(fc.integer({ min: 0, max: 2 }), {
          minLength: customers.length,
          maxLength: customers.length,
        }),
      })
    );
    fc.assert(
      fc.property(fc.array(arbitraryRun, { minLength: 1, maxLength: 4 }), (runs) => {
        const { entries, history } = savedRuns(
          runs.map((run, i) => (table: IdTable) => runOf(table, `r${i}`, run.customers, run.tiers))
        );
        const back = read(entries);
        expect(back.runs.length).toBe(runs.length);
        const last = runs[runs.length - 1];
        expect(tiersById(back.table, back.latest as SlotRun)).toEqual(
          new Map(last.customers.map((c, k) => [c, last.tiers[k]]))
        );
        expect(back.table.ids).toEqual(history.table.ids);
      })
    );
  });
});
