/**
 * Error values as Office.js hands them over in range.values: as their display text. A cell holding one is a broken
 * formula upstream, not data, so it is reported as an error rather than as text in a numeric column.
 */
const ERROR_TEXT = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#TIMEOUT!",
]);

/**
 * Whether a cell's text is one of Excel's error values ("#N/A", "#VALUE!", …).
 * @example isExcelErrorText("#N/A") // true
 */
export function isExcelErrorText(value: unknown): boolean {
  return typeof value === "string" && value.charCodeAt(0) === 35 && ERROR_TEXT.has(value);
}
