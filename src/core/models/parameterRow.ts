import { type CellValue, isBlank, required, toNumber } from "../cells";
import { cvaError } from "../errors";
import { phrase } from "../messages/catalogue";
import type { ModelFit } from "./model";
import {
  MODELS,
  type ModelParams,
  type RegisteredModel,
  modelNamed,
  type RetentionModelParams,
  type SpendModelParams,
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
 * Throws #VALUE! for an unknown name or non-numeric value, and for a parameter that is not > 0.
 */
export function parseModelParams(row: readonly CellValue[]): ModelParams {
  const name = row[0];
  const model = typeof name === "string" ? modelNamed(name) : undefined;
  if (!model) {
    throw cvaError("model.unknownName", {
      models: MODELS.map((m) => m.id).join(", "),
      value: JSON.stringify(name ?? null),
    });
  }
  const names = model.parameterNames;
  const params: Record<string, string | number> = { model: model.id };
  names.forEach((parameter, i) => {
    const value = required(
      toNumber(row[i + 1], phrase("term.modelParameter", { model: model.id, parameter }))
    );
    if (!(value > 0))
      throw cvaError("model.parameterPositive", { model: model.id, parameter, value });
    params[parameter] = value;
  });
  if (row.slice(names.length + 1).some((cell) => !isBlank(cell))) {
    throw cvaError("model.tooManyParameters", { model: model.id, count: names.length });
  }
  return params as ModelParams;
}

/** parseModelParams for an argument that must be a transaction model (BG/NBD, Pareto/NBD or MBG/NBD). */
export function parseTransactionModelParams(row: readonly CellValue[]): TransactionModelParams {
  return checkedTransactionParams(parseModelParams(row));
}

/** The parameters, if they are a transaction model's; #VALUE! naming the kind needed otherwise. */
export function checkedTransactionParams(params: ModelParams): TransactionModelParams {
  if (modelNamed(params.model)?.kind !== "transaction")
    throw cvaError("model.expectedTransactionModel", {
      models: MODELS.filter((m) => m.kind === "transaction")
        .map((m) => m.id)
        .join(", "),
      got: described(modelNamed(params.model)!),
    });
  return params as TransactionModelParams;
}

/** parseModelParams for an argument that must be spend-model (Gamma-Gamma) parameters. */
export function parseSpendModelParams(row: readonly CellValue[]): SpendModelParams {
  return checkedSpendParams(parseModelParams(row));
}

/** The parameters, if they are a spend model's; #VALUE! naming the kind needed otherwise. */
export function checkedSpendParams(params: ModelParams): SpendModelParams {
  if (modelNamed(params.model)?.kind !== "spend")
    throw cvaError("model.expectedSpendModel", {
      models: MODELS.filter((m) => m.kind === "spend")
        .map(described)
        .join(", "),
      got: params.model,
    });
  return params as SpendModelParams;
}

/** The parameters, if they are a retention model's (sBG); #VALUE! naming the kind needed otherwise. */
export function checkedRetentionParams(params: ModelParams): RetentionModelParams {
  if (modelNamed(params.model)?.kind !== "retention")
    throw cvaError("sbg.expectedParams", {
      models: MODELS.filter((m) => m.kind === "retention")
        .map(described)
        .join(", "),
      got: described(modelNamed(params.model)!),
    });
  return params as RetentionModelParams;
}

/** "Gamma-Gamma (GG)": a model's display name, with its id when they differ. */
function described(model: RegisteredModel): string {
  return model.displayName === model.id ? model.id : `${model.displayName} (${model.id})`;
}

/** Cells of a details block's rows: the "LL", ll, "AIC", aic, "BIC", bic, "n", n row is the widest. */
export const DETAILS_WIDTH = 8;

/**
 * A fit with its details as the fitting functions spill it (a details block): the parameter row, a row of standard
 * errors, a row "LL", ℓ, "AIC", aic, "BIC", bic, "n", customers, then the covariance matrix, each row labelled with
 * its parameter. The first row stays a parameter row, so the block is accepted wherever one is.
 */
export function formatFitDetails(fit: ModelFit<ModelParams>): (string | number)[][] {
  const model = modelNamed(fit.params.model)!;
  const details = fit.details!;
  const k = model.parameterNames.length;
  const padded = (row: (string | number)[]) => [
    ...row,
    ...new Array<string>(DETAILS_WIDTH - row.length).fill(""),
  ];
  return [
    padded(formatModelParams(fit.params)),
    padded(["SE", ...details.standardErrors]),
    ["LL", fit.logLikelihood, "AIC", details.aic, "BIC", details.bic, "n", fit.customers],
    ...model.parameterNames.map((name, i) =>
      padded([name, ...details.covariance.subarray(i * k, (i + 1) * k)])
    ),
  ];
}

/** A parameter row or a details block read back: the parameters, and the covariance when the block has it. */
export interface ModelBlock {
  params: ModelParams;
  covariance?: Float64Array;
}

/**
 * Reads what a modelParams argument holds: one row (or column) of parameters, or a details block (its first row is
 * the parameters; a second row labelled "SE" marks it). The covariance rows are read when present and complete.
 */
export function parseModelBlock(rows: readonly (readonly CellValue[])[]): ModelBlock {
  const isBlock = rows.length > 1 && rows[0].length > 1;
  if (!isBlock) return { params: parseModelParams(rows.flat()) };
  const second = rows[1][0];
  if (!(typeof second === "string" && second.trim().toUpperCase() === "SE"))
    throw cvaError("model.notParameterRow");
  const params = parseModelParams(rows[0]);
  const model = modelNamed(params.model)!;
  const k = model.parameterNames.length;
  if (rows.length < 3 + k) return { params };
  const covariance = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const cell = rows[3 + i][1 + j];
      covariance[i * k + j] = required(
        toNumber(cell, phrase("term.modelParameter", { model: model.id, parameter: "covariance" }))
      );
    }
  return { params, covariance };
}
