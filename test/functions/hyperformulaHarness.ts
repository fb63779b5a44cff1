/**
 * Runs our custom functions inside a real formula engine, HyperFormula, the way Excel runs them: the metadata is
 * generated from src/functions/functions.ts by custom-functions-metadata (exactly what webpack ships as
 * functions.json), every function in it is registered as CVA.<ID> with the exported implementation, and tests
 * type formulas into cells. Arguments are converted to what Excel hands a custom function (matrix parameters as
 * rows × columns, omitted optionals as null, error cells as objects with an Excel error code) and results back
 * (Excel errors → HyperFormula CellErrors, 2D results → spilled arrays).
 *
 * HyperFormula accepts dots in function names (its lexer allows letters, digits, "_" and "." after the first
 * letter), so "CVA.CLV" is registered as is: the manifest's namespace "CVA" plus the metadata id.
 *
 * HyperFormula must know a spilled result's size before evaluating (it reserves the cells when the formula is
 * parsed); SPILL_SHAPES says how each function's spill follows its arguments. Over-estimating is harmless (results are
 * padded with empty cells to the reserved size), under-estimating fails the test loudly.
 */
import functionSources from "../../src/functions/functionSources.json";
import { readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata, parseTree } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  FunctionPluginDefinition,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import { isCvaError } from "../../src/core/errors";
import * as functions from "../../src/functions/functions";

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMetadataJson {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}

export interface GeneratedMetadata {
  functions: FunctionMetadataJson[];
  /** Function id → name of the exported implementation. */
  implementationOf: Map<string, string>;
  json: string;
}

export const NAMESPACE = "CVA";
/** The files declaring custom functions, as webpack's metadata plugin reads them. */
export const FUNCTION_SOURCES: readonly string[] = functionSources;

/** Generates functions.json from the sources, as the webpack plugin does; metadata errors fail the caller. */
export async function generateMetadata(
  sources: readonly string[] = FUNCTION_SOURCES
): Promise<GeneratedMetadata> {
  const generated = await generateCustomFunctionsMetadata([...sources], false);
  if (generated.errors.length > 0)
    throw new Error(`custom-functions-metadata reported:\n${generated.errors.join("\n")}`);
  const { functions } = JSON.parse(generated.metadataJson) as { functions: FunctionMetadataJson[] };
  const implementationOf = new Map(
    generated.associate.map((a: { id: string; functionName: string }) => [a.id, a.functionName])
  );
  return { functions, implementationOf, json: generated.metadataJson };
}

/**
 * The functions and their implementations' names, parsed synchronously from the same sources (custom-functions-metadata's
 * parseTree, which generateMetadata runs too), for tests that declare one case per function.
 */
export function functionMetadata(sources: readonly string[] = FUNCTION_SOURCES): {
  functions: FunctionMetadataJson[];
  implementationOf: Map<string, string>;
} {
  const parsed = sources.map((file) => parseTree(readFileSync(file, "utf8"), file));
  const errors = parsed.flatMap((p) => p.extras.flatMap((extra) => extra.errors));
  if (errors.length > 0)
    throw new Error(`custom-functions-metadata reported:\n${errors.join("\n")}`);
  return {
    functions: parsed.flatMap((p) => p.functions) as unknown as FunctionMetadataJson[],
    implementationOf: new Map(
      parsed.flatMap((p) => p.associate.map((a) => [a.id, a.functionName] as const))
    ),
  };
}

/** The AST pieces the size rules look at (HyperFormula's own AST types are not importable under our resolution). */
export interface ArgumentAst {
  type: string;
  value?: unknown;
}

export interface SpillSize {
  width: number;
  height: number;
}

/** Predicts a spill from the argument sizes and ASTs. */
export type SpillShape = (sizes: readonly SpillSize[], args: readonly ArgumentAst[]) => SpillSize;

/** Broadcasting functions: as many rows as the tallest argument, one column. */
export const tallestArgument: SpillShape = (sizes) => ({
  width: 1,
  height: Math.max(1, ...sizes.map((s) => s.height)),
});
/** Population functions: one result per row of the first argument. */
export const rowsOfFirstArgument: SpillShape = (sizes) => ({
  width: 1,
  height: sizes[0]?.height ?? 1,
});

/** Per-customer predictions: as many rows as the tallest of the first `count` arguments (the parameter row is not). */
const tallestOfFirst =
  (count: number): SpillShape =>
  (sizes) =>
    tallestArgument(sizes.slice(0, count), []);
/**
 * A model fit: one row, the model name and its parameters; with its details argument (at `detailsAt`) TRUE or a
 * non-zero number, the 8-wide details block of 3 + k rows for k parameters.
 */
const fitSpill =
  (width: number, detailsAt: number, parameters: number): SpillShape =>
  (_, args) => {
    const details = args[detailsAt];
    const on =
      details !== undefined &&
      ((details.type === "NUMBER" && details.value !== 0) ||
        (details.type === "FUNCTION_CALL" &&
          String((details as { procedureName?: string }).procedureName).toUpperCase() === "TRUE"));
    return on ? { width: 8, height: 3 + parameters } : { width, height: 1 };
  };
/** PALIVEMATRIX and PURCHASESMATRIX: sized from their maxFrequency and maxRecency when typed as numbers. */
const gridSpill =
  (tAt: number): SpillShape =>
  (_, args) => {
    const numberAt = (i: number, fallback: number) =>
      args[i]?.type === "NUMBER" ? Number(args[i].value) : fallback;
    const T = numberAt(tAt, 100);
    return {
      height: numberAt(tAt + 1, 20) + 2,
      width: numberAt(tAt + 2, Math.floor(T)) + 2,
    };
  };

/**
 * A cohort table: a header and a row per cohort, a column per period. Both are bounded by the periods the dates span,
 * which only evaluation knows; 240 (20 years of months) is reserved, never more than there are transactions.
 */
const cohortTable: SpillShape = (sizes) => {
  const periods = Math.min(sizes[0].height, 240);
  return { width: periods + 1, height: periods + 1 };
};

/** Per function id; functions not listed broadcast (tallestArgument). Add an entry when a function spills otherwise. */
export const SPILL_SHAPES: Record<string, SpillShape> = {
  RFMSCORE: (sizes, args) => {
    const format = args[4];
    const narrow =
      format === undefined ||
      format.type === "EMPTY" ||
      (format.type === "STRING" && /^\s*(code|sum)\s*$/i.test(String(format.value)));
    return { width: narrow ? 1 : 3, height: sizes[0].height };
  },
  RFMSEGMENT: rowsOfFirstArgument,
  TIER: rowsOfFirstArgument,
  SCORE: rowsOfFirstArgument,
  // A header row, then at most one row per transaction (the customers are not known before evaluating).
  RFMSUMMARY: (sizes) => ({ width: 9, height: sizes[0].height + 1 }),
  BGNBD: fitSpill(5, 4, 4),
  PARETONBD: fitSpill(5, 4, 4),
  MBGNBD: fitSpill(5, 4, 4),
  GAMMAGAMMA: fitSpill(4, 3, 3),
  PNPURCHASES: tallestOfFirst(2),
  PNOPURCHASE: tallestOfFirst(4),
  // A header row and column around the grid: maxFrequency (default 20) + 2 rows, maxRecency (default ⌊T⌋) + 2 columns.
  PALIVEMATRIX: gridSpill(1),
  PURCHASESMATRIX: gridSpill(2),
  CLVINTERVAL: (sizes) => ({ width: 3, height: tallestArgument(sizes.slice(0, 4), []).height }),
  PURCHASESINTERVAL: (sizes) => ({
    width: 3,
    height: tallestArgument(sizes.slice(0, 4), []).height,
  }),
  CALHOLDOUT: (sizes) => ({ width: 8, height: sizes[0].height + 1 }),
  PALIVE: tallestOfFirst(3),
  EXPECTEDPURCHASES: tallestOfFirst(4),
  EXPECTEDSPEND: tallestOfFirst(2),
  PREDICTEDCLV: tallestOfFirst(4),
  SBG: () => ({ width: 5, height: 1 }),
  BGBB: fitSpill(5, 4, 4),
  COHORTS: cohortTable,
  COHORTRETENTION: cohortTable,
};

const excelErrorText: Record<string, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
};

const hyperFormulaErrorType: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

/** A cell as Excel hands it to a custom function. */
function toExcelInput(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (value instanceof CellError)
    return { code: excelErrorText[value.type] ?? `#${value.type}!`, message: value.message };
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val; // dates, percents…
  return value;
}

function toExcelArgument(value: unknown, parameter: ParameterMetadata | undefined): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcelInput));
  const cell = toExcelInput(value);
  return parameter?.dimensionality === "matrix" ? [[cell]] : cell;
}

/** An Excel result cell as HyperFormula's value: Excel errors (or our CvaError outside Office) become CellErrors. */
function toHyperFormulaValue(value: unknown): unknown {
  if (isCvaError(value)) return new CellError(hyperFormulaErrorType[value.code], value.message);
  if (typeof value === "object" && value !== null && "code" in value) {
    const { code, message } = value as { code: string; message?: string };
    return new CellError(hyperFormulaErrorType[code] ?? ErrorType.VALUE, message);
  }
  return value;
}

/**
 * A spilled result fills the range reserved for it; where it is smaller (an error instead of a parameter row, fewer
 * customers than transactions) the rest stays empty, as in Excel, so formulas reading the whole range still work.
 */
function toHyperFormulaResult(result: unknown, reserved?: SpillSize): unknown {
  if (result instanceof Promise)
    throw new Error("The harness runs synchronous custom functions only.");
  if (!Array.isArray(result)) return toHyperFormulaValue(result);
  const width = Math.max(reserved?.width ?? 0, ...result.map((row: unknown[]) => row.length));
  const rows = result.map((row: unknown[]) => {
    const values = row.map(toHyperFormulaValue);
    while (values.length < width) values.push(EmptyValue);
    return values;
  });
  while (rows.length < (reserved?.height ?? 0)) rows.push(new Array(width).fill(EmptyValue));
  return SimpleRangeValue.onlyValues(rows as never);
}

/**
 * Registers every function of the metadata as a HyperFormula plugin function NAMESPACE.<ID>. Returns the plugin so
 * a test can unregister it. Implementations are looked up by their exported name.
 */
export function registerCustomFunctions(
  metadata: GeneratedMetadata,
  implementations: Record<string, unknown>,
  spillShapes = SPILL_SHAPES
): FunctionPluginDefinition {
  const implementedFunctions: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  class CustomFunctionsPlugin extends FunctionPlugin {}
  const prototype = CustomFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of metadata.functions) {
    const exported = metadata.implementationOf.get(fn.id);
    const implementation = exported === undefined ? undefined : implementations[exported];
    if (typeof implementation !== "function")
      throw new Error(`No exported implementation for ${fn.id} (${exported}).`);
    const formulaId = `${NAMESPACE}.${fn.id}`;
    const method = `custom_${fn.id}`;
    const sizeMethod = `${method}_size`;
    const spills = fn.result.dimensionality === "matrix";
    implementedFunctions[formulaId] = {
      method,
      ...(spills ? { sizeOfResultArrayMethod: sizeMethod } : {}),
      vectorizationForbidden: true,
      // ANY hands ranges over whole and scalars as they are; a scalar error argument short-circuits, as in Excel.
      parameters: fn.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
    };
    translations[formulaId] = formulaId;
    const shape = spillShapes[fn.id] ?? tallestArgument;
    const reservedSize = (plugin: PluginInternals, ast: { args: ArgumentAst[] }, state: unknown) =>
      shape(
        ast.args.map((arg) =>
          arg.type === "EMPTY" ? { width: 1, height: 1 } : plugin.arraySizeForAst(arg, state)
        ),
        ast.args
      );
    prototype[method] = function (
      this: PluginInternals,
      ast: { args: ArgumentAst[] },
      state: unknown
    ) {
      const reserved = spills ? reservedSize(this, ast, state) : undefined;
      return this.runFunction(ast.args, state, this.metadata(formulaId), (...args: unknown[]) => {
        const excelArgs = fn.parameters.map((p, k) => toExcelArgument(args[k], p));
        return toHyperFormulaResult(
          (implementation as (...a: unknown[]) => unknown)(...excelArgs),
          reserved
        );
      });
    };
    if (spills) {
      prototype[sizeMethod] = function (
        this: PluginInternals,
        ast: { args: ArgumentAst[] },
        state: unknown
      ) {
        const size = reservedSize(this, ast, state);
        return new ArraySize(size.width, size.height);
      };
    }
  }
  (
    CustomFunctionsPlugin as unknown as { implementedFunctions: ImplementedFunctions }
  ).implementedFunctions = implementedFunctions;
  const plugin = CustomFunctionsPlugin as unknown as FunctionPluginDefinition;
  HyperFormula.registerFunctionPlugin(plugin, { enGB: translations });
  return plugin;
}

/** The protected FunctionPlugin members our generated methods call. */
interface PluginInternals {
  runFunction(
    args: ArgumentAst[],
    state: unknown,
    metadata: unknown,
    fn: (...args: unknown[]) => unknown
  ): unknown;
  metadata(formulaId: string): unknown;
  arraySizeForAst(ast: ArgumentAst, state: unknown): SpillSize;
}

/** Excel's sheet height (HyperFormula's default limit is 40,000 rows). */
const EXCEL_MAX_ROWS = 1_048_576;

/**
 * A workbook of one sheet built from rows (formulas as "=…" strings), with the licence key for tests. Results keep
 * 15 significant digits, as Excel does (HyperFormula rounds to 10 by default).
 */
export function buildSheet(rows: unknown[][]): HyperFormula {
  return HyperFormula.buildFromArray(rows as never, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    precisionRounding: 15,
    maxRows: EXCEL_MAX_ROWS,
  });
}

/**
 * Registers the add-in's custom functions in HyperFormula for the tests of the file (or describe block) that calls
 * it, and unregisters them after.
 */
export function withCustomFunctions(): void {
  let plugin: FunctionPluginDefinition;
  beforeAll(async () => {
    plugin = registerCustomFunctions(await generateMetadata(), functions);
  });
  afterAll(() => HyperFormula.unregisterFunctionPlugin(plugin));
}

/** The value of a cell of the first sheet, by its A1 address. */
export const cellAt = (hf: HyperFormula, a1: string) =>
  hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

/** The values of a range of the first sheet, e.g. "G1:K1", as rows. */
export const valuesOf = (hf: HyperFormula, range: string) => {
  const [from, to] = range.split(":").map((a1) => hf.simpleCellAddressFromString(a1, 0)!);
  return hf.getRangeValues({ start: from, end: to });
};

/** A cell's Excel error code ("#VALUE!"), or the value itself when it is no error. */
export const errorOf = (value: unknown) =>
  value instanceof DetailedCellError ? value.value : value;

/** The message of a cell's error. */
export const messageOf = (value: unknown) => (value as DetailedCellError).message;
