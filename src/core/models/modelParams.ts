import { type CellValue, isBlank, required, toNumber } from "../cells";
import { phrase } from "../messages/catalogue";
import { numError, valueError } from "../errors";

/** BG/NBD (Fader, Hardie & Lee 2005): purchase rate λ ~ Gamma(r, α), drop-out probability p ~ Beta(a, b). */
export interface BgNbdParams {
  model: "BG/NBD";
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** MBG/NBD (Batislam, Denizel & Filiztekin 2007): as BG/NBD, with a possible drop-out right after the first purchase. */
export interface MbgNbdParams {
  model: "MBG/NBD";
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, α), drop-out rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  model: "Pareto/NBD";
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Gamma-Gamma spend model (Fader & Hardie 2013, note 025): spend ~ Gamma(p, ν), ν ~ Gamma(q, v). */
export interface GammaGammaParams {
  model: "GG";
  p: number;
  q: number;
  v: number;
}

export type TransactionModelParams = BgNbdParams | MbgNbdParams | ParetoNbdParams;
export type TransactionModelName = TransactionModelParams["model"];
export type ModelParams = TransactionModelParams | GammaGammaParams;

/** The one-row shape the spreadsheet functions return and take back: [name, p1, p2, p3, p4]; GG leaves p4 blank. */
export type ModelParamsRow = [string, number, number, number, number | ""];

/** Parameter names in row order, per model: also the order of FitReport-carrying fits. */
export const PARAMETER_NAMES = {
  "BG/NBD": ["r", "alpha", "a", "b"],
  "MBG/NBD": ["r", "alpha", "a", "b"],
  "Pareto/NBD": ["r", "alpha", "s", "beta"],
  GG: ["p", "q", "v"],
} as const;

/** Accepted spellings of the model names (compared upper-cased). */
const NAMES: Record<string, ModelParams["model"]> = {
  "BG/NBD": "BG/NBD",
  BGNBD: "BG/NBD",
  "MBG/NBD": "MBG/NBD",
  MBGNBD: "MBG/NBD",
  "PARETO/NBD": "Pareto/NBD",
  PNBD: "Pareto/NBD",
  GG: "GG",
  "GAMMA-GAMMA": "GG",
};

/** @example formatModelParams({ model: "GG", p: 6.25, q: 3.74, v: 15.44 }) // ["GG", 6.25, 3.74, 15.44, ""] */
export function formatModelParams(params: ModelParams): ModelParamsRow {
  switch (params.model) {
    case "BG/NBD":
    case "MBG/NBD":
      return [params.model, params.r, params.alpha, params.a, params.b];
    case "Pareto/NBD":
      return [params.model, params.r, params.alpha, params.s, params.beta];
    case "GG":
      return [params.model, params.p, params.q, params.v, ""];
  }
}

/**
 * Reads a parameter row back (as produced by formatModelParams, typically a 1×5 range the user points at).
 * Throws #VALUE! for an unknown name or non-numeric value, #NUM! for a parameter that is not > 0.
 */
export function parseModelParams(row: readonly CellValue[]): ModelParams {
  const name = row[0];
  const model = typeof name === "string" ? NAMES[name.trim().toUpperCase()] : undefined;
  if (!model) {
    throw valueError(
      `modelParams must start with a model name (BG/NBD, Pareto/NBD, MBG/NBD or GG), got ${JSON.stringify(name ?? null)}.`
    );
  }
  const names = PARAMETER_NAMES[model];
  const values = names.map((parameter, i) => {
    const value = required(
      toNumber(row[i + 1], phrase("term.modelParameter", { model, parameter }))
    );
    if (!(value > 0)) throw numError(`${model} parameter ${parameter} must be > 0, got ${value}.`);
    return value;
  });
  if (row.slice(names.length + 1).some((cell) => !isBlank(cell))) {
    throw valueError(
      `${model} takes ${names.length} parameters; modelParams has more values than that.`
    );
  }
  const [p1, p2, p3, p4] = values;
  switch (model) {
    case "BG/NBD":
    case "MBG/NBD":
      return { model, r: p1, alpha: p2, a: p3, b: p4 };
    case "Pareto/NBD":
      return { model, r: p1, alpha: p2, s: p3, beta: p4 };
    case "GG":
      return { model, p: p1, q: p2, v: p3 };
  }
}

/** parseModelParams for an argument that must be a transaction model (BG/NBD, Pareto/NBD or MBG/NBD). */
export function parseTransactionModelParams(row: readonly CellValue[]): TransactionModelParams {
  const params = parseModelParams(row);
  if (params.model === "GG")
    throw valueError(
      "Expected BG/NBD, Pareto/NBD or MBG/NBD parameters here, got Gamma-Gamma (GG) ones."
    );
  return params;
}

/** parseModelParams for an argument that must be Gamma-Gamma spend parameters. */
export function parseGammaGammaParams(row: readonly CellValue[]): GammaGammaParams {
  const params = parseModelParams(row);
  if (params.model !== "GG")
    throw valueError(`Expected Gamma-Gamma (GG) spend parameters here, got ${params.model} ones.`);
  return params;
}
