/** A1-style addresses for 0-based indexes, as Excel shows them (column 0 = A, 26 = AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rangeAddress(range: {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}): string {
  const topLeft = cellAddress(range.row, range.column);
  if (range.rowCount === 1 && range.columnCount === 1) return topLeft;
  return `${topLeft}:${cellAddress(range.row + range.rowCount - 1, range.column + range.columnCount - 1)}`;
}

/** Parses "B3" or "$B$3" into 0-based indexes; null when it is not a single-cell address. */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Parses "Sheet1!A1:C10", "'My sheet'!B2" or "A1:C10" (sheet then comes from the caller). */
export function parseRangeAddress(
  address: string,
  defaultSheet = ""
): { sheet: string; row: number; column: number; rowCount: number; columnCount: number } | null {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang < 0
      ? defaultSheet
      : address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
  const [first, last = first] = address.slice(bang + 1).split(":");
  const a = parseCellAddress(first);
  const b = parseCellAddress(last);
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    sheet,
    row,
    column,
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
}
