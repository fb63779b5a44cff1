import i18next, { i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { CvaError, errorText } from "../../core/errors";
import { type Message, messageTexts } from "../../core/messages/catalogue";
import { localeOf } from "../../core/messages/messageTypes";
import { renderMessage } from "../../core/messages/render";
import { SHARING_TEXT } from "../../core/sharing/sharingText";
import enUS from "./en-US.json";
import zhCN from "./zh-CN.json";

export type UiLanguage = "en-US" | "zh-CN";
export const uiLanguages: readonly UiLanguage[] = ["en-US", "zh-CN"];

/** Office reports its display language as e.g. "zh-CN", "zh-TW", "en-GB"; Chinese variants read our zh-CN text. */
export function pickUiLanguage(displayLanguage: string | undefined): UiLanguage {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/**
 * One i18next instance per pane, initialised synchronously from bundled resources (no network, no backend). The
 * words the sharing features write into the workbook (Change column, movement table, Segment summary sheet) come
 * from SHARING_TEXT, under the same keys the engine uses; the engine's messages from its catalogue, under "engine".
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en-US",
    resources: { "en-US": { translation: enUS }, "zh-CN": { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  for (const language of uiLanguages) {
    instance.addResourceBundle(language, "translation", SHARING_TEXT[language], true);
    instance.addResourceBundle(language, "translation", { engine: messageTexts(language) }, true);
  }
  return instance;
}

/**
 * An engine error (a CvaError: catalogue code and parameters) in the pane's language, e.g. for the detail of the
 * "engine" problem: the message the custom functions show in Excel, never its English .message in zh-CN.
 * @example engineErrorText(cvaError("kpi.periodsWhole", { value: 2.5 }), "zh-CN") // "期数必须是整数，当前为 2.5。"
 */
export function engineErrorText(error: CvaError, language: UiLanguage): string {
  return errorText(error, language);
}

/** A catalogue message (e.g. why stored data was set aside) in the pane's language. */
export function messageText(message: Message, language: string): string {
  return renderMessage(message, localeOf(language));
}
