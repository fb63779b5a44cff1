import type { CellValue } from "../../../src/core/cells";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The workbench's bundled CDNOW sheets as Excel hands them over: numbers as numbers, the rest as text. */
export function sampleSheet(name: "cdnow-customers" | "cdnow-transactions"): CellValue[][] {
  const text = readFileSync(
    join(__dirname, "..", "..", "..", "src", "workbench", "sample", `${name}.csv`),
    "utf8"
  );
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) =>
      line
        .split(",")
        .map((cell) => (cell === "" ? null : Number.isNaN(Number(cell)) ? cell : Number(cell)))
    );
}
