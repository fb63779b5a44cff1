import { Locale, localeOf } from "../core/messages/messageTypes";

let known: Locale | undefined;

/**
 * The language Excel shows its interface in, for the messages of the errors the functions return. Read from
 * Office.context.displayLanguage once Office has it (it does not change during a session); English outside Office
 * (tests, HyperFormula, the workbench) or before Office is ready.
 */
export function displayLocale(): Locale {
  if (known !== undefined) return known;
  let language: string | undefined;
  try {
    language = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
  } catch {
    language = undefined;
  }
  if (language === undefined) return "en-US";
  known = localeOf(language);
  return known;
}
