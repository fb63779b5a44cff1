import { useState } from "react";
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

/** Saves the workbook as an .xlsx file; exceljs is fetched on the first click (it is large). */
async function downloadXlsx(): Promise<void> {
  const { exportXlsx } = await import(/* webpackChunkName: "export-xlsx" */ "./exportXlsx");
  const bytes = await exportXlsx(workbook);
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    })
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = "customer-value-workbench.xlsx";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The page's own chrome (not part of the add-in): download the workbook, and close and reopen the pane over the
 * same workbook, as a colleague opening a saved file would (the page cannot keep its workbook across a reload).
 */
function Workbench() {
  const [opened, setOpened] = useState(0);
  return (
    <>
      <section className="workbench-sheet" aria-label="Workbook">
        <div className="workbench-toolbar">
          <button type="button" onClick={() => void downloadXlsx()}>
            Download .xlsx
          </button>
          <button type="button" onClick={() => setOpened((n) => n + 1)}>
            Reopen pane
          </button>
        </div>
        <Grid workbook={workbook} />
      </section>
      {/* Not a landmark: in Office the pane is a page of its own, whose <main> is top-level. */}
      <div className="workbench-pane">
        <App key={opened} workbook={workbook} i18n={i18n} dark={params.get("theme") === "dark"} />
      </div>
    </>
  );
}

const root = document.getElementById("workbench");
if (root) createRoot(root).render(<Workbench />);
