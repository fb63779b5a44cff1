import type { SheetRange } from "./workbookPort";

/** A rectangle of cells without its sheet, 0-based. */
export type Box = Omit<SheetRange, "sheet">;

/** Excel's sheet names ignore case. */
export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether two rectangles share a cell; ranges on different sheets never do.
 * @example overlaps({ row: 0, column: 0, rowCount: 2, columnCount: 2 }, { row: 1, column: 1, rowCount: 1, columnCount: 1 }) // true
 */
export function overlaps(a: Box | SheetRange, b: Box | SheetRange): boolean {
  if ("sheet" in a && "sheet" in b && !sameSheet(a.sheet, b.sheet)) return false;
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

/**
 * a − b as up to four rectangles: the full-width bands above and below b, then the parts left and right of b within
 * b's rows.
 */
export function subtract(a: SheetRange, b: SheetRange): SheetRange[] {
  if (!overlaps(a, b)) return [a];
  const top = Math.max(a.row, b.row);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const left = Math.max(a.column, b.column);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  const pieces: SheetRange[] = [];
  const piece = (row: number, rowEnd: number, column: number, columnEnd: number) => {
    if (rowEnd > row && columnEnd > column)
      pieces.push({
        sheet: a.sheet,
        row,
        column,
        rowCount: rowEnd - row,
        columnCount: columnEnd - column,
      });
  };
  piece(a.row, top, a.column, a.column + a.columnCount);
  piece(bottom, a.row + a.rowCount, a.column, a.column + a.columnCount);
  piece(top, bottom, a.column, left);
  piece(top, bottom, right, a.column + a.columnCount);
  return pieces;
}

/** The cells of `ranges` outside every range of `minus`, as rectangles. */
export function subtractAll(
  ranges: readonly SheetRange[],
  minus: readonly SheetRange[]
): SheetRange[] {
  return minus.reduce<SheetRange[]>((rest, b) => rest.flatMap((a) => subtract(a, b)), [...ranges]);
}

/** The smallest block on `range`'s sheet covering it and every other rectangle given (nulls skipped). */
export function boundingBox(range: SheetRange, others: readonly (Box | null)[]): SheetRange {
  let top = range.row;
  let left = range.column;
  let bottom = range.row + range.rowCount;
  let right = range.column + range.columnCount;
  for (const other of others) {
    if (!other) continue;
    top = Math.min(top, other.row);
    left = Math.min(left, other.column);
    bottom = Math.max(bottom, other.row + other.rowCount);
    right = Math.max(right, other.column + other.columnCount);
  }
  return {
    sheet: range.sheet,
    row: top,
    column: left,
    rowCount: bottom - top,
    columnCount: right - left,
  };
}
