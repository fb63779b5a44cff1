/**
 * The custom functions at Excel's scale: RFMSCORE, TIER and SCORE over 1,048,576 rows (Excel's row limit), shaped as
 * Excel hands them to the adapters (number[][] columns), and CLV as 1,000,000 separate scalar calls, as a column of
 * =CVA.CLV(B2, C2, D2) formulas would make (targets from issues 3 and 10); RFMSUMMARY on the CDNOW transaction log
 * in a cell, reading the cells and writing the spill included (issue 14).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCdnowMaster } from "../src/core/cdnow/cdnowMaster";
import { clv, rfmScore, rfmSummary, score, tier } from "../src/functions/functions";
import { measure } from "./harness";
import { random } from "./random";
import { EXCEL_ROWS } from "./syntheticCustomers";

function column(n: number, draw: () => number): number[][] {
  return Array.from({ length: n }, () => [draw()]);
}

export function run(): void {
  // A cell =CVA.RFMSUMMARY(A2:A69660, B2:B69660, C2:C69660): each call gets the three columns as Excel hands them.
  const log = parseCdnowMaster(
    readFileSync(join(__dirname, "..", "data", "CDNOW_master.txt"), "utf8")
  );
  const cellsOf = <T>(values: readonly T[]) => values.map((value) => [value]);
  const [ids, dates, amounts] = [cellsOf(log.customerId), cellsOf(log.date), cellsOf(log.amount)];
  for (let i = 0; i < 20; i++) rfmSummary(ids, dates, amounts); // V8 optimises the loops over a few calls
  measure(
    "CVA.RFMSUMMARY, 69,659 CDNOW_master transactions",
    6,
    () => rfmSummary(ids, dates, amounts),
    21
  );

  const u = random(20260101);

  // CLV first, before the million-row columns below fill the heap. Excel marshals each call's arguments before
  // calling us; building them is not our cost, so 1,000 rows' worth are built once and the calls cycle through them.
  const calls = 1_000_000;
  const rows = Array.from({ length: 1000 }, () => [
    [[20 + u() * 80]],
    [[1 + u() * 5]],
    [[1 + u() * 10]],
    [[u() * 100]],
    [[0.2 + u() * 0.6]],
    [[u() * 0.15]],
  ]);
  measure("CLV, 1,000,000 scalar calls", 200, () => {
    let sum = 0;
    for (let i = 0; i < calls; i++) {
      const [aov, frequency, lifespan, acquisition, margin, rate] = rows[i % 1000];
      sum += clv(aov, frequency, lifespan, acquisition, margin, rate)[0][0] as number;
    }
    return sum;
  });

  // Realistic shapes: whole days since the last purchase, small purchase counts with many ties, skewed spend.
  const recency = column(EXCEL_ROWS, () => Math.floor(u() * 545));
  const frequency = column(EXCEL_ROWS, () => 1 + Math.floor(-Math.log(1 - u()) * 3));
  const monetary = column(EXCEL_ROWS, () => Math.round(Math.exp(3 + 1.2 * u() * 3) * 100) / 100);
  const measures = Array.from({ length: EXCEL_ROWS }, (_, i) => [
    monetary[i][0],
    frequency[i][0],
    recency[i][0],
  ]);

  measure("RFMSCORE over 1,048,576 rows (codes)", 1000, () =>
    rfmScore(recency, frequency, monetary)
  );
  measure("TIER over 1,048,576 rows (customers basis)", 1000, () => tier(monetary));
  measure("SCORE over 1,048,576 rows × 3 measures", 1000, () =>
    score(measures, [[0.5, 0.3, 0.2]], [[1, 1, -1]])
  );
}
