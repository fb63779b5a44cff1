import { existsSync, readFileSync } from "node:fs";
import type { CellValue } from "../core/cells";
import { parseModelParams } from "../core/models/parameterRow";
import { modelNamed, type ModelParams } from "../core/models/registry";
import { usageError } from "./cliError";

/**
 * A --params value: a file cva fit wrote (its "params"), or a parameter row as Excel holds it, e.g.
 * "BG/NBD,0.243,4.41,0.793,2.43". Checked by the engine's parameter-row reader either way.
 */
export function modelParamsOption(value: string): ModelParams {
  const row = existsSync(value) ? rowFromFile(value) : rowFromText(value);
  try {
    return parseModelParams(row);
  } catch (error) {
    throw usageError(`--params ${value}: ${(error as Error).message}`);
  }
}

function rowFromFile(path: string): CellValue[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw usageError(`--params ${path} is not a fit cva fit wrote: ${(error as Error).message}`);
  }
  const params = ((json as { params?: unknown })?.params ?? json) as Record<string, unknown>;
  const model = typeof params?.model === "string" ? modelNamed(params.model) : undefined;
  if (model === undefined)
    throw usageError(
      `--params ${path} names no model (a "params" object with "model", as cva fit writes).`
    );
  return [model.id, ...model.parameterNames.map((name) => params[name] as CellValue)];
}

function rowFromText(text: string): CellValue[] {
  const [name, ...numbers] = text.split(",").map((cell) => cell.trim());
  if (numbers.length === 0)
    throw usageError(
      `--params ${JSON.stringify(text)} is neither a file nor a row such as BG/NBD,0.24,4.4,0.79,2.4.`
    );
  return [name, ...numbers.map((cell) => (cell === "" ? null : Number(cell)))];
}
