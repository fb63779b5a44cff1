import { createRoot } from "react-dom/client";
import { App } from "../taskpane/components/App";
import { createI18n, pickUiLanguage } from "../taskpane/i18n";
import { Grid } from "./Grid";
import { MemoryWorkbook } from "./memoryWorkbook";
import { createSampleWorkbook } from "./sampleWorkbook";

/**
 * The workbench page: the real task pane beside a grid of the bundled CDNOW sample, wired through the same
 * WorkbookPort as Excel. `?lang=zh-CN` shows the pane as a Chinese Office would; `?theme=dark` as a dark theme.
 */
const params = new URLSearchParams(window.location.search);
const workbook = createSampleWorkbook();
// The workbook behind the grid, for browser tests and the console (e.g. typing into cells the pane writes to).
(window as { workbench?: MemoryWorkbook }).workbench = workbook;
const i18n = createI18n(pickUiLanguage(params.get("lang") ?? navigator.language));
const root = document.getElementById("workbench");
if (root) {
  createRoot(root).render(
    <>
      <section className="workbench-sheet" aria-label="Workbook">
        <Grid workbook={workbook} />
      </section>
      {/* Not a landmark: in Office the pane is a page of its own, whose <main> is top-level. */}
      <div className="workbench-pane">
        <App workbook={workbook} i18n={i18n} dark={params.get("theme") === "dark"} />
      </div>
    </>
  );
}
