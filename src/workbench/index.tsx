import { createRoot } from "react-dom/client";
import { App } from "../taskpane/components/App";
import { createI18n, pickUiLanguage } from "../taskpane/i18n";
import { Grid } from "./Grid";
import { createSampleWorkbook } from "./sampleWorkbook";

/**
 * The workbench page: the real task pane beside a grid of the bundled CDNOW sample, wired through the same
 * WorkbookPort as Excel. `?lang=zh-CN` shows the pane as a Chinese Office would; `?theme=dark` as a dark theme.
 */
const params = new URLSearchParams(window.location.search);
const workbook = createSampleWorkbook();
const i18n = createI18n(pickUiLanguage(params.get("lang") ?? navigator.language));
const root = document.getElementById("workbench");
if (root) {
  createRoot(root).render(
    <>
      <section className="workbench-sheet" aria-label="Workbook">
        <Grid workbook={workbook} />
      </section>
      <aside className="workbench-pane" aria-label="Task pane">
        <App workbook={workbook} i18n={i18n} dark={params.get("theme") === "dark"} />
      </aside>
    </>
  );
}
