import { entryOf, Message } from "./catalogue";
import type { Locale, ParamKind } from "./messageTypes";

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

const QUOTES: Record<Locale, readonly [string, string]> = {
  "en-US": ['"', '"'],
  "zh-CN": ["“", "”"],
};
const LIST_SEPARATOR: Record<Locale, string> = { "en-US": "; ", "zh-CN": "；" };

/**
 * A message in one language: its template with each {{name}} replaced by the parameter, written by its kind.
 * Plain code, no translation library: the engine renders its English .message with it, the custom functions render
 * in Excel's display language, the pane in its own.
 * @example renderMessage(errorMessage("kpi.periodsWhole", { value: 2.5 }), "zh-CN") // "期数必须是整数，当前为 2.5。"
 */
export function renderMessage(message: Message, locale: Locale): string {
  const entry = entryOf(message.code);
  const params = message.params as Readonly<Record<string, unknown>>;
  return entry[locale].replace(PLACEHOLDER, (_, name: string) =>
    renderParam(entry.params?.[name], params[name], locale)
  );
}

function renderParam(kind: ParamKind | undefined, value: unknown, locale: Locale): string {
  switch (kind) {
    case "number":
      return formatNumber(value as number);
    case "value":
      return formatValue(value as string | number | boolean, locale);
    case "date":
      return formatSerialDate(value as number);
    case "phrase":
      return renderMessage(value as Message, locale);
    case "phrases":
      return (value as readonly Message[])
        .map((item) => renderMessage(item, locale))
        .join(LIST_SEPARATOR[locale]);
    default:
      return String(value);
  }
}

/** A number as Excel shows it in a General cell: at most 15 significant digits (0.1 + 0.2 reads 0.3). */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : String(n);
}

/** A value the user gave: text quoted, logicals as Excel writes them. */
function formatValue(value: string | number | boolean, locale: Locale): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const [open, close] = QUOTES[locale];
  return `${open}${value}${close}`;
}

/**
 * An Excel serial date (1900 date system) as yyyy-mm-dd. Excel counts a 29 February 1900 that never was (serial 60),
 * so later serials count from 1899-12-30 and earlier ones from 1899-12-31.
 * @example formatSerialDate(45000) // "2023-03-15"
 */
export function formatSerialDate(serial: number): string {
  const day = Math.floor(serial);
  if (day === 60) return "1900-02-29";
  const epoch = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}
