import { type CellValue, sheetValue } from "../cells";

/**
 * What to type into a cell so that it holds exactly this value. Excel reads what it is given as typed input (and
 * Office.js's Range.values does the same): text starting with "=" becomes a formula, with "+" or "-" a formula or a
 * signed number ("-001" is −1), and text that looks like a number, a date or TRUE turns into one. A leading
 * apostrophe, the quote prefix, makes the rest text whatever it is, and is not part of the value. So every text
 * the add-in writes (customer ids from the data, tier names the user typed) goes with one: a customer id
 * `=WEBSERVICE("http://…")` stays that text, never a formula that calls out.
 * Empty is "", an error its code (typed #N/A is the error), numbers and booleans as they are.
 * @example typedInput("-001") // "'-001"
 */
export function typedInput(value: CellValue): string | number | boolean {
  const cell = sheetValue(value);
  if (cell === null) return "";
  if (typeof cell === "string" && cell !== "" && value === cell) return QUOTE + cell;
  return cell;
}

/** Excel's quote prefix. */
export const QUOTE = "'";
