import { CellValue } from "../core/cells";
import { CvaError, ExcelErrorCode, isCvaError } from "../core/errors";

/**
 * The boundary between Excel's custom-function values and the engine's. Inside Office, errors go back as
 * CustomFunctions.Error (its ErrorCode values are the display texts, e.g. "#VALUE!"); outside Office (tests,
 * HyperFormula, the workbench) the CvaError itself is returned so callers can map it to their own error type.
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

export function toExcelError(error: CvaError): ExcelError {
  if (typeof CustomFunctions === "undefined") return error;
  return new CustomFunctions.Error(
    error.code as unknown as CustomFunctions.ErrorCode,
    error.message
  );
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
    return new CvaError(known, `The input holds ${code}.`);
  }
  return new CvaError("#VALUE!", "Unsupported cell value.");
}

/** A column or matrix argument: Excel hands ranges as rows × columns. A single value counts as a 1×1 range. */
export function fromExcelMatrix(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[fromExcelCell(value)]];
  return value.map((row) => (Array.isArray(row) ? row.map(fromExcelCell) : [fromExcelCell(row)]));
}

/** Maps an engine result cell for Excel: errors become Excel errors, blanks become "" (an empty cell). */
export function toExcelCell(value: CellValue): number | string | boolean | ExcelError {
  if (isCvaError(value)) return toExcelError(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value))
    return toExcelError(new CvaError("#NUM!", "The result is not a finite number."));
  return value;
}

/**
 * Runs an adapter body so that a custom function never throws: a CvaError becomes its Excel error, anything
 * unexpected becomes #VALUE! with the reason, and a non-finite number becomes #NUM!.
 */
export function excelResult<T>(compute: () => T): T | ExcelError {
  try {
    const result = compute();
    if (typeof result === "number" && !Number.isFinite(result)) {
      return toExcelError(new CvaError("#NUM!", "The result is not a finite number."));
    }
    return result;
  } catch (error) {
    if (isCvaError(error)) return toExcelError(error);
    return toExcelError(
      new CvaError(
        "#VALUE!",
        `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`
      )
    );
  }
}
