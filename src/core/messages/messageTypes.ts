/** The languages the add-in ships: every message has a text in each. */
export type Locale = "en-US" | "zh-CN";
export const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];

/** The Excel error values our engine can produce, by their display text. */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/**
 * How a parameter is written into a text: a number (to Excel's 15 significant digits), verbatim text (codes,
 * names the user typed), a cell value the user gave (text quoted, TRUE/FALSE), an Excel date serial (as
 * yyyy-mm-dd), a nested message (an argument's name, "Recency in row 3"), or a list of them.
 */
export type ParamKind = "number" | "text" | "value" | "date" | "phrase" | "phrases";

/**
 * One message: its text in every locale with {{name}} placeholders (i18next's syntax, so the pane's i18next can
 * hold the same texts), the kind of each parameter, and for an error the Excel error it travels with. "input" means
 * the error value the user's own cell held (a #N/A passed along stays #N/A). A phrase (an argument's name, a row
 * reference) has no Excel error: it only appears inside other messages.
 */
export interface MessageEntry {
  readonly excel?: ExcelErrorCode | "input";
  /**
   * An error whose bare code says it all (#DIV/0! for zero new customers): Excel shows no message with #NUM! and
   * #DIV/0!, so only these may use them, and the adapters send them without one.
   */
  readonly bare?: true;
  readonly params?: Readonly<Record<string, ParamKind>>;
  readonly "en-US": string;
  readonly "zh-CN": string;
}

export type MessageTable = Readonly<Record<string, MessageEntry>>;

/**
 * The locale for a display language as Office reports it ("zh-CN", "zh-TW", "en-GB"…): Chinese variants read the
 * zh-CN texts, every other language the English ones.
 * @example localeOf("zh-TW") // "zh-CN"
 */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
