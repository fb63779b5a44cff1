import type { CellValue } from "../../src/core/cells";
import { OfficeMockObject } from "office-addin-mock";
import { rowBytes } from "../../src/excel/blocks";
import { excelTyped } from "../../src/workbench/memoryWorkbook";

type Rows = CellValue[][];
type LoadArgument = Parameters<OfficeMockObject["load"]>[0];

/** Office fills isNullObject on any load; the mock only returns what was named, so name it too. */
function withNullFlag<T extends OfficeMockObject>(mock: T): T {
  const load = mock.load.bind(mock);
  mock.load = (properties: LoadArgument) => {
    load(properties);
    return load("isNullObject");
  };
  return mock;
}

/**
 * A thin fake of the Excel object model on top of office-addin-mock: ranges are mock objects (so reading a
 * value before load + sync fails, as in Office), and the context counts syncs and the bytes each one carries.
 */
export class FakeExcel {
  syncs = 0;
  /** Bytes moved by each sync: values written (request) plus values loaded (response). */
  bytesPerSync: number[] = [];
  formattingCalls = 0;
  /** Addresses handed to getRanges, to check RangeAreas stay short. */
  areaAddresses: string[] = [];
  /** Conditional-format formulas set, in order. */
  get formulas(): string[] {
    return this.rules.map((rule) => rule.rule.formula);
  }
  private rules: { rule: { formula: string } }[] = [];
  /** Colour scales added (conditionalFormats.add("ColorScale")), with the criteria set on them. */
  colorScales: { criteria?: unknown }[] = [];
  settings = new Map<string, string>();
  /** RangeAreas.address of the merged cells any range reports, or null for none. */
  mergedAddress: string | null = null;
  /** Rows hidden in any range asked about. */
  hiddenRows = 0;
  /** Formulas by "row,column" of the main sheet, as Range.formulas shows them ("=…"); tests seed them. */
  cellFormulas = new Map<string, string>();
  /** Dynamic-array anchors ("row,column") of the main sheet and the block they spill into. */
  spills = new Map<string, { rowCount: number; columnCount: number }>();
  /** What was sent to the main sheet's Range.values, as typed input. */
  get typed(): ReadonlyMap<string, string | number | boolean> {
    return this.main.typed;
  }
  /** Number formats set on the main sheet, in order. */
  get numberFormats(): readonly (Box & { format: string })[] {
    return this.main.numberFormats;
  }
  /** Sheets besides the main one (worksheets.add), with their cells and visibility. */
  otherSheets = new Map<string, FakeSheet>();
  /** Sheets deleted, in order. */
  deletedSheets: string[] = [];
  /** Charts added, with what they were given. */
  charts: FakeChart[] = [];
  /** The block each range proxy stands for, so a chart's source can be read without a load. */
  private readonly boxes = new WeakMap<object, Box>();
  private readonly main: FakeSheet;
  private pending: {
    mock: OfficeMockObject & Record<string, unknown>;
    row: number;
    column: number;
    reads: boolean;
    readsFormulas?: boolean;
    sheet?: FakeSheet;
  }[] = [];

  constructor(
    readonly sheetName: string,
    private readonly cell: (row: number, column: number) => CellValue,
    readonly written: Map<string, CellValue> = new Map(),
    private readonly selection = { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    private readonly used = { row: 0, column: 0, rowCount: 1, columnCount: 1 }
  ) {
    this.main = {
      written,
      typed: new Map(),
      cell,
      formulas: this.cellFormulas,
      visibility: "Visible",
      numberFormats: [],
    };
  }

  private range(
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    sheet: FakeSheet = this.main
  ) {
    const fake = this;
    const mock = new OfficeMockObject({
      values: [],
      formulas: [],
      numberFormat: [],
      rowIndex: row,
      columnIndex: column,
      rowCount,
      columnCount,
      isNullObject: rowCount === 0 || columnCount === 0,
      conditionalFormats: {
        clearAll() {
          fake.formattingCalls++;
        },
        add(type: string) {
          fake.formattingCalls++;
          if (type === "ColorScale") {
            const colorScale = {};
            fake.colorScales.push(colorScale);
            return { colorScale };
          }
          const custom = {
            rule: { formula: "" },
            format: { fill: { color: "" }, font: { color: "" } },
          };
          fake.rules.push(custom);
          return { custom };
        },
      },
      clear() {
        fake.formattingCalls++;
      },
      getMergedAreasOrNullObject: () =>
        fake.resolved({
          address: fake.mergedAddress ?? "",
          isNullObject: fake.mergedAddress === null,
        }),
      getColumn: () => ({
        getSpecialCellsOrNullObject: () =>
          fake.resolved({
            cellCount: rowCount - fake.hiddenRows,
            isNullObject: rowCount === fake.hiddenRows,
          }),
      }),
      getSpillingToRangeOrNullObject: () => {
        const spill = sheet.formulas.has(`${row},${column}`)
          ? fake.spills.get(`${row},${column}`)
          : undefined;
        return fake.range(row, column, spill?.rowCount ?? 0, spill?.columnCount ?? 0, sheet);
      },
      getUsedRangeOrNullObject: () => {
        const top = Math.max(row, fake.used.row);
        const left = Math.max(column, fake.used.column);
        const bottom = Math.min(row + rowCount, fake.used.row + fake.used.rowCount);
        const right = Math.min(column + columnCount, fake.used.column + fake.used.columnCount);
        return fake.range(top, left, Math.max(0, bottom - top), Math.max(0, right - left));
      },
    }) as OfficeMockObject & Record<string, unknown>;
    const entry = { mock, row, column, reads: false, readsFormulas: false, sheet };
    // Values are materialised only when loaded, so a million-row write does not build a million-row read.
    const load = withNullFlag(mock).load.bind(mock);
    mock.load = (properties: LoadArgument) => {
      const setValue = (name: string, value: unknown) =>
        (mock as unknown as { setValue(name: string, value: unknown): void }).setValue(name, value);
      if (properties === "values" || (Array.isArray(properties) && properties.includes("values"))) {
        entry.reads = true;
        setValue("values", fake.cells(row, column, rowCount, columnCount, sheet));
      }
      if (properties === "formulas") {
        entry.readsFormulas = true;
        // Range.formulas: the formula where a cell has one, else its constant.
        setValue(
          "formulas",
          fake
            .cells(row, column, rowCount, columnCount, sheet)
            .map((line, r) =>
              line.map((value, c) => sheet.formulas.get(`${row + r},${column + c}`) ?? value)
            )
        );
      }
      return load(properties);
    };
    this.boxes.set(mock, { row, column, rowCount, columnCount });
    this.pending.push(entry);
    return mock;
  }

  /** A loadable mock with fixed properties, resolved at the next sync like any Office proxy. */
  private resolved(properties: Record<string, unknown>) {
    const mock = withNullFlag(new OfficeMockObject(properties));
    this.pending.push({
      mock: mock as OfficeMockObject & Record<string, unknown>,
      row: 0,
      column: 0,
      reads: false,
    });
    return mock;
  }

  private cells(
    row: number,
    column: number,
    rowCount: number,
    columnCount: number,
    sheet: FakeSheet = this.main
  ): Rows {
    const values: Rows = [];
    for (let r = 0; r < rowCount; r++) {
      const line: CellValue[] = new Array(columnCount);
      for (let c = 0; c < columnCount; c++)
        line[c] =
          sheet.written.get(`${row + r},${column + c}`) ?? sheet.cell(row + r, column + c) ?? "";
      values.push(line);
    }
    return values;
  }

  private worksheet(name = this.sheetName) {
    const fake = this;
    const sheet = this.otherSheets.get(name) ?? this.main;
    return {
      name,
      isNullObject: false,
      load() {},
      get visibility() {
        return sheet.visibility;
      },
      set visibility(visibility: string) {
        sheet.visibility = visibility;
      },
      delete: () => {
        fake.otherSheets.delete(name);
        fake.deletedSheets.push(name);
      },
      getCell: (row: number, column: number) => fake.range(row, column, 1, 1, sheet),
      getUsedRangeOrNullObject: () => {
        const box = sheet === fake.main ? fake.used : usedBox(sheet.written);
        return fake.range(box.row, box.column, box.rowCount, box.columnCount, sheet);
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) => {
          const chart: FakeChart = {
            sheet: name,
            type,
            seriesBy,
            source: fake.boxes.get(source) as Box,
            name: "",
            title: { text: "" },
            legend: { visible: true },
            position: null,
            setPosition(start: object, end: object) {
              chart.position = {
                start: fake.boxes.get(start) as Box,
                end: fake.boxes.get(end) as Box,
              };
            },
          };
          fake.charts.push(chart);
          return chart;
        },
        getItemOrNullObject: (chartName: string) => {
          const found = fake.charts.find((c) => c.sheet === name && c.name === chartName);
          return {
            isNullObject: !found,
            load() {},
            delete: () => {
              fake.charts = fake.charts.filter((c) => c !== found);
            },
          };
        },
      },
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        fake.range(row, column, rowCount, columnCount, sheet),
      /** RangeAreas: the fake only needs what formatting and clearing use. */
      getRanges: (address: string) => {
        fake.areaAddresses.push(address);
        return fake.range(0, 0, 1, 1);
      },
      getUsedRange: () =>
        fake.range(fake.used.row, fake.used.column, fake.used.rowCount, fake.used.columnCount),
    };
  }

  /** An Excel.run stand-in bound to this fake. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const fake = this;
    const worksheet = this.worksheet();
    const context = {
      workbook: {
        worksheets: {
          getItem: (name: string) =>
            fake.otherSheets.has(name) ? fake.worksheet(name) : worksheet,
          getActiveWorksheet: () => worksheet,
          getItemOrNullObject: (name: string) =>
            name === fake.sheetName || fake.otherSheets.has(name)
              ? fake.worksheet(name)
              : { isNullObject: true, load() {} },
          add: (name: string) => {
            fake.otherSheets.set(name, {
              written: new Map(),
              typed: new Map(),
              cell: () => null,
              formulas: new Map(),
              visibility: "Visible",
              numberFormats: [],
            });
            return fake.worksheet(name);
          },
          load() {},
          get items() {
            return [fake.sheetName, ...fake.otherSheets.keys()].map((name) => fake.worksheet(name));
          },
        },
        getSelectedRange: () => ({
          getIntersectionOrNullObject: () => {
            const { row, column, rowCount, columnCount } = fake.selection;
            const top = Math.max(row, fake.used.row);
            const left = Math.max(column, fake.used.column);
            const bottom = Math.min(row + rowCount, fake.used.row + fake.used.rowCount);
            const right = Math.min(column + columnCount, fake.used.column + fake.used.columnCount);
            return fake.range(top, left, Math.max(0, bottom - top), Math.max(0, right - left));
          },
        }),
        settings: {
          add: (key: string, value: string) => fake.settings.set(key, value),
          getItemOrNullObject: (key: string) => {
            const item = withNullFlag(
              new OfficeMockObject({
                value: fake.settings.get(key) ?? "",
                isNullObject: !fake.settings.has(key),
                delete: () => fake.settings.delete(key),
              })
            );
            fake.pending.push({
              mock: item as OfficeMockObject & Record<string, unknown>,
              row: 0,
              column: 0,
              reads: false,
            });
            return item;
          },
        },
      },
      sync: async () => fake.sync(),
    };
    return batch(context as unknown as Excel.RequestContext);
  };

  private async sync(): Promise<void> {
    this.syncs++;
    let bytes = 0;
    for (const { mock, row, column, reads, readsFormulas, sheet = this.main } of this.pending) {
      const assigned = mock.values as unknown;
      if (!reads && Array.isArray(assigned) && assigned.length > 0) {
        // A write: the assigned block is the request payload; a value replaces a formula, as in Excel.
        // Excel reads Range.values as typed input: the quote prefix makes text (and is not kept), "=…" a formula.
        (assigned as Rows).forEach((line, r) => {
          bytes += rowBytes(line) + 1;
          line.forEach((value, c) => {
            const key = `${row + r},${column + c}`;
            const typed = excelTyped(value as string | number | boolean);
            sheet.typed.set(key, value as string | number | boolean);
            sheet.written.set(key, typed.value ?? "");
            if (typed.formula === undefined) sheet.formulas.delete(key);
            else sheet.formulas.set(key, typed.formula);
          });
        });
      }
      const formulas = mock.formulas as unknown;
      if (!readsFormulas && Array.isArray(formulas) && formulas.length > 0) {
        // Range.formulas: "=…" a formula (its result is left as it was: the fake does not calculate), null skips.
        (formulas as Rows).forEach((line, r) => {
          bytes += rowBytes(line) + 1;
          line.forEach((entry, c) => {
            const key = `${row + r},${column + c}`;
            if (entry === null) return;
            if (typeof entry === "string" && entry.startsWith("=")) sheet.formulas.set(key, entry);
            else {
              sheet.formulas.delete(key);
              sheet.written.set(key, entry);
            }
          });
        });
      }
      const format = mock.numberFormat as unknown;
      if (Array.isArray(format) && format.length > 0) {
        const { rowCount, columnCount } = this.boxes.get(mock) as Box;
        const code = String((format as unknown[][])[0][0]);
        bytes += code.length + 6;
        sheet.numberFormats.push({ row, column, rowCount, columnCount, format: code });
      }
      await mock.sync();
      if (reads) bytes += (mock.values as Rows).reduce((sum, line) => sum + rowBytes(line) + 1, 0);
      if (readsFormulas)
        bytes += (mock.formulas as Rows).reduce((sum, line) => sum + rowBytes(line) + 1, 0);
    }
    this.pending = [];
    this.bytesPerSync.push(bytes);
  }
}

interface Box {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** One sheet's cells: values written, the starting content, formulas and visibility ("Visible", "VeryHidden"…). */
interface FakeSheet {
  written: Map<string, CellValue>;
  /** What was sent to Range.values, as typed input (text with its quote prefix). */
  typed: Map<string, string | number | boolean>;
  cell: (row: number, column: number) => CellValue;
  formulas: Map<string, string>;
  visibility: string;
  /** Number formats set, in order, each over the block of its range. */
  numberFormats: (Box & { format: string })[];
}

export interface FakeChart {
  sheet: string;
  type: string;
  seriesBy: string;
  source: Box;
  name: string;
  title: { text: string };
  legend: { visible: boolean };
  position: { start: Box; end: Box } | null;
  setPosition(start: object, end: object): void;
}

/** The block from A1 holding every non-empty written cell (an added sheet starts empty). */
function usedBox(written: Map<string, CellValue>): Box {
  let rowCount = 0;
  let columnCount = 0;
  for (const [key, value] of written) {
    if (value === null || value === "") continue;
    const [row, column] = key.split(",").map(Number);
    rowCount = Math.max(rowCount, row + 1);
    columnCount = Math.max(columnCount, column + 1);
  }
  return { row: 0, column: 0, rowCount, columnCount };
}
