import { CellValue } from "../core/cells";
import {
  CvaError,
  cvaError,
  ExcelErrorCode,
  errorText,
  isBareError,
  isCvaError,
} from "../core/errors";
import { displayLocale } from "./displayLanguage";

/**
 * The boundary between Excel's custom-function values and the engine's. Inside Office, errors go back as
 * CustomFunctions.Error (its ErrorCode values are the display texts, e.g. "#VALUE!") with the message in Excel's
 * display language; outside Office (tests, HyperFormula, the workbench) the CvaError itself is returned so callers
 * can map it to their own error type.
 */
export type ExcelError = CustomFunctions.Error | CvaError;

const errorCodes = new Set<string>([
  "#VALUE!",
  "#NUM!",
  "#DIV/0!",
  "#N/A",
  "#NULL!",
  "#REF!",
  "#NAME?",
  "#CALC!",
  "#SPILL!",
]);

/** Excel shows a message only with #VALUE! and #N/A; #NUM! and #DIV/0! go bare, as their code says it all. */
export function toExcelError(error: CvaError): ExcelError {
  if (typeof CustomFunctions === "undefined") return error;
  const code = error.code as unknown as CustomFunctions.ErrorCode;
  return isBareError(error)
    ? new CustomFunctions.Error(code)
    : new CustomFunctions.Error(code, errorText(error, displayLocale()));
}

/** Reads one cell handed in by Excel; an error cell inside a range becomes a CvaError for that row only. */
export function fromExcelCell(value: unknown): CellValue {
  if (
    value === null ||
    value === undefined ||
    typeof value === "number" ||
    typeof value === "string" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  if (isCvaError(value)) return value;
  const code = (value as { code?: unknown }).code;
  if (typeof code === "string" && errorCodes.has(code)) {
    const known: ExcelErrorCode =
      code === "#NUM!" || code === "#DIV/0!" || code === "#N/A" ? code : "#VALUE!";
    return new CvaError({ code: "cell.errorValue", params: { code } }, known);
  }
  return cvaError("cell.unsupported");
}

/** A column or matrix argument: Excel hands ranges as rows × columns. A single value counts as a 1×1 range. */
export function fromExcelMatrix(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[fromExcelCell(value)]];
  return value.map((row) => (Array.isArray(row) ? row.map(fromExcelCell) : [fromExcelCell(row)]));
}

/**
 * The output guard every result cell passes: engine errors become Excel errors, blanks "" (an empty cell), and a
 * number that is not finite (an overflow) becomes #NUM!, so no function ever returns NaN or ±Infinity. Values it
 * has already mapped pass unchanged.
 */
export function toExcelCell(value: unknown): unknown {
  if (typeof value === "number")
    return value > -Infinity && value < Infinity
      ? value
      : toExcelError(cvaError("result.notFinite"));
  if (isCvaError(value)) return toExcelError(value);
  if (value === null || value === undefined) return "";
  return value;
}
