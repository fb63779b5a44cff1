import { bgbb } from "./bgbb";
import { bgNbd } from "./bgnbd";
import { gammaGamma } from "./gammaGamma";
import { mbgNbd } from "./mbgnbd";
import type { ParamsOf, TransactionModel } from "./model";
import { paretoNbd } from "./paretoNbd";
import { sbg } from "./sbg";

/**
 * Every model the add-in knows, in the order lists show them. Adding a model is one module and one entry here:
 * the parameter rows, the accepted names, the pane's model choice and the model check all read this list.
 */
export const MODELS = [bgNbd, paretoNbd, mbgNbd, bgbb, gammaGamma, sbg] as const;

export type RegisteredModel = (typeof MODELS)[number];
export type ModelId = RegisteredModel["id"];
export type ModelParams = ParamsOf<RegisteredModel>;

export type RegisteredTransactionModel = Extract<RegisteredModel, { kind: "transaction" }>;
export type TransactionModelId = RegisteredTransactionModel["id"];
export type TransactionModelParams = ParamsOf<RegisteredTransactionModel>;

export type RegisteredSpendModel = Extract<RegisteredModel, { kind: "spend" }>;
export type SpendModelParams = ParamsOf<RegisteredSpendModel>;

export type RegisteredRetentionModel = Extract<RegisteredModel, { kind: "retention" }>;
export type RetentionModelParams = ParamsOf<RegisteredRetentionModel>;

/**
 * The transaction models of continuous time in registry order (id, displayName, parameterNames, fit and predictions
 * each): the pane's model choice and the model check, which measure time in days or weeks. A model of whole
 * occasions (BG/BB) is left out; its row still works wherever a transaction model's does.
 */
export const TRANSACTION_MODELS: readonly RegisteredTransactionModel[] = MODELS.filter(
  (model): model is RegisteredTransactionModel =>
    model.kind === "transaction" && model.occasions !== true
);

/** The model with this id. */
export function modelById<Id extends ModelId>(id: Id): Extract<RegisteredModel, { id: Id }> {
  return MODELS.find((model) => model.id === id) as Extract<RegisteredModel, { id: Id }>;
}

/**
 * The transaction model of a parameter set or id, typed for its parameters:
 * `transactionModel(params).conditionalProbabilityAlive(params, …)`.
 */
export function transactionModel<P extends TransactionModelParams>(params: P): TransactionModel<P>;
export function transactionModel<Id extends TransactionModelId>(
  id: Id
): Extract<RegisteredTransactionModel, { id: Id }>;
export function transactionModel(params: TransactionModelParams | TransactionModelId): unknown {
  return modelById(typeof params === "string" ? params : params.model);
}

/** The model a name in a parameter row stands for (its id or an alias, any case), or undefined. */
export function modelNamed(name: string): RegisteredModel | undefined {
  const key = name.trim().toUpperCase();
  return MODELS.find((model) => model.id.toUpperCase() === key || model.aliases.includes(key)) as
    RegisteredModel | undefined;
}
