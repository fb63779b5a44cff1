/**
 * CALHOLDOUT's engine on CDNOW_master against lifetimes 0.11.3's calibration_and_holdout_data (calibration end
 * 1997-09-30, observation end 1998-06-30, days; test/core/models/reference/lifetimes.json with its provenance).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { excelSerial, parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";
import { calibrationAndHoldout } from "../../../src/core/holdout/calibrationHoldout";
import { REFERENCE_DATA } from "../models/cdnowData";
import lifetimes from "../models/reference/lifetimes.json";

const transactions = parseCdnowMaster(
  readFileSync(resolve(REFERENCE_DATA, "CDNOW_master.txt"), "utf8")
);

describe("calibration and holdout on CDNOW_master", () => {
  const table = calibrationAndHoldout(
    transactions.customerId,
    transactions.date,
    transactions.amount,
    excelSerial(1997, 9, 30),
    excelSerial(1998, 6, 30)
  );
  const { rows } = table;
  const byId = new Map(rows.map((row) => [row[0], row.slice(1) as number[]]));
  const reference = lifetimes.calHoldout;

  it("lists lifetimes' customers with its column sums", () => {
    expect(rows).toHaveLength(reference.customers);
    const sums = rows[0]
      .slice(1)
      .map((_, c) => rows.reduce((sum, row) => sum + (row[c + 1] as number), 0));
    Object.values(reference.columnSums).forEach((expected, c) =>
      expect(Math.abs(sums[c] - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected))
    );
  });

  it("gives every sampled customer lifetimes' row", () => {
    const sampled = Object.entries(reference.rows);
    expect(sampled.length).toBeGreaterThan(90);
    for (const [id, expected] of sampled) {
      const actual = byId.get(id)!;
      expected.forEach((value, c) => expect(actual[c]).toBeCloseTo(value, 9));
    }
  });

  it("counts same-day holdout purchases once and measures the holdout in days", () => {
    expect(table.durationHoldout).toBe(273);
    const weekly = calibrationAndHoldout(
      transactions.customerId,
      transactions.date,
      transactions.amount,
      excelSerial(1997, 9, 30),
      excelSerial(1998, 6, 30),
      7
    );
    expect(weekly.durationHoldout).toBe(39);
    weekly.frequencyHoldout.forEach((weeks, k) =>
      expect(weeks).toBeLessThanOrEqual(table.frequencyHoldout[k])
    );
  });

  it("gives the same rows when the log is not in date order", () => {
    const n = transactions.customerId.length;
    // A fixed permutation: stride through the rows by a number prime to their count.
    const order = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const shuffled = calibrationAndHoldout(
      order.map((i) => transactions.customerId[i]),
      order.map((i) => transactions.date[i]),
      order.map((i) => transactions.amount[i]),
      excelSerial(1997, 9, 30),
      excelSerial(1998, 6, 30)
    );
    expect(shuffled.rows).toHaveLength(rows.length);
    for (const row of shuffled.rows) {
      const expected = byId.get(row[0])!;
      row.slice(1).forEach((value, c) => expect(value).toBeCloseTo(expected[c], 9));
    }
  });

  it("refuses an observation end that does not follow the calibration end", () => {
    expect(() => calibrationAndHoldout(["a", "a"], [45000, 45010], [1, 2], 45005, 45005)).toThrow(
      /must come after the calibration end/
    );
  });
});
