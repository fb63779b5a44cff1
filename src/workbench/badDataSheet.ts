import type { CellValue } from "../core/cells";

/**
 * A small customer sheet with the problems real exports have, one per marked row (Excel row numbers): a blank
 * recency (5), text in a number column (7), a negative spend (9), a repeated customer id (11), an Excel error
 * value (13), an empty row (15) and a number typed as words (17). The pane's quality report must list each.
 */
export const BAD_DATA_ROWS: CellValue[][] = [
  ["Customer ID", "Recency (days)", "Frequency", "Monetary"],
  ["B001", 12, 8, 640.5],
  ["B002", 40, 3, 120],
  ["B003", 95, 1, 35.2],
  ["B004", null, 2, 80],
  ["B005", 5, 12, 1210.75],
  ["B006", 61, 2, "n/a"],
  ["B007", 180, 1, 19.99],
  ["B008", 30, 4, -25],
  ["B009", 8, 6, 455],
  ["B003", 20, 2, 60],
  ["B010", 250, 1, 15],
  ["B011", 14, "#N/A", 300],
  ["B012", 33, 5, 410],
  [null, null, null, null],
  ["B013", 72, 2, 95.5],
  ["B014", "twelve", 3, 150],
  ["B015", 3, 9, 880],
  ["B016", 120, 1, 42],
  ["B017", 45, 3, 210],
  ["B018", 300, 1, 12.5],
  ["B019", 9, 7, 690],
];
