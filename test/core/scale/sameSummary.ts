import type { SqlValue } from "../../../src/core/scale/sqlEngine";
import type { RfmSummary } from "../../../src/core/summary/rfmSummary";

/** The summary's columns with first and last purchase as Excel serials, for comparing with CVA.RFMSUMMARY. */
export function summaryAsSerialsSql(relation: string): string {
  return `SELECT CAST(customer AS VARCHAR), frequency, recency, "T", monetary, orders, total,
    first_purchase - DATE '1899-12-30', last_purchase - DATE '1899-12-30'
  FROM ${relation}`;
}

/**
 * Checks a DuckDB summary (rows of summaryAsSerialsSql) against CVA.RFMSUMMARY's, customer by customer and column
 * by column: the same customers, the same whole numbers and dates, and money equal to 1e-12 relative (the sums
 * add the same amounts in another order, which moves the last bits; nothing else may differ).
 */
export function expectSameSummary(rows: SqlValue[][], expected: RfmSummary): void {
  const byCustomer = new Map(rows.map((row) => [String(row[0]), row]));
  expect(byCustomer.size).toBe(rows.length);
  expect(rows.length).toBe(expected.customer.length);
  const mismatches: string[] = [];
  expected.customer.forEach((customer, i) => {
    const row = byCustomer.get(String(customer));
    if (row === undefined) {
      mismatches.push(`${customer}: missing`);
      return;
    }
    const whole = [
      expected.frequency[i],
      expected.recency[i],
      expected.T[i],
      expected.orders[i],
      expected.firstPurchase[i],
      expected.lastPurchase[i],
    ];
    const got = [row[1], row[2], row[3], row[5], row[7], row[8]];
    whole.forEach((value, k) => {
      if (got[k] !== value) mismatches.push(`${customer}: column ${k} ${got[k]} ≠ ${value}`);
    });
    for (const [value, actual] of [
      [expected.monetary[i], row[4]],
      [expected.total[i], row[6]],
    ] as const) {
      if (!(Math.abs((actual as number) - value) <= 1e-12 * Math.max(1, Math.abs(value))))
        mismatches.push(`${customer}: money ${actual} ≠ ${value}`);
    }
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
}
