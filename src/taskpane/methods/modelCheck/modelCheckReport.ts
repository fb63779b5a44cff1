import { errorText, isCvaError } from "../../../core/errors";
import { checkModels, type ModelCheck } from "../../../core/holdout/modelCheck";
import { planModelCheckSheet } from "../../../core/holdout/modelCheckSheet";
import { localeOf } from "../../../core/messages/messageTypes";
import { renderMessage } from "../../../core/messages/render";
import type { SegmentationResult, TierSummary } from "../../../core/segmentation/segmentCustomers";
import { type QualityReport, SKIP_REASONS } from "../../../core/table/prepareCustomers";
import type { CustomerTable } from "../../flow/customerTable";
import type { MethodRun, Translate } from "../paneMethod";
import type { ModelCheckSettings } from "./index";

/**
 * A customer's holdout, best first: bought again in the holdout, did not, or first seen after the calibration end
 * (not in the check). The order is the tiers' order in every run, whatever the language.
 */
export const HOLDOUT_STATUSES = ["bought", "quiet", "new"] as const;
type HoldoutStatus = (typeof HOLDOUT_STATUSES)[number];

const ACTIONS: Readonly<Record<HoldoutStatus, string>> = {
  bought: "action.loyaltyProgramme",
  quiet: "action.winBack",
  new: "action.onboard",
};

/** The Check-the-model method's engine call: the backtest, per customer its holdout, and the Model check sheet. */
export function modelCheckRun(
  table: CustomerTable,
  settings: ModelCheckSettings,
  t: Translate
): MethodRun {
  const log = table.summary?.transactions;
  if (!log) throw new Error("modelCheckRun: the pane checks for a transaction log first");
  const check = checkModels(log.customerIds, log.dates, log.amounts, {
    calibrationEnd: settings.calibrationEnd as number,
    observationEnd: settings.observationEnd as number,
  });
  return {
    result: perCustomer(table, check, t),
    report: {
      sheet: t("modelCheckSheet.sheetName"),
      lines: [previewLine(check, t)],
      plan: (_previous, locale) => ({
        plan: planModelCheckSheet({
          check,
          translate: t,
          describe: (message) =>
            isCvaError(message)
              ? errorText(message, localeOf(locale))
              : renderMessage(message, localeOf(locale)),
        }),
        note: null,
      }),
    },
  };
}

/**
 * Beside each customer of the summary: holdout purchases made, those the best model predicted, and the holdout
 * status as the tier; spend (the summary's monetary column) is each status's value.
 */
function perCustomer(table: CustomerTable, check: ModelCheck, t: Translate): SegmentationResult {
  const best = Math.max(
    0,
    check.models.findIndex((model) => model.id === check.best)
  );
  // By the id's text: the summary and the check may hold a numeric id as a number or as text.
  const indexOf = new Map<string, number>(
    check.perCustomer.customer.map((id, k) => [String(id), k])
  );
  const start = table.hasHeader ? 1 : 0;
  const dataRows = Math.max(0, table.rows.length - start);
  const actual = new Array<number | null>(dataRows).fill(null);
  const predicted = new Array<number | null>(dataRows).fill(null);
  const status = new Array<string | null>(dataRows).fill(null);
  const customers = new Map<HoldoutStatus, number>(HOLDOUT_STATUSES.map((s) => [s, 0]));
  const value = new Map<HoldoutStatus, number>(HOLDOUT_STATUSES.map((s) => [s, 0]));
  const { customer, monetary } = table.mapping;
  for (let p = 0; p < dataRows; p++) {
    const row = table.rows[p + start];
    const k = indexOf.get(String(row[customer as number]));
    let holdout: HoldoutStatus = "new";
    if (k !== undefined) {
      actual[p] = check.perCustomer.actual[k];
      predicted[p] = check.perCustomer.predicted[best][k];
      holdout = actual[p]! > 0 ? "bought" : "quiet";
    }
    status[p] = t(`modelCheck.status.${holdout}`);
    customers.set(holdout, customers.get(holdout)! + 1);
    const spend = monetary === undefined ? 0 : row[monetary];
    value.set(holdout, value.get(holdout)! + (typeof spend === "number" ? spend : 0));
  }
  const totalValue = [...value.values()].reduce((sum, v) => sum + v, 0);
  const tiers: TierSummary[] = HOLDOUT_STATUSES.map((s) => ({
    label: t(`modelCheck.status.${s}`),
    customers: customers.get(s)!,
    value: value.get(s)!,
    shareOfCustomers: dataRows === 0 ? 0 : customers.get(s)! / dataRows,
    shareOfValue: totalValue === 0 ? 0 : value.get(s)! / totalValue,
    action: ACTIONS[s],
  }));
  const bestName = check.models[best].displayName;
  return {
    method: "tiers",
    columns: [
      { header: t("output.holdoutPurchases"), values: actual },
      {
        header: t("output.predictedHoldoutPurchases", { model: bestName }),
        values: predicted,
        numberFormat: "0.00",
      },
      { header: t("output.holdoutStatus"), values: status },
    ],
    tierColumn: 2,
    tiers,
    quality: {
      dataRows,
      kept: dataRows,
      skipped: [],
      counts: Object.fromEntries(
        SKIP_REASONS.map((reason) => [reason, 0])
      ) as QualityReport["counts"],
      blankRows: 0,
    },
  };
}

/** What the preview says: the customers checked, and the best model with its error per customer. */
function previewLine(check: ModelCheck, t: Translate): string {
  const best = check.models.find((model) => model.id === check.best);
  return t("modelCheck.preview", {
    customers: check.customers,
    actual: check.actualTotal,
    best: best?.displayName ?? "—",
    mae: best ? Number(best.mae.toPrecision(3)) : "—",
  });
}
