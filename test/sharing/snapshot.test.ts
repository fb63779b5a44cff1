import fc from "fast-check";
import { segmentCustomers } from "../../src/core/segmentation/segmentCustomers";
import { fromBase64, toBase64 } from "../../src/core/sharing/bytes";
import {
  appendRun,
  decodeSnapshots,
  encodeSnapshots,
  RunSnapshot,
  snapshotFromResult,
} from "../../src/core/sharing/snapshot";

function run(
  savedAt: string,
  customers: string[],
  tiers: number[],
  extra: Partial<RunSnapshot> = {}
): RunSnapshot {
  return {
    savedAt,
    labels: ["High", "Medium", "Low"],
    customers,
    tiers: Uint8Array.from(tiers),
    ...extra,
  };
}

const decoded = (text: string) => {
  const result = decodeSnapshots(text);
  if (!result.ok) throw new Error(result.message);
  return result.runs;
};

describe("run snapshots", () => {
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
    const { snapshot, rows: dataRows } = snapshotFromResult(
      result,
      ids,
      "2026-11-20T00:00:00.000Z"
    );
    expect(snapshot.customers).toEqual(["a", "b", "7"]);
    expect(Array.from(dataRows)).toEqual([0, 1, 5]);
    expect(snapshot.labels).toEqual(["High", "Medium", "Low"]);
    expect([...snapshot.tiers].map((t) => snapshot.labels[t])).toEqual(
      [0, 1, 5].map((row) => result.columns[0].values[row])
    );
  });

  it("stores several runs over one id dictionary and reads them back", () => {
    const runs = [
      run("2026-01-01T00:00:00.000Z", ["c1", "c2", "c3"], [0, 1, 2]),
      run("2026-02-01T00:00:00.000Z", ["c2", "c4", "客户-9"], [2, 0, 1]),
    ];
    const back = decoded(encodeSnapshots(runs));
    expect(back.map((r) => r.savedAt)).toEqual(runs.map((r) => r.savedAt));
    back.forEach((r, i) => {
      const byId = new Map(r.customers.map((id, k) => [id, r.tiers[k]]));
      expect(byId).toEqual(new Map(runs[i].customers.map((id, k) => [id, runs[i].tiers[k]])));
    });
  });

  it("keeps the measures to their stated precision, and missing ones missing", () => {
    const customers = ["a", "b", "c", "d", "e"];
    const original = run("2026-01-01T00:00:00.000Z", customers, [0, 0, 1, 2, 2], {
      score: Float64Array.of(99.99, 0, 42.42, NaN, 100),
      pAlive: Float64Array.of(0.9871, 0, 1, 0.5, NaN),
      clv: Float64Array.of(1234.56, 0, -80, 1e9, NaN),
    });
    const [back] = decoded(encodeSnapshots([original]));
    const at = (r: RunSnapshot, measure: "score" | "pAlive" | "clv", id: string) =>
      (r[measure] as Float64Array)[r.customers.indexOf(id)];
    for (const id of customers) {
      const k = customers.indexOf(id);
      const score = original.score?.[k] as number;
      const pAlive = original.pAlive?.[k] as number;
      const clv = original.clv?.[k] as number;
      if (Number.isNaN(score)) expect(at(back, "score", id)).toBeNaN();
      else expect(at(back, "score", id)).toBeCloseTo(score, 10);
      if (Number.isNaN(pAlive)) expect(at(back, "pAlive", id)).toBeNaN();
      else expect(Math.abs(at(back, "pAlive", id) - pAlive)).toBeLessThanOrEqual(0.002);
      if (Number.isNaN(clv)) expect(at(back, "clv", id)).toBeNaN();
      else
        expect(Math.abs(at(back, "clv", id) - clv)).toBeLessThanOrEqual(
          Math.abs(clv) * 0.00043 + 1e-9
        );
    }
  });

  it("keeps the newest runs only", () => {
    let history: RunSnapshot[] = [];
    for (let month = 1; month <= 14; month++)
      history = appendRun(history, run(`2026-${month}`, ["a"], [0]), 12);
    expect(history.map((r) => r.savedAt)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${i + 3}`)
    );
  });

  it("says why damaged or foreign history cannot be used, and never throws", () => {
    const good = encodeSnapshots([run("x", ["a", "b"], [0, 1])]);
    const head = JSON.parse(good) as Record<string, unknown>;
    const cases = [
      "{",
      '{"format":"other"}',
      JSON.stringify({ ...head, version: 9 }),
      JSON.stringify({ ...head, data: "!!!!" }),
      JSON.stringify({ ...head, data: toBase64(Uint8Array.of(1, 2, 3)) }),
      JSON.stringify({ ...head, customers: 5 }),
      JSON.stringify({ ...head, runs: [{ savedAt: "x", labels: ["A"], measures: [] }] }),
    ];
    for (const text of cases) {
      const result = decodeSnapshots(text);
      expect(result.ok).toBe(false);
      expect((result as { message: string }).message).toMatch(/cannot be used/);
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(decodeSnapshots(text).ok).toBe(false);
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
        savedAt: fc.string(),
        labels: fc.constant<string[]>(["A", "B", "C", "D"]),
        customers: fc.constant(customers),
        tiers: fc
          .array(fc.integer({ min: 0, max: 3 }), {
            minLength: customers.length,
            maxLength: customers.length,
          })
          .map((t) => Uint8Array.from(t)),
      })
    );
    fc.assert(
      fc.property(fc.array(arbitraryRun, { maxLength: 4 }), (runs) => {
        const back = decoded(encodeSnapshots(runs));
        expect(back.length).toBe(runs.length);
        back.forEach((r, i) => {
          const expected = new Map(runs[i].customers.map((c, k) => [c, runs[i].tiers[k]]));
          expect(new Map(r.customers.map((c, k) => [c, r.tiers[k]]))).toEqual(expected);
        });
      })
    );
  });
});
