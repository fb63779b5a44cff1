// Customer-value KPIs typed in cells (CLV, CAC, retention and churn): scalar formulas that also spill over columns.
import { cac as cacOf } from "../core/kpi/cac";
import { churnRate as churnRateOf } from "../core/kpi/churnRate";
import { clv as clvOf } from "../core/kpi/clv";
import { clvRetention as clvRetentionOf } from "../core/kpi/clvRetention";
import { retentionRate as retentionRateOf } from "../core/kpi/retentionRate";
import { phrase } from "../core/messages/catalogue";
import { broadcast, ScalarFormula } from "./broadcast";

// ── Customer value KPIs: scalar formulas that also spill over columns ───────────────────────────────────────────
// Each formula is described once, at load: a custom function called for a million rows allocates nothing else.

const CLV_FORMULA: ScalarFormula = {
  args: [
    { what: phrase("term.avgOrderValue") },
    { what: phrase("term.purchasesPerPeriod") },
    { what: phrase("term.lifespan") },
    { what: phrase("term.acquisitionCost"), fallback: 0 },
    { what: phrase("term.grossMargin"), fallback: 1 },
    { what: phrase("term.discountRate"), fallback: 0 },
  ],
  compute: (v) => clvOf(v[0], v[1], v[2], v[3], v[4], v[5]),
};

/**
 * Customer lifetime value: average order value × purchases per period × gross margin, summed over the lifespan (discounted per period if a rate is given), minus the acquisition cost. Columns spill one result per row.
 * @customfunction CLV
 * @param {number[][]} avgOrderValue Average order value (revenue per purchase).
 * @param {number[][]} purchasesPerPeriod Purchases per customer per period (e.g. per year).
 * @param {number[][]} lifespanPeriods Expected customer lifespan in periods; may be fractional.
 * @param {number[][]} [acquisitionCost] Cost of acquiring the customer, subtracted once. Default 0.
 * @param {number[][]} [grossMargin] Gross margin as a share of revenue from 0 to 1, e.g. 0.4 for 40 %. Default 1 (revenue).
 * @param {number[][]} [discountRatePerPeriod] Discount rate per period, from 0 to less than 1, e.g. 0.1 for 10 %. Default 0 (no discounting).
 * @returns {any[][]} Lifetime value per row.
 */
export function clv(
  avgOrderValue: number[][],
  purchasesPerPeriod: number[][],
  lifespanPeriods: number[][],
  acquisitionCost?: number[][],
  grossMargin?: number[][],
  discountRatePerPeriod?: number[][]
): any[][] {
  return broadcast(CLV_FORMULA, [
    avgOrderValue,
    purchasesPerPeriod,
    lifespanPeriods,
    acquisitionCost,
    grossMargin,
    discountRatePerPeriod,
  ]);
}

const CLV_RETENTION_FORMULA: ScalarFormula = {
  args: [
    { what: phrase("term.marginPerPeriod") },
    { what: phrase("term.retentionRate") },
    { what: phrase("term.discountRate") },
    { what: phrase("term.periods"), fallback: Infinity },
    { what: phrase("term.acquisitionCost"), fallback: 0 },
  ],
  compute: (v) => clvRetentionOf(v[0], v[1], v[2], v[3], v[4]),
};

/**
 * Customer lifetime value from a margin per period and a retention rate: the sum of margin × (retention / (1 + discount rate))^t over the periods, minus the acquisition cost; without periods, the infinite-horizon value margin × retention / (1 + discount rate − retention).
 * @customfunction CLVRETENTION
 * @param {number[][]} marginPerPeriod Margin a retained customer brings per period.
 * @param {number[][]} retentionRate Share of customers kept from one period to the next, between 0 and 1.
 * @param {number[][]} discountRatePerPeriod Discount rate per period, from 0 to less than 1, e.g. 0.1 for 10 %.
 * @param {number[][]} [periods] Number of periods to sum (a whole number). Omitted: infinite horizon.
 * @param {number[][]} [acquisitionCost] Cost of acquiring the customer, subtracted once. Default 0.
 * @returns {any[][]} Lifetime value per row.
 */
export function clvRetention(
  marginPerPeriod: number[][],
  retentionRate: number[][],
  discountRatePerPeriod: number[][],
  periods?: number[][],
  acquisitionCost?: number[][]
): any[][] {
  return broadcast(CLV_RETENTION_FORMULA, [
    marginPerPeriod,
    retentionRate,
    discountRatePerPeriod,
    periods,
    acquisitionCost,
  ]);
}

const CAC_FORMULA: ScalarFormula = {
  args: [
    { what: phrase("term.marketingSpend") },
    { what: phrase("term.salesSpend") },
    { what: phrase("term.newCustomers") },
  ],
  compute: (v) => cacOf(v[0], v[1], v[2]),
};

/**
 * Customer acquisition cost: (marketing spend + sales spend) / new customers.
 * @customfunction CAC
 * @param {number[][]} marketingSpend Marketing spend in the period.
 * @param {number[][]} salesSpend Sales spend in the period.
 * @param {number[][]} newCustomers New customers won in the period.
 * @returns {any[][]} Cost per new customer, per row.
 */
export function cac(
  marketingSpend: number[][],
  salesSpend: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(CAC_FORMULA, [marketingSpend, salesSpend, newCustomers]);
}

const CUSTOMER_COUNTS = [
  { what: phrase("term.startCustomers") },
  { what: phrase("term.endCustomers") },
  { what: phrase("term.newCustomers") },
];
const RETENTION_FORMULA: ScalarFormula = {
  args: CUSTOMER_COUNTS,
  compute: (v) => retentionRateOf(v[0], v[1], v[2]),
};
const CHURN_FORMULA: ScalarFormula = {
  args: CUSTOMER_COUNTS,
  compute: (v) => churnRateOf(v[0], v[1], v[2]),
};

/**
 * Customer retention rate: (customers at the end − new customers) / customers at the start.
 * @customfunction RETENTIONRATE
 * @param {number[][]} startCustomers Customers at the start of the period.
 * @param {number[][]} endCustomers Customers at the end of the period.
 * @param {number[][]} newCustomers Customers won during the period.
 * @returns {any[][]} Retention rate between 0 and 1, per row.
 */
export function retentionRate(
  startCustomers: number[][],
  endCustomers: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(RETENTION_FORMULA, [startCustomers, endCustomers, newCustomers]);
}

/**
 * Customer churn rate: (customers at the start − customers at the end + new customers) / customers at the start.
 * @customfunction CHURNRATE
 * @param {number[][]} startCustomers Customers at the start of the period.
 * @param {number[][]} endCustomers Customers at the end of the period.
 * @param {number[][]} newCustomers Customers won during the period.
 * @returns {any[][]} Churn rate between 0 and 1, per row.
 */
export function churnRate(
  startCustomers: number[][],
  endCustomers: number[][],
  newCustomers: number[][]
): any[][] {
  return broadcast(CHURN_FORMULA, [startCustomers, endCustomers, newCustomers]);
}
