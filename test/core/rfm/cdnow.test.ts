/**
 * RFM scores and value tiers of the 23,570 CDNOW customers, checked against a straightforward computation written
 * here from the definitions (array sort, Excel's PERCENTILE.INC formula, counting), sharing no code with the engine.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { rfmScores } from "../../../src/core/rfm/rfmScores";
import { assignTiers } from "../../../src/core/tiers/assignTiers";

const DATA = path.resolve(__dirname, "../../../data/CDNOW_master.txt");
const AS_OF = Date.UTC(1998, 6, 1); // 1998-07-01
const DAY = 86_400_000;

interface Customer {
  recencyDays: number;
  purchaseDays: number;
  spend: number;
}

function readCustomers(): Customer[] {
  const byId = new Map<string, { last: number; days: Set<number>; spend: number }>();
  const lines = readFileSync(DATA, "utf8").split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (line.trim() === "") continue;
    const [id, date, , dollars] = line.trim().split(/\s+/);
    const day = Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(4, 6)) - 1,
      Number(date.slice(6, 8))
    );
    const customer = byId.get(id) ?? { last: -Infinity, days: new Set<number>(), spend: 0 };
    customer.last = Math.max(customer.last, day);
    customer.days.add(day);
    customer.spend += Number(dollars);
    byId.set(id, customer);
  }
  return [...byId.values()].map((c) => ({
    recencyDays: (AS_OF - c.last) / DAY,
    purchaseDays: c.days.size,
    spend: c.spend,
  }));
}

/** Excel's PERCENTILE.INC, as documented: rank (n − 1)·k, linear interpolation. */
function excelPercentile(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * k;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

/** A score goes up only by strictly beating a break point: larger, or for recency smaller. */
function expectedScores(values: number[], bins: number, smallerIsBetter: boolean): number[] {
  const cuts = Array.from({ length: bins - 1 }, (_, k) => excelPercentile(values, (k + 1) / bins));
  return values.map((x) => 1 + cuts.filter((c) => (smallerIsBetter ? x < c : x > c)).length);
}

describe("RFM and tiers on the CDNOW transactions", () => {
  const customers = readCustomers();
  const recency = customers.map((c) => c.recencyDays);
  const frequency = customers.map((c) => c.purchaseDays);
  const monetary = customers.map((c) => c.spend);

  it("reads the 23,570 customers of the 69,659 purchases", () => {
    expect(customers.length).toBe(23_570);
    expect(Math.min(...recency)).toBe(1); // someone bought on 1998-06-30
    expect(Math.max(...recency)).toBe(546); // and someone only on 1997-01-01
    expect(Math.min(...frequency)).toBe(1);
  });

  it.each([5, 3, 9])("scores match the independent computation with %i bins", (bins) => {
    const scores = rfmScores(recency, frequency, monetary, bins);
    expect(Array.from(scores.recency)).toEqual(expectedScores(recency, bins, true));
    expect(Array.from(scores.frequency)).toEqual(expectedScores(frequency, bins, false));
    expect(Array.from(scores.monetary)).toEqual(expectedScores(monetary, bins, false));
    expect(scores.breakpoints.monetary).toEqual(
      Array.from({ length: bins - 1 }, (_, k) => excelPercentile(monetary, (k + 1) / bins))
    );
  });

  it("keeps scores in 1..5 and gives equal values equal scores", () => {
    const scores = rfmScores(recency, frequency, monetary, 5);
    for (const [values, s] of [
      [recency, scores.recency],
      [frequency, scores.frequency],
      [monetary, scores.monetary],
    ] as const) {
      const scoreOf = new Map<number, number>();
      values.forEach((x, i) => {
        expect(s[i]).toBeGreaterThanOrEqual(1);
        expect(s[i]).toBeLessThanOrEqual(5);
        expect(scoreOf.get(x) ?? s[i]).toBe(s[i]);
        scoreOf.set(x, s[i]);
      });
    }
    // Over half the customers bought on one day only, so the lower frequency quintiles collapse into score 1.
    expect(scores.breakpoints.frequency.slice(0, 2)).toEqual([1, 1]);
  });

  it("tiers by share of customers match PERCENTILE.INC thresholds", () => {
    const result = assignTiers(monetary);
    const high = excelPercentile(monetary, 0.8);
    const medium = excelPercentile(monetary, 0.5);
    expect(result.thresholds).toEqual([high, medium]);
    const expected = monetary.map((x) => (x > high ? "High" : x > medium ? "Medium" : "Low"));
    expect(Array.from(result.tiers, (t) => result.labels[t])).toEqual(expected);
    const highShare = expected.filter((t) => t === "High").length / monetary.length;
    expect(highShare).toBeGreaterThan(0.199);
    expect(highShare).toBeLessThanOrEqual(0.2);
  });

  it("tiers by share of value match a cumulative-share walk", () => {
    const result = assignTiers(monetary, {
      basis: "value",
      labels: ["A", "B", "C"],
      cutoffs: [0.5, 0.8],
    });
    const total = monetary.reduce((a, b) => a + b, 0);
    const descending = [...monetary].sort((a, b) => b - a);
    // The break of a cutoff: the first customer, walking down, with that share of the value before it.
    const breakOf = (share: number) => {
      let before = 0;
      for (const x of descending) {
        if (before >= share * total) return x;
        before += x;
      }
      return -Infinity;
    };
    const [a, b] = [breakOf(0.5), breakOf(0.8)];
    const expected = monetary.map((x) => (x > a ? "A" : x > b ? "B" : "C"));
    expect(Array.from(result.tiers, (t) => result.labels[t])).toEqual(expected);
  });
});
