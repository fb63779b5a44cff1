import { type GuardrailCheck, predictionGuardrails } from "../../../core/models/guardrails";
import type { TransactionModelId } from "../../../core/models/registry";
import { type CustomerTable, customerRows } from "../../flow/customerTable";
import { modelInputsOf } from "./predictiveSegmentation";

/**
 * The guardrails of a predictive run on this table with this model, on the inputs the run itself would use (loaded
 * with the models, on first use).
 */
export function checkPrediction(
  table: CustomerTable,
  model: TransactionModelId,
  dates: { firstPurchase: number | undefined; lastPurchase: number | undefined }
): GuardrailCheck {
  return predictionGuardrails(modelInputsOf(table, customerRows(table), dates), model);
}
