/** The Excel error values our engine can produce, by their display text. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/**
 * A typed, user-facing failure. The engine throws it for whole-call problems and returns it in place of a
 * value for a single bad row; the custom-function adapters turn it into an Excel error with this message.
 */
export class CvaError extends Error {
  readonly code: ExcelErrorCode;

  constructor(code: ExcelErrorCode, message: string) {
    super(message);
    this.name = "CvaError";
    this.code = code;
  }
}

export const valueError = (message: string) => new CvaError("#VALUE!", message);
export const numError = (message: string) => new CvaError("#NUM!", message);
export const divZeroError = (message: string) => new CvaError("#DIV/0!", message);
export const notAvailableError = (message: string) => new CvaError("#N/A", message);

export function isCvaError(value: unknown): value is CvaError {
  return value instanceof CvaError;
}
