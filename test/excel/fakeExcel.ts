import { OfficeMockObject } from "office-addin-mock";
import { rowBytes } from "../../src/excel/blocks";
import { CellScalar } from "../../src/excel/workbookPort";

type Rows = CellScalar[][];
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
  settings = new Map<string, string>();
  private pending: {
    mock: OfficeMockObject & Record<string, unknown>;
    row: number;
    column: number;
    reads: boolean;
  }[] = [];

  constructor(
    readonly sheetName: string,
    private readonly cell: (row: number, column: number) => CellScalar,
    readonly written: Map<string, CellScalar> = new Map(),
    private readonly selection = { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    private readonly used = { row: 0, column: 0, rowCount: 1, columnCount: 1 }
  ) {}

  private range(row: number, column: number, rowCount: number, columnCount: number) {
    const fake = this;
    const mock = new OfficeMockObject({
      values: [],
      rowIndex: row,
      columnIndex: column,
      rowCount,
      columnCount,
      isNullObject: rowCount === 0 || columnCount === 0,
      conditionalFormats: {
        clearAll() {
          fake.formattingCalls++;
        },
        add() {
          fake.formattingCalls++;
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
      getUsedRangeOrNullObject: () => {
        const top = Math.max(row, fake.used.row);
        const left = Math.max(column, fake.used.column);
        const bottom = Math.min(row + rowCount, fake.used.row + fake.used.rowCount);
        const right = Math.min(column + columnCount, fake.used.column + fake.used.columnCount);
        return fake.range(top, left, Math.max(0, bottom - top), Math.max(0, right - left));
      },
    }) as OfficeMockObject & Record<string, unknown>;
    const entry = { mock, row, column, reads: false };
    // Values are materialised only when loaded, so a million-row write does not build a million-row read.
    const load = withNullFlag(mock).load.bind(mock);
    mock.load = (properties: LoadArgument) => {
      if (properties === "values" || (Array.isArray(properties) && properties.includes("values"))) {
        entry.reads = true;
        (mock as unknown as { setValue(name: string, value: unknown): void }).setValue(
          "values",
          fake.cells(row, column, rowCount, columnCount)
        );
      }
      return load(properties);
    };
    this.pending.push(entry);
    return mock;
  }

  private cells(row: number, column: number, rowCount: number, columnCount: number): Rows {
    const values: Rows = [];
    for (let r = 0; r < rowCount; r++) {
      const line: CellScalar[] = new Array(columnCount);
      for (let c = 0; c < columnCount; c++)
        line[c] =
          this.written.get(`${row + r},${column + c}`) ?? this.cell(row + r, column + c) ?? "";
      values.push(line);
    }
    return values;
  }

  private worksheet() {
    const fake = this;
    return {
      name: this.sheetName,
      load() {},
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        fake.range(row, column, rowCount, columnCount),
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
        worksheets: { getItem: () => worksheet, getActiveWorksheet: () => worksheet },
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
    for (const { mock, row, column, reads } of this.pending) {
      const assigned = mock.values as unknown;
      if (!reads && Array.isArray(assigned) && assigned.length > 0) {
        // A write: the assigned block is the request payload.
        (assigned as Rows).forEach((line, r) => {
          bytes += rowBytes(line) + 1;
          line.forEach((value, c) => this.written.set(`${row + r},${column + c}`, value));
        });
      }
      await mock.sync();
      if (reads) bytes += (mock.values as Rows).reduce((sum, line) => sum + rowBytes(line) + 1, 0);
    }
    this.pending = [];
    this.bytesPerSync.push(bytes);
  }
}
