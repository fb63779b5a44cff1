import {
  ErrorCode,
  errorMessage,
  excelErrorOf,
  Message,
  MessageCode,
  ParamsArg,
} from "./messages/catalogue";
import type { ExcelErrorCode, Locale } from "./messages/messageTypes";
import { renderMessage } from "./messages/render";

export type { ExcelErrorCode } from "./messages/messageTypes";

/**
 * A typed, user-facing failure. The engine throws it for whole-call problems and returns it in place of a value
 * for a single bad row. It carries a message code and its parameters from the catalogue (src/core/messages), so
 * the custom functions and the pane show it in the user's language; .message is the English text, for the command
 * line and logs. code is the Excel error it travels with.
 */
export class CvaError extends Error {
  readonly code: ExcelErrorCode;
  readonly messageCode: ErrorCode;
  readonly params: Message["params"];

  /** `code` is needed only for a code whose catalogue entry travels with the input's own error ("input"). */
  constructor(message: Message<ErrorCode>, code?: ExcelErrorCode);
  /** Transitional: an English sentence, until its module has codes of its own (see "engine.untranslated"). */
  constructor(code: ExcelErrorCode, sentence: string);
  constructor(first: Message<ErrorCode> | ExcelErrorCode, second?: ExcelErrorCode | string) {
    const message: Message<ErrorCode> =
      typeof first === "string"
        ? { code: "engine.untranslated", params: { text: second as string } }
        : first;
    const code = (typeof first === "string" ? first : second) as ExcelErrorCode | undefined;
    // A typed answer, not a bug: no stack to capture, which a column of 100,000 bad rows would pay for each row.
    const english = renderMessage(message, "en-US");
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(english);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "CvaError";
    this.code = excelErrorOf(message.code, code);
    this.messageCode = message.code;
    this.params = message.params;
  }

  /** The code and parameters as a message, e.g. to nest in another one ("Recency in row 3 holds an error: …"). */
  get text(): Message<ErrorCode> {
    return { code: this.messageCode, params: this.params } as Message<ErrorCode>;
  }
}

/**
 * The error for a catalogue code, typed by it.
 * @example cvaError("kpi.periodsWhole", { value: 2.5 }).message // "Periods must be a whole number, got 2.5."
 */
export function cvaError<C extends ErrorCode>(code: C, ...params: ParamsArg<C>): CvaError {
  return new CvaError(errorMessage(code, ...params) as Message<ErrorCode>);
}

/**
 * An error value the user's own cell held, passed on with the cell named: it keeps its Excel error (a #N/A stays
 * #N/A) and says where it came from.
 */
export function heldError(what: Message, held: CvaError): CvaError {
  return new CvaError({ code: "cell.holdsError", params: { what, detail: held.text } }, held.code);
}

/** The error's message in a language: what the custom functions and the pane show. */
export function errorText(error: CvaError, locale: Locale): string {
  return renderMessage(error.text, locale);
}

/** Whether Excel should get the error without a message: #NUM! and #DIV/0! show none, so they carry none. */
export function isBareError(error: CvaError): boolean {
  return error.code === "#NUM!" || error.code === "#DIV/0!";
}

// Transitional, for modules that still build errors from English sentences (see "engine.untranslated").
export const valueError = (message: string) => new CvaError("#VALUE!", message);
export const numError = (message: string) => new CvaError("#NUM!", message);
export const divZeroError = (message: string) => new CvaError("#DIV/0!", message);
export const notAvailableError = (message: string) => new CvaError("#N/A", message);

export function isCvaError(value: unknown): value is CvaError {
  return value instanceof CvaError;
}

export type { Message, MessageCode };
