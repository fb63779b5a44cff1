/* global Office */
import { createRoot } from "react-dom/client";
import { OfficeWorkbook } from "../excel/officeWorkbook";
import { App } from "./components/App";
import { createI18n, pickUiLanguage } from "./i18n";

/** Office themes report a body background; a dark one gets Fluent's dark theme. */
function isDarkOfficeTheme(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  if (!background) return false;
  const rgb = parseInt(background.replace("#", ""), 16);
  const luminance =
    0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
  return luminance < 128;
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const i18n = createI18n(pickUiLanguage(Office.context.displayLanguage));
  createRoot(container).render(
    <App workbook={new OfficeWorkbook()} i18n={i18n} dark={isDarkOfficeTheme()} />
  );
});
