import type { CellValue } from "../../src/core/cells";

/**
 * A "Model" sheet as a user builds it with the add-in: a filled-down column of =CVA.CLV(…), a =CVA.TIER(…) that
 * spills down its column, a few single CVA calls in other spellings, and formulas of the user's own that must be
 * left alone.
 */
export const CUSTOMERS = 2000;
export const MODEL_SHEET = "Model";

export function modelSheet(): {
  rows: CellValue[][];
  formulas: Map<string, string>;
  spill: { anchor: [number, number]; rowCount: number; columnCount: number };
} {
  const rows: CellValue[][] = [["Customer", "Spend", "CLV", "Tier", "Note"]];
  const formulas = new Map<string, string>();
  const tiers = ["High", "Medium", "Low"];
  for (let r = 1; r <= CUSTOMERS; r++) {
    const spend = 10 + ((r * 7919) % 5000) / 10;
    rows.push([
      `C${String(r).padStart(5, "0")}`,
      spend,
      Math.round(spend * 2.7 * 100) / 100,
      tiers[r % 3],
      null,
    ]);
    formulas.set(`${r},2`, `=CVA.CLV(B${r + 1},0.3,$B$1)`);
  }
  formulas.set("1,3", `=CVA.TIER(B2:B${CUSTOMERS + 1})`);
  rows[1][4] = 20.5;
  formulas.set("1,4", "=B2*2");
  rows[2][4] = "CVA.CLV(1)";
  formulas.set("2,4", '="CVA.CLV(1)"');
  rows[3][4] = 57;
  formulas.set("3,4", "=_xldudf_CVA_SCORE(B4)");
  rows[4][4] = 12.34;
  formulas.set("4,4", "=round(cva.clv(B5,1,1),2)");
  return { rows, formulas, spill: { anchor: [1, 3], rowCount: CUSTOMERS, columnCount: 1 } };
}

export const MODEL_RANGE = {
  sheet: MODEL_SHEET,
  row: 0,
  column: 0,
  rowCount: CUSTOMERS + 1,
  columnCount: 5,
};
