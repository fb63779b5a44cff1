import { type CellValue, isBlank, required, toNumber } from "../cells";
import { phrase } from "../messages/catalogue";
import { numError, valueError } from "../errors";
import {
  MODELS,
  type ModelParams,
  type RegisteredModel,
  modelNamed,
  orList,
  type RetentionModelParams,
  type SpendModelParams,
  TRANSACTION_MODELS,
  type TransactionModelParams,
} from "./registry";

/**
 * The one-row shape the spreadsheet functions return and take back: the model's id, then its parameters in the
 * module's order, padded with blanks to the widest model's row (so every fit spills the same width).
 */
export type ModelParamsRow = [string, ...(number | "")[]];

/** Cells of the widest parameter row: the name and four parameters. */
export const PARAMETER_ROW_WIDTH =
  1 + Math.max(...MODELS.map((model) => model.parameterNames.length));

/** @example formatModelParams({ model: "GG", p: 6.25, q: 3.74, v: 15.44 }) // ["GG", 6.25, 3.74, 15.44, ""] */
export function formatModelParams(params: ModelParams): ModelParamsRow {
  const model = modelNamed(params.model)!;
  const values = model.parameterNames.map((name) => (params as Record<string, number>)[name]);
  const padding = new Array<"">(PARAMETER_ROW_WIDTH - 1 - values.length).fill("");
  return [model.id, ...values, ...padding];
}

/**
 * Reads a parameter row back (as produced by formatModelParams, typically a 1×5 range the user points at).
 * Throws #VALUE! for an unknown name or non-numeric value, #NUM! for a parameter that is not > 0.
 */
export function parseModelParams(row: readonly CellValue[]): ModelParams {
  const name = row[0];
  const model = typeof name === "string" ? modelNamed(name) : undefined;
  if (!model) {
    throw valueError(
      `modelParams must start with a model name (${orList(MODELS.map((m) => m.id))}), got ${JSON.stringify(name ?? null)}.`
    );
  }
  const names = model.parameterNames;
  const params: Record<string, string | number> = { model: model.id };
  names.forEach((parameter, i) => {
    const value = required(
      toNumber(row[i + 1], phrase("term.modelParameter", { model: model.id, parameter }))
    );
    if (!(value > 0))
      throw numError(`${model.id} parameter ${parameter} must be > 0, got ${value}.`);
    params[parameter] = value;
  });
  if (row.slice(names.length + 1).some((cell) => !isBlank(cell))) {
    throw valueError(
      `${model.id} takes ${names.length} parameters; modelParams has more values than that.`
    );
  }
  return params as ModelParams;
}

/** parseModelParams for an argument that must be a transaction model (BG/NBD, Pareto/NBD or MBG/NBD). */
export function parseTransactionModelParams(row: readonly CellValue[]): TransactionModelParams {
  const params = parseModelParams(row);
  if (modelNamed(params.model)?.kind !== "transaction")
    throw valueError(
      `Expected ${orList(TRANSACTION_MODELS.map((m) => m.id))} parameters here, got ${described(modelNamed(params.model)!)} ones.`
    );
  return params as TransactionModelParams;
}

/** parseModelParams for an argument that must be spend-model (Gamma-Gamma) parameters. */
export function parseSpendModelParams(row: readonly CellValue[]): SpendModelParams {
  const params = parseModelParams(row);
  if (modelNamed(params.model)?.kind !== "spend")
    throw valueError(
      `Expected ${orList(MODELS.filter((m) => m.kind === "spend").map(described))} spend parameters here, got ${params.model} ones.`
    );
  return params as SpendModelParams;
}

/** parseModelParams for an argument that must be retention-model (sBG) parameters. */
export function parseRetentionModelParams(row: readonly CellValue[]): RetentionModelParams {
  const params = parseModelParams(row);
  if (modelNamed(params.model)?.kind !== "retention")
    throw valueError(
      `Expected ${orList(MODELS.filter((m) => m.kind === "retention").map(described))} retention parameters here (the row CVA.SBG returns), got ${params.model} ones.`
    );
  return params as RetentionModelParams;
}

/** "Gamma-Gamma (GG)": a model's display name, with its id when they differ. */
function described(model: RegisteredModel): string {
  return model.displayName === model.id ? model.id : `${model.displayName} (${model.id})`;
}
