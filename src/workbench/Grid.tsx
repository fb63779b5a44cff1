import { type CellValue, sheetValue } from "../core/cells";
import { useEffect, useReducer, useRef, useState } from "react";
import { columnLetters, rangeAddress } from "../core/workbook/a1";
import { DATE_FORMAT, SheetRange } from "../core/workbook/workbookPort";
import { MemoryWorkbook } from "./memoryWorkbook";

const ROW_HEIGHT = 22;
const COLUMN_WIDTH = 112;
const HEADER_WIDTH = 52;
const SPARE_ROWS = 30;
const SPARE_COLUMNS = 4;
const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * A cell as Excel would show it under its number format, for the formats the add-in writes: dates ("yyyy-mm-dd"),
 * fixed decimals ("0.000"), thousands separators ("#,##0.00"). General shows up to four decimals.
 */
function formatCell(cell: CellValue, format: string | null): string {
  const value = sheetValue(cell);
  if (value === null) return "";
  if (typeof value === "number") {
    if (format === DATE_FORMAT)
      return new Date(excelEpoch + value * 86_400_000).toISOString().slice(0, 10);
    const decimals = /^[#,0]*0(?:\.(0+))?$/.exec(format ?? "");
    if (decimals)
      return value.toLocaleString("en-US", {
        minimumFractionDigits: decimals[1]?.length ?? 0,
        maximumFractionDigits: decimals[1]?.length ?? 0,
        useGrouping: format?.includes(",") ?? false,
      });
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  }
  return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value;
}

interface Point {
  row: number;
  column: number;
}

function boxOf(sheet: string, a: Point, b: Point): SheetRange {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    sheet,
    row,
    column,
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
}

/**
 * A spreadsheet-like view of the in-memory workbook: sheet tabs, values and conditional fills as Excel would
 * show them, and mouse selection (drag, shift-click, column and row headers) fed back to the workbook.
 */
export function Grid({ workbook }: { workbook: MemoryWorkbook }) {
  const [sheet, setSheet] = useState(workbook.sheetNames()[0]);
  const [selection, setSelection] = useState<SheetRange>({
    sheet,
    row: 0,
    column: 0,
    rowCount: 1,
    columnCount: 1,
  });
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const anchor = useRef<Point | null>(null);
  const dragging = useRef(false);
  const viewport = useRef<HTMLDivElement>(null);

  useEffect(() => workbook.subscribe(redraw), [workbook]);
  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const used = workbook.usedSize(sheet);
  const rowCount = used.rowCount + SPARE_ROWS;
  const columnCount = used.columnCount + SPARE_COLUMNS;
  const firstRow = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 5);
  const lastRow = Math.min(rowCount, firstRow + Math.ceil(viewportHeight / ROW_HEIGHT) + 10);

  const select = (range: SheetRange) => {
    setSelection(range);
    workbook.select(range);
  };
  const pointerDown = (point: Point, shift: boolean) => {
    if (!shift || !anchor.current) anchor.current = point;
    dragging.current = true;
    select(boxOf(sheet, anchor.current, point));
  };
  const pointerEnter = (point: Point) => {
    if (dragging.current && anchor.current) select(boxOf(sheet, anchor.current, point));
  };
  const switchSheet = (name: string) => {
    setSheet(name);
    anchor.current = null;
    select({ sheet: name, row: 0, column: 0, rowCount: 1, columnCount: 1 });
  };
  const isSelected = (row: number, column: number) =>
    selection.sheet === sheet &&
    row >= selection.row &&
    row < selection.row + selection.rowCount &&
    column >= selection.column &&
    column < selection.column + selection.columnCount;

  const columns = Array.from({ length: columnCount }, (_, c) => c);
  return (
    <div className="grid">
      <div className="grid-namebox" aria-live="polite" data-testid="grid-selection">
        {sheet}!{rangeAddress(selection)}
      </div>
      <div
        className="grid-viewport"
        ref={viewport}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div
          role="grid"
          aria-label={`Sheet ${sheet}`}
          aria-rowcount={rowCount + 1}
          aria-colcount={columnCount + 1}
          style={{
            height: (rowCount + 1) * ROW_HEIGHT,
            width: HEADER_WIDTH + columnCount * COLUMN_WIDTH,
            position: "relative",
          }}
        >
          <div role="row" className="grid-row grid-header" style={{ top: 0 }} aria-rowindex={1}>
            <div
              role="columnheader"
              className="grid-corner"
              style={{ width: HEADER_WIDTH }}
              onMouseDown={() =>
                select({ sheet, row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 })
              }
            >
              ◢
            </div>
            {columns.map((c) => (
              <div
                role="columnheader"
                key={c}
                className="grid-column-header"
                style={{ width: COLUMN_WIDTH }}
                onMouseDown={() =>
                  select({ sheet, row: 0, column: c, rowCount: 1_048_576, columnCount: 1 })
                }
              >
                {columnLetters(c)}
              </div>
            ))}
          </div>
          {Array.from({ length: lastRow - firstRow }, (_, i) => firstRow + i).map((r) => (
            <div
              role="row"
              key={r}
              className="grid-row"
              style={{ top: (r + 1) * ROW_HEIGHT }}
              aria-rowindex={r + 2}
            >
              <div
                role="rowheader"
                className="grid-row-header"
                style={{ width: HEADER_WIDTH }}
                onMouseDown={() =>
                  select({ sheet, row: r, column: 0, rowCount: 1, columnCount: 16_384 })
                }
              >
                {r + 1}
              </div>
              {columns.map((c) => {
                const value = workbook.cell(sheet, r, c);
                const fill = workbook.fillAt(sheet, r, c);
                return (
                  <div
                    role="gridcell"
                    key={c}
                    data-cell={`${columnLetters(c)}${r + 1}`}
                    data-fill={fill?.fill}
                    aria-selected={isSelected(r, c)}
                    className={`grid-cell${isSelected(r, c) ? " selected" : ""}${typeof value === "number" ? " number" : ""}`}
                    style={{ width: COLUMN_WIDTH, background: fill?.fill, color: fill?.fontColor }}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      pointerDown({ row: r, column: c }, e.shiftKey);
                    }}
                    onMouseEnter={() => pointerEnter({ row: r, column: c })}
                  >
                    {formatCell(value, workbook.numberFormatAt(sheet, r, c))}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <div className="grid-tabs" role="tablist" aria-label="Sheets">
        {workbook.sheetNames().map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheet}
            className="grid-tab"
            onClick={() => switchSheet(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
