import { CvaError, cvaError, isCvaError } from "./errors";
import type { Message } from "./messages/catalogue";

/**
 * A cell's value, the one cell type of the add-in: what Excel hands a custom function (number, text, boolean, blank)
 * plus an error already present in the sheet, carried as a CvaError; and what the workbook port reads and writes
 * (null is an empty cell; undefined, an omitted argument, is written as empty too).
 */
export type CellValue = number | string | boolean | null | undefined | CvaError;

/** The value a sheet holds once a cell is written: an error as its code ("#N/A", which Excel reads as that error), undefined as empty. */
export function sheetValue(value: CellValue): string | number | boolean | null {
  if (value === undefined) return null;
  return typeof value === "object" && isCvaError(value) ? value.code : value;
}

/** A value result for one row: the number, a blank (input row was blank) or the row's own error. */
export type RowResult<T> = T | null | CvaError;

export function isBlank(value: CellValue): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

/**
 * Reads a cell as a finite number. Booleans are refused (Excel's own statistical functions skip them in ranges),
 * numeric text is refused too: it usually means a column imported as text, which the user should fix.
 */
export function toNumber(value: CellValue, what: Message): number | CvaError {
  if (isCvaError(value)) return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) return cvaError("cell.blank", { what });
  if (typeof value === "number") return cvaError("cell.notFinite", { what });
  return cvaError("cell.notNumber", { what, value });
}

/** Throws the error so whole-call validation reads top to bottom. */
export function required<T>(value: T | CvaError): T {
  if (isCvaError(value)) throw value;
  return value;
}
