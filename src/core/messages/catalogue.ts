import { INPUT_MESSAGES } from "./inputMessages";
import { KPI_MESSAGES } from "./kpiMessages";
import { MODEL_MESSAGES } from "./modelMessages";
import type { ExcelErrorCode, Locale, MessageEntry, MessageTable } from "./messageTypes";
import { RETENTION_MESSAGES } from "./retentionMessages";
import { SEGMENT_MESSAGES } from "./segmentMessages";
import { STORE_MESSAGES } from "./storeMessages";
import { SUMMARY_MESSAGES } from "./summaryMessages";
import { TERMS } from "./terms";

/**
 * Transitional: errors still built from an English sentence (valueError("…") and its siblings) until their modules
 * use codes of their own. Its text is the sentence in every language, so it is the one entry allowed to show
 * English in zh-CN; it goes when the last caller does.
 */
const UNTRANSLATED = {
  "engine.untranslated": {
    excel: "input",
    params: { text: "text" },
    "en-US": "{{text}}",
    "zh-CN": "{{text}}",
  },
} as const satisfies MessageTable;

/**
 * Every message the engine and the custom functions can give, in one table: a code ("kpi.negative") → its texts in
 * every locale, the kind of each parameter and, for an error, the Excel error it travels with. One file per family
 * of functions; a new family's table is spread in here.
 */
export const MESSAGES = {
  ...TERMS,
  ...INPUT_MESSAGES,
  ...KPI_MESSAGES,
  ...SEGMENT_MESSAGES,
  ...SUMMARY_MESSAGES,
  ...MODEL_MESSAGES,
  ...STORE_MESSAGES,
  ...RETENTION_MESSAGES,
  ...UNTRANSLATED,
} as const satisfies MessageTable;

type Catalogue = typeof MESSAGES;
export type MessageCode = keyof Catalogue;

/** What each parameter kind holds. */
interface ParamTypes {
  number: number;
  text: string;
  value: string | number | boolean;
  date: number;
  phrase: Message;
  phrases: readonly Message[];
}

type ParamsOf<C extends MessageCode> = Catalogue[C] extends {
  params: infer P extends Record<string, keyof ParamTypes>;
}
  ? { readonly [K in keyof P]: ParamTypes[P[K]] }
  : Readonly<Record<never, never>>;

/** A message to show: its code and parameters, typed per code. Rendered in any locale by renderMessage. */
export type Message<C extends MessageCode = MessageCode> = C extends MessageCode
  ? { readonly code: C; readonly params: ParamsOf<C> }
  : never;

/** The codes of errors (they travel with an Excel error) and of phrases (parts of other messages). */
export type ErrorCode = {
  [C in MessageCode]: Catalogue[C] extends { excel: string } ? C : never;
}[MessageCode];
export type PhraseCode = Exclude<MessageCode, ErrorCode>;

/** The arguments after the code: the parameters, or nothing for a message without any. */
export type ParamsArg<C extends MessageCode> = [keyof ParamsOf<C>] extends [never]
  ? []
  : [params: ParamsOf<C>];

/**
 * A phrase to pass as a parameter, e.g. phrase("term.inRow", { what: phrase("term.recency"), row: 3 }).
 * @example renderMessage(phrase("term.cutoff", { n: 2 }), "en-US") // "Cutoff 2"
 */
export function phrase<C extends PhraseCode>(code: C, ...params: ParamsArg<C>): Message<C> {
  return { code, params: params[0] ?? {} } as Message<C>;
}

/** An error message; errors themselves are built with cvaError (src/core/errors.ts). */
export function errorMessage<C extends ErrorCode>(code: C, ...params: ParamsArg<C>): Message<C> {
  return { code, params: params[0] ?? {} } as Message<C>;
}

export function entryOf(code: MessageCode): MessageEntry {
  return MESSAGES[code];
}

/** The Excel error an error code travels with; "input" ones take the caller's (the input's own error). */
export function excelErrorOf(code: ErrorCode, input: ExcelErrorCode = "#VALUE!"): ExcelErrorCode {
  const excel = MESSAGES[code].excel;
  return excel === "input" ? input : excel;
}

/**
 * The texts of one locale nested by family ({ kpi: { negative: "…" } }), for an i18next resource bundle: the pane
 * registers them under "engine", so t("engine.kpi.negative", …) reads the same text as renderMessage.
 */
export function messageTexts(locale: Locale): Record<string, Record<string, string>> {
  const texts: Record<string, Record<string, string>> = {};
  for (const code of Object.keys(MESSAGES) as MessageCode[]) {
    const [family, name] = code.split(".");
    (texts[family] ??= {})[name] = MESSAGES[code][locale];
  }
  return texts;
}
