import { type CellValue, isBlank } from "../cells";
import { cvaError, heldError, isCvaError } from "../errors";
import { phrase } from "../messages/catalogue";

/** One column per field, one entry per customer, customers in order of first appearance. */
export interface RfmSummary {
  customer: (string | number)[];
  /** Repeat purchase periods: distinct purchase periods − 1. */
  frequency: number[];
  /** Last − first purchase period, in periods of periodDays. */
  recency: number[];
  /** As-of − first purchase period, in periods of periodDays: the customer's age. */
  T: number[];
  /** Mean spend of the repeat periods (the first period excluded); 0 when frequency = 0. */
  monetary: number[];
  /** Raw transactions (rows), before merging per period. */
  orders: number[];
  /** Total spend. */
  total: number[];
  /** Excel serial dates (whole days) of the first and last purchase. */
  firstPurchase: number[];
  lastPurchase: number[];
  /** The as-of date used (whole day) and the period length. */
  asOfDate: number;
  periodDays: number;
  /** Transactions dated after asOfDate, left out (as lifetimes does); their customers too if nothing remains. */
  excludedTransactions: number;
}

export const RFM_SUMMARY_HEADERS = [
  "customer",
  "frequency",
  "recency",
  "T",
  "monetary",
  "orders",
  "total",
  "first purchase",
  "last purchase",
] as const;

/** The summary as rows under RFM_SUMMARY_HEADERS, for writing to a sheet. */
export function rfmSummaryRows(summary: RfmSummary): (string | number)[][] {
  return summary.customer.map((customer, i) => [
    customer,
    summary.frequency[i],
    summary.recency[i],
    summary.T[i],
    summary.monetary[i],
    summary.orders[i],
    summary.total[i],
    summary.firstPurchase[i],
    summary.lastPurchase[i],
  ]);
}

/**
 * Excel's date serials start at 1 (1900-01-01); the period grid is anchored on serial 2, a Monday by Excel's
 * calendar (WEEKDAY(2) = 2), so periodDays = 7 gives Monday–Sunday weeks like pandas' "W" periods in lifetimes.
 */
export const PERIOD_ANCHOR = 2;

/** The serial after 9999-12-31, the last date Excel shows. */
export const AFTER_LAST_DATE = 2958466;

/**
 * From a transaction table to one row per customer, with the semantics of lifetimes'
 * summary_data_from_transaction_data: transactions are first merged per period (per day when periodDays = 1,
 * amounts summed), then frequency = distinct purchase periods − 1, recency = last − first purchase period,
 * T = as-of − first purchase period, monetary = mean spend of the repeat periods.
 *
 * Dates are Excel serial numbers (1900 date system; a time of day is ignored). asOfDate defaults to the latest
 * transaction date, not the day after. Rows blank in all three columns are skipped; any other bad row throws a
 * CvaError naming the column and its 1-based row.
 * @example rfmSummary(["a", "a", "b"], [45000, 45010, 45005], [10, 20, 5]).frequency // [1, 0]
 */
export function rfmSummary(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  amounts: readonly CellValue[],
  asOfDate?: number,
  periodDays = 1
): RfmSummary {
  const n = customerIds.length;
  if (dates.length !== n || amounts.length !== n) {
    throw cvaError("summary.lengths", { ids: n, dates: dates.length, amounts: amounts.length });
  }
  if (!Number.isInteger(periodDays) || periodDays < 1)
    throw cvaError("summary.periodDays", { value: periodDays });
  if (asOfDate !== undefined && !(asOfDate >= 1 && asOfDate < AFTER_LAST_DATE))
    throw cvaError("summary.asOf", { value: asOfDate });

  const table = readTransactions(customerIds, dates, amounts);
  const asOf = asOfDate === undefined ? table.latest : Math.floor(asOfDate);
  const byCustomer = bucketByCustomer(table, asOf);
  return summarize(byCustomer, asOf, periodDays);
}

/** The validated rows: whole-day dates, amounts, and each row's customer number (−1 for a skipped blank row). */
interface TransactionTable {
  day: Float64Array;
  amount: Float64Array;
  owner: Int32Array;
  /** Customer ids in order of first appearance. */
  ids: (string | number)[];
  latest: number;
}

/**
 * Validates each row and numbers the customers in order of first appearance. (Each phase of the summary is its
 * own function: V8 optimises them separately instead of repeatedly deoptimising one long function.)
 */
function readTransactions(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  amounts: readonly CellValue[]
): TransactionTable {
  const n = customerIds.length;
  const day = new Float64Array(n);
  const amount = new Float64Array(n);
  const owner = new Int32Array(n).fill(-1);
  const index = new CustomerIndex(n);
  let previousId: CellValue = undefined;
  let previousOwner = -1;
  let latest = -Infinity;
  let rows = 0;
  let amountsLikeDates = 0;
  for (let i = 0; i < n; i++) {
    const id = customerIds[i];
    const date = dates[i];
    const value = amounts[i];
    // The common row (id, serial date ≥ 1, finite amount) takes no function calls; the rest get a precise message.
    if (
      ((typeof id === "number" && id > -Infinity && id < Infinity) ||
        (typeof id === "string" && id !== "")) &&
      typeof date === "number" &&
      date >= 1 &&
      date < AFTER_LAST_DATE
    ) {
      day[i] = Math.floor(date);
    } else if (isBlank(id) && isBlank(date) && isBlank(value)) {
      continue;
    } else {
      readCustomer(id, i + 1);
      day[i] = readDate(date, i + 1);
    }
    amount[i] =
      typeof value === "number" && Number.isFinite(value)
        ? value
        : readNumber(value, "amounts", i + 1);
    if (day[i] > latest) latest = day[i];
    rows++;
    if (value === date) amountsLikeDates++;
    // Tables usually list a customer's rows together: skip the hash lookup while the id repeats.
    if (id !== previousId) {
      previousOwner = index.numberOf(id as string | number);
      previousId = id;
    }
    owner[i] = previousOwner;
  }
  if (latest === -Infinity) throw cvaError("summary.noTransactions");
  if (rows > 1 && amountsLikeDates === rows) throw cvaError("summary.amountsAreDates");
  return { day, amount, owner, ids: index.ids, latest };
}

/** Each customer's in-window transactions, contiguous: customer k's are start[k] ≤ j < start[k + 1]. */
interface CustomerTransactions {
  customer: (string | number)[];
  start: Int32Array;
  day: Float64Array;
  spend: Float64Array;
  excludedTransactions: number;
}

/**
 * Counting sort of the transactions up to asOf by customer, keeping their order within a customer. Customers left
 * without transactions (all after asOf) drop out; the others keep their order.
 */
function bucketByCustomer(table: TransactionTable, asOf: number): CustomerTransactions {
  const { day, amount, owner, ids } = table;
  const n = day.length;
  const start = new Int32Array(ids.length + 1);
  let excludedTransactions = 0;
  for (let i = 0; i < n; i++) {
    if (owner[i] < 0) continue;
    if (day[i] > asOf) {
      owner[i] = -1;
      excludedTransactions++;
    } else {
      start[owner[i] + 1]++;
    }
  }
  const customer: (string | number)[] = [];
  const renumber = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    renumber[k] = customer.length;
    if (start[k + 1] > 0) {
      start[customer.length + 1] = start[k + 1];
      customer.push(ids[k]);
    }
  }
  if (customer.length === 0) throw cvaError("summary.asOfBeforeAll", { asOf });
  const customers = customer.length;
  for (let k = 0; k < customers; k++) start[k + 1] += start[k];
  const fill = start.slice(0, customers);
  const purchaseDay = new Float64Array(start[customers]);
  const spend = new Float64Array(start[customers]);
  for (let i = 0; i < n; i++) {
    if (owner[i] < 0) continue;
    const k = renumber[owner[i]];
    purchaseDay[fill[k]] = day[i];
    spend[fill[k]++] = amount[i];
  }
  return {
    customer,
    start: start.subarray(0, customers + 1),
    day: purchaseDay,
    spend,
    excludedTransactions,
  };
}

/** One summary row per customer; merges purchases per period first. */
function summarize(
  transactions: CustomerTransactions,
  asOf: number,
  periodDays: number
): RfmSummary {
  const { customer, start, day, spend } = transactions;
  const customers = customer.length;
  const summary: RfmSummary = {
    customer,
    frequency: new Array(customers),
    recency: new Array(customers),
    T: new Array(customers),
    monetary: new Array(customers),
    orders: new Array(customers),
    total: new Array(customers),
    firstPurchase: new Array(customers),
    lastPurchase: new Array(customers),
    asOfDate: asOf,
    periodDays,
    excludedTransactions: transactions.excludedTransactions,
  };
  const periodOf = (d: number) => Math.floor((d - PERIOD_ANCHOR) / periodDays);
  const period = day.map(periodOf);
  const asOfPeriod = periodOf(asOf);
  for (let k = 0; k < customers; k++) {
    const from = start[k];
    const to = start[k + 1];
    let first = Infinity;
    let last = -Infinity;
    let firstPeriod = Infinity;
    let total = 0;
    let sorted = true;
    for (let j = from; j < to; j++) {
      if (day[j] < first) first = day[j];
      if (day[j] > last) last = day[j];
      if (period[j] < firstPeriod) firstPeriod = period[j];
      total += spend[j];
      if (j > from && period[j] < period[j - 1]) sorted = false;
    }
    // The repeat periods' spend is added up on its own: total − first-period spend would cancel (or give NaN
    // once the total overflows).
    let repeatSpend = 0;
    for (let j = from; j < to; j++) if (period[j] !== firstPeriod) repeatSpend += spend[j];
    // Distinct periods: count changes along the customer's periods, sorted in place first if the table was not.
    if (!sorted) period.subarray(from, to).sort();
    let distinct = 1;
    for (let j = from + 1; j < to; j++) if (period[j] !== period[j - 1]) distinct++;
    const frequency = distinct - 1;
    summary.frequency[k] = frequency;
    summary.recency[k] = period[to - 1] - firstPeriod;
    summary.T[k] = asOfPeriod - firstPeriod;
    summary.monetary[k] = frequency > 0 ? repeatSpend / frequency : 0;
    summary.orders[k] = to - from;
    summary.total[k] = total;
    summary.firstPurchase[k] = first;
    summary.lastPurchase[k] = last;
  }
  return summary;
}

/**
 * Customer ids to numbers in order of first appearance: an open-addressing hash table sized for the worst case
 * up front. One insert per customer dominates the summary's cost, and this is ~3× cheaper than a growing Map.
 * 1 and "1" stay different customers, as in a Map.
 */
class CustomerIndex {
  readonly ids: (string | number)[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  numberOf(id: string | number): number {
    let slot = hashId(id) & this.mask;
    for (;;) {
      const k = this.slots[slot];
      if (k < 0) {
        this.slots[slot] = this.ids.length;
        this.ids.push(id);
        return this.ids.length - 1;
      }
      if (this.ids[k] === id) return k;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over a text id's UTF-16 code units, or over a numeric id's integer and fractional parts. */
function hashId(id: string | number): number {
  let hash = 0x811c9dc5;
  if (typeof id === "string") {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  } else {
    hash = Math.imul(hash ^ (id | 0), 0x01000193);
    hash = Math.imul(hash ^ ((id - Math.trunc(id)) * 2 ** 31), 0x01000193);
  }
  return (hash ^ (hash >>> 15)) >>> 0;
}

const CUSTOMER_IDS = "customerIds";

function cellOf(argument: string, row: number) {
  return phrase("term.argumentRow", { name: argument, row });
}

export function readCustomer(value: CellValue, row: number): void {
  if (isCvaError(value)) throw heldError(cellOf(CUSTOMER_IDS, row), value);
  if (isBlank(value)) throw cvaError("cell.blank", { what: cellOf(CUSTOMER_IDS, row) });
  if (typeof value === "boolean") throw cvaError("summary.customerBoolean", { row });
  if (typeof value === "number" && !Number.isFinite(value))
    throw cvaError("cell.notFinite", { what: cellOf(CUSTOMER_IDS, row) });
}

/**
 * A date cell: a serial number Excel can show as a date. Text with digits is a date typed as text (DATEVALUE
 * converts it); text without any is a word, and in the first row most likely the column's header.
 */
export function readDate(value: CellValue, row: number): number {
  if (typeof value === "string" && !isBlank(value)) {
    if (/\d/.test(value)) throw cvaError("summary.dateText", { row, value });
    throw row === 1
      ? cvaError("summary.headerRow", { value })
      : cvaError("summary.dateWord", { row, value });
  }
  const serial = readNumber(value, "dates", row);
  if (serial < 1) throw cvaError("summary.dateBeforeExcel", { row, value: serial });
  if (serial >= AFTER_LAST_DATE) throw cvaError("summary.dateAfterExcel", { row, value: serial });
  return Math.floor(serial);
}

function readNumber(value: CellValue, argument: string, row: number): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isCvaError(value)) throw heldError(cellOf(argument, row), value);
  if (isBlank(value)) throw cvaError("cell.blank", { what: cellOf(argument, row) });
  if (typeof value === "number") throw cvaError("cell.notFinite", { what: cellOf(argument, row) });
  throw cvaError("cell.notNumber", { what: cellOf(argument, row), value });
}
