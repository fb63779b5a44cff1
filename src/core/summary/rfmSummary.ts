import { type CellValue, isBlank } from "../cells";
import { cvaError, heldError, isCvaError } from "../errors";
import { FIRST_EXCEL_DATE, LAST_EXCEL_DATE } from "../table/columnChecks";
import { phrase } from "../messages/catalogue";
import { scratchFloat64, scratchInt32 } from "../stats/scratch";

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

/** The summary as a sheet holds it: RFM_SUMMARY_HEADERS, then one row per customer in that order. */
export interface RfmSummarySheet {
  rows: (string | number)[][];
  asOfDate: number;
  periodDays: number;
  excludedTransactions: number;
}

/**
 * A transaction table's cells, read row by row: from plain columns (columnCells), or by the custom function straight
 * from the ranges Excel hands over, without copying them first.
 */
export interface TransactionCells {
  readonly length: number;
  customer(row: number): CellValue;
  date(row: number): CellValue;
  amount(row: number): CellValue;
}

/** Three columns of the same length as TransactionCells. */
export function columnCells(
  customerIds: ArrayLike<CellValue>,
  dates: ArrayLike<CellValue>,
  amounts: ArrayLike<CellValue>
): TransactionCells {
  const n = customerIds.length;
  if (dates.length !== n || amounts.length !== n)
    throw cvaError("summary.lengths", { ids: n, dates: dates.length, amounts: amounts.length });
  return new ColumnCells(customerIds, dates, amounts);
}

/** A class rather than closures: its methods are the same functions on every call, so V8 inlines them in the loop. */
class ColumnCells implements TransactionCells {
  readonly length: number;

  constructor(
    private readonly customerIds: ArrayLike<CellValue>,
    private readonly dates: ArrayLike<CellValue>,
    private readonly amounts: ArrayLike<CellValue>
  ) {
    this.length = customerIds.length;
  }

  customer(row: number): CellValue {
    return this.customerIds[row];
  }

  date(row: number): CellValue {
    return this.dates[row];
  }

  amount(row: number): CellValue {
    return this.amounts[row];
  }
}

/**
 * Excel's date serials start at 1 (1900-01-01); the period grid is anchored on serial 2, a Monday by Excel's
 * calendar (WEEKDAY(2) = 2), so periodDays = 7 gives Monday–Sunday weeks like pandas' "W" periods in lifetimes.
 */
export const PERIOD_ANCHOR = 2;

/** The serial after 9999-12-31, the last date Excel shows (the date rule of columnChecks). */
export const AFTER_LAST_DATE = LAST_EXCEL_DATE + 1;

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
  customerIds: ArrayLike<CellValue>,
  dates: ArrayLike<CellValue>,
  amounts: ArrayLike<CellValue>,
  asOfDate?: number,
  periodDays = 1
): RfmSummary {
  const summary = summarizeTransactions(
    columnCells(customerIds, dates, amounts),
    asOfDate,
    periodDays
  );
  const { customers } = summary;
  return {
    customer: customers.id,
    frequency: plainArray(customers.frequency),
    recency: plainArray(customers.recency),
    T: plainArray(customers.T),
    monetary: plainArray(customers.monetary),
    orders: plainArray(customers.orders),
    total: plainArray(customers.total),
    firstPurchase: plainArray(customers.firstPurchase),
    lastPurchase: plainArray(customers.lastPurchase),
    asOfDate: summary.asOfDate,
    periodDays: summary.periodDays,
    excludedTransactions: summary.excludedTransactions,
  };
}

/** A typed column as a plain array by an indexed loop: Array.from walks the iterator, several times slower here. */
function plainArray(column: Int32Array | Float64Array): number[] {
  const values = new Array<number>(column.length);
  for (let k = 0; k < column.length; k++) values[k] = column[k];
  return values;
}

/** rfmSummary as the rows of a sheet: what CVA.RFMSUMMARY spills. */
export function rfmSummarySheet(
  cells: TransactionCells,
  asOfDate?: number,
  periodDays = 1
): RfmSummarySheet {
  const summary = summarizeTransactions(cells, asOfDate, periodDays);
  return {
    rows: sheetRows(summary.customers),
    asOfDate: summary.asOfDate,
    periodDays: summary.periodDays,
    excludedTransactions: summary.excludedTransactions,
  };
}

/** RFM_SUMMARY_HEADERS, then one row per customer: each row built once, from the customer columns. */
function sheetRows(customers: CustomerColumns): (string | number)[][] {
  const { id, frequency, recency, T, monetary, orders, total, firstPurchase, lastPurchase } =
    customers;
  const rows = new Array<(string | number)[]>(id.length + 1);
  rows[0] = [...RFM_SUMMARY_HEADERS];
  for (let k = 0; k < id.length; k++)
    rows[k + 1] = [
      id[k],
      frequency[k],
      recency[k],
      T[k],
      monetary[k],
      orders[k],
      total[k],
      firstPurchase[k],
      lastPurchase[k],
    ];
  return rows;
}

/**
 * The summary's columns, one entry per customer in order of first appearance. Whole numbers (counts, periods,
 * Excel serial days) are Int32Array: a sheet cell takes them as they are, without a conversion from a double.
 */
export interface CustomerColumns {
  id: (string | number)[];
  frequency: Int32Array;
  recency: Int32Array;
  T: Int32Array;
  monetary: Float64Array;
  orders: Int32Array;
  total: Float64Array;
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
}

/**
 * A summary with the validated table behind it, row by row: each row's whole day and amount, and the number of its
 * customer in `customers` whether or not the row is after asOf (−1 for a blank row, and for a customer with nothing
 * up to asOf). What a summary that goes on past asOf (the holdout of CALHOLDOUT) needs, without looking the ids up
 * again. Its typed arrays are scratch inside a custom-function call (stats/scratch): valid until the call returns.
 */
export interface TransactionSummary {
  customers: CustomerColumns;
  asOfDate: number;
  periodDays: number;
  excludedTransactions: number;
  day: Float64Array;
  amount: Float64Array;
  customerOfRow: Int32Array;
  /** The latest day in the table, asOf or not. */
  latest: number;
}

export function summarizeTransactions(
  cells: TransactionCells,
  asOfDate?: number,
  periodDays = 1
): TransactionSummary {
  if (!Number.isInteger(periodDays) || periodDays < 1)
    throw cvaError("summary.periodDays", { value: periodDays });
  if (asOfDate !== undefined && !(asOfDate >= 1 && asOfDate < AFTER_LAST_DATE))
    throw cvaError("summary.asOf", { value: asOfDate });
  const table = readTransactions(cells);
  const asOf = asOfDate === undefined ? table.latest : Math.floor(asOfDate);
  const byCustomer =
    table.grouped && table.latest <= asOf ? inTableOrder(table) : bucketByCustomer(table, asOf);
  return {
    customers: summarize(byCustomer, asOf, periodDays),
    asOfDate: asOf,
    periodDays,
    excludedTransactions: byCustomer.excludedTransactions,
    day: table.day,
    amount: table.amount,
    customerOfRow: byCustomer.customerOfRow,
    latest: table.latest,
  };
}

/** The validated rows: whole-day dates, amounts, and each row's customer number (−1 for a skipped blank row). */
interface TransactionTable {
  day: Float64Array;
  amount: Float64Array;
  owner: Int32Array;
  /** The customers' ids, in order of first appearance (the customer numbers). */
  ids: (string | number)[];
  latest: number;
  /** No blank rows, and each customer's rows together (as in a table sorted by customer). */
  grouped: boolean;
}

/*
 * Each pass over the rows is a function of one loop that only returns after it. Every summary runs each loop once,
 * so V8 compiles a loop while it runs and keeps that code for the next call; code after the loop that had not yet
 * run then (a comparison, a property read) would send every later call back to the interpreter.
 */

/** Validates each row and numbers the customers in order of first appearance. */
function readTransactions(cells: TransactionCells): TransactionTable {
  const n = cells.length;
  const day = scratchFloat64(n);
  const amount = scratchFloat64(n);
  const owner = scratchInt32(n);
  const index = new CustomerIndex();
  const tally = new Float64Array(TALLIES);
  readRows(cells, day, amount, owner, index, tally);
  const rows = tally[ROWS_READ];
  if (rows === 0) throw cvaError("summary.noTransactions");
  if (rows > 1 && tally[AMOUNT_IS_DATE] === rows) throw cvaError("summary.amountsAreDates");
  return {
    day,
    amount,
    owner,
    ids: index.ids,
    latest: tally[LATEST_DAY],
    grouped: tally[OUT_OF_ORDER] === 0,
  };
}

/** What readRows tallies as it reads, in one typed array (its loop's function returns nothing). */
const ROWS_READ = 0;
/** Rows whose amount equals their date: all of them means the amounts column is another date column. */
const AMOUNT_IS_DATE = 1;
const LATEST_DAY = 2;
/** Blank rows, and rows back to a customer met before another's: none means the table is grouped by customer. */
const OUT_OF_ORDER = 3;
const TALLIES = 4;

function readRows(
  cells: TransactionCells,
  day: Float64Array,
  amount: Float64Array,
  owner: Int32Array,
  index: CustomerIndex,
  tally: Float64Array
): void {
  const n = cells.length;
  let previousId: CellValue = undefined;
  let previousOwner = -1;
  for (let i = 0; i < n; i++) {
    const id = cells.customer(i);
    const date = cells.date(i);
    const value = cells.amount(i);
    // The common row (id, serial date ≥ 1, finite amount) takes no function calls; the rest get a precise message.
    if (
      ((typeof id === "string" && id !== "") || (typeof id === "number" && id - id === 0)) &&
      typeof date === "number" &&
      date >= FIRST_EXCEL_DATE &&
      date < AFTER_LAST_DATE
    ) {
      day[i] = Math.floor(date);
    } else if (isBlank(id) && isBlank(date) && isBlank(value)) {
      owner[i] = -1;
      tally[OUT_OF_ORDER]++;
      continue;
    } else {
      readCustomer(id, i + 1);
      day[i] = readDate(date, i + 1);
    }
    amount[i] =
      typeof value === "number" && value - value === 0
        ? value
        : readNumber(value, "amounts", i + 1);
    tally[ROWS_READ]++;
    tally[AMOUNT_IS_DATE] += +(value === date);
    if (day[i] > tally[LATEST_DAY]) tally[LATEST_DAY] = day[i];
    // Tables usually list a customer's rows together: skip the hash lookup while the id repeats.
    if (id !== previousId) {
      previousOwner = index.numberOf(id as string | number);
      previousId = id;
      if (previousOwner !== index.ids.length - 1) tally[OUT_OF_ORDER]++;
    }
    owner[i] = previousOwner;
  }
}

/** Each customer's in-window transactions, contiguous: customer k's are start[k] ≤ j < start[k + 1]. */
interface CustomerTransactions {
  /** The ids of the customers kept, in order of first appearance. */
  ids: (string | number)[];
  start: Int32Array;
  day: Float64Array;
  spend: Float64Array;
  excludedTransactions: number;
  /** Each table row's customer number among those kept (−1 for a blank row or a dropped customer). */
  customerOfRow: Int32Array;
}

/** A table already grouped by customer, none of it after asOf, is taken as it is. */
function inTableOrder(table: TransactionTable): CustomerTransactions {
  const { day, amount, owner, ids } = table;
  const start = scratchInt32(ids.length + 1);
  groupStarts(owner, start);
  return { ids, start, day, spend: amount, excludedTransactions: 0, customerOfRow: owner };
}

function groupStarts(owner: Int32Array, start: Int32Array): void {
  start[0] = 0;
  start[start.length - 1] = owner.length;
  for (let i = 1; i < owner.length; i++) if (owner[i] !== owner[i - 1]) start[owner[i]] = i;
}

/**
 * Counting sort of the transactions up to asOf by customer, keeping their order within a customer. Customers left
 * without transactions (all after asOf) drop out; the others keep their order.
 */
function bucketByCustomer(table: TransactionTable, asOf: number): CustomerTransactions {
  const { day, amount, owner, ids } = table;
  const customers = ids.length;
  const counts = scratchInt32(customers + 1).fill(0);
  const excludedTransactions = countPerCustomer(day, owner, asOf, counts);
  const renumber = scratchInt32(customers);
  ids.length = keepCustomers(ids, counts, renumber);
  if (ids.length === 0) throw cvaError("summary.asOfBeforeAll", { asOf });
  const start = counts.subarray(0, ids.length + 1);
  runningTotal(start);
  const fill = scratchInt32(ids.length);
  fill.set(start.subarray(0, ids.length));
  const purchaseDay = scratchFloat64(start[ids.length]);
  const spend = scratchFloat64(start[ids.length]);
  const customerOfRow = scratchInt32(day.length);
  scatterByCustomer(day, amount, owner, asOf, renumber, fill, purchaseDay, spend, customerOfRow);
  return { ids, start, day: purchaseDay, spend, excludedTransactions, customerOfRow };
}

/** counts[k + 1] = customer k's transactions up to asOf. Returns how many rows are later. */
function countPerCustomer(
  day: Float64Array,
  owner: Int32Array,
  asOf: number,
  counts: Int32Array
): number {
  let excluded = 0;
  for (let i = 0; i < day.length; i++) {
    if (owner[i] < 0) continue;
    if (day[i] > asOf) {
      excluded++;
    } else {
      counts[owner[i] + 1]++;
    }
  }
  return excluded;
}

/**
 * Moves the customers with transactions left to the front, in order (their ids and counts alike), in place: the ids
 * are the index's own list, and a new one would be grown by a push per customer. Sets renumber[k] to customer k's new
 * number (−1 if dropped) and returns how many were kept.
 */
function keepCustomers(ids: (string | number)[], counts: Int32Array, renumber: Int32Array): number {
  let kept = 0;
  for (let k = 0; k < ids.length; k++) {
    renumber[k] = counts[k + 1] > 0 ? kept : -1;
    if (counts[k + 1] > 0) {
      ids[kept] = ids[k];
      counts[kept + 1] = counts[k + 1];
      kept++;
    }
  }
  return kept;
}

function runningTotal(start: Int32Array): void {
  for (let k = 1; k < start.length; k++) start[k] += start[k - 1];
}

/** Puts each customer's transactions up to asOf in its bucket, and notes every row's kept customer (for a holdout). */
function scatterByCustomer(
  day: Float64Array,
  amount: Float64Array,
  owner: Int32Array,
  asOf: number,
  renumber: Int32Array,
  fill: Int32Array,
  purchaseDay: Float64Array,
  spend: Float64Array,
  customerOfRow: Int32Array
): void {
  for (let i = 0; i < day.length; i++) {
    const k = owner[i] < 0 ? -1 : renumber[owner[i]];
    customerOfRow[i] = k;
    if (k < 0 || day[i] > asOf) continue;
    purchaseDay[fill[k]] = day[i];
    spend[fill[k]++] = amount[i];
  }
}

/**
 * The summary's columns, customer by customer; merges purchases per period first. A customer's purchases are
 * usually in date order, and then one pass counts the distinct periods and adds up the repeat periods' spend;
 * otherwise the periods are sorted first.
 */
function summarize(
  transactions: CustomerTransactions,
  asOf: number,
  periodDays: number
): CustomerColumns {
  const { ids, start, day, spend } = transactions;
  const customers = customerColumns(ids);
  const { frequency, recency, T, monetary, orders, total, firstPurchase, lastPurchase } = customers;
  const asOfPeriod = Math.floor((asOf - PERIOD_ANCHOR) / periodDays);
  for (let k = 0; k < ids.length; k++) {
    const from = start[k];
    const to = start[k + 1];
    const first = day[from];
    const firstPeriod = Math.floor((first - PERIOD_ANCHOR) / periodDays);
    let last = first;
    let lastPeriod = firstPeriod;
    let sum = 0;
    // The repeat periods' spend is added up on its own: total − first-period spend would cancel (or give NaN once
    // the total overflows).
    let repeatSpend = 0;
    let distinct = 1;
    let inOrder = true;
    for (let j = from; j < to; j++) {
      const d = day[j];
      sum += spend[j];
      if (d < last) inOrder = false;
      last = d;
      const period = Math.floor((d - PERIOD_ANCHOR) / periodDays);
      if (period !== lastPeriod) distinct++;
      if (period !== firstPeriod) repeatSpend += spend[j];
      lastPeriod = period;
    }
    orders[k] = to - from;
    total[k] = sum;
    if (inOrder) {
      frequency[k] = distinct - 1;
      recency[k] = lastPeriod - firstPeriod;
      T[k] = asOfPeriod - firstPeriod;
      monetary[k] = distinct > 1 ? repeatSpend / (distinct - 1) : 0;
      firstPurchase[k] = first;
      lastPurchase[k] = last;
    } else {
      unorderedCustomer(customers, k, day, spend, from, to, periodDays, asOfPeriod);
    }
  }
  return customers;
}

function customerColumns(ids: (string | number)[]): CustomerColumns {
  const n = ids.length;
  return {
    id: ids,
    frequency: scratchInt32(n),
    recency: scratchInt32(n),
    T: scratchInt32(n),
    monetary: scratchFloat64(n),
    orders: scratchInt32(n),
    total: scratchFloat64(n),
    firstPurchase: scratchInt32(n),
    lastPurchase: scratchInt32(n),
  };
}

/** Customer k's columns when its purchases are not in date order: its periods sorted, then counted. */
function unorderedCustomer(
  customers: CustomerColumns,
  k: number,
  day: Float64Array,
  spend: Float64Array,
  from: number,
  to: number,
  periodDays: number,
  asOfPeriod: number
): void {
  const periods = new Float64Array(to - from);
  let firstDay = Infinity;
  let lastDay = 0;
  for (let j = from; j < to; j++) {
    periods[j - from] = Math.floor((day[j] - PERIOD_ANCHOR) / periodDays);
    if (day[j] < firstDay) firstDay = day[j];
    if (day[j] > lastDay) lastDay = day[j];
  }
  const first = Math.floor((firstDay - PERIOD_ANCHOR) / periodDays);
  let repeatSpend = 0;
  for (let j = from; j < to; j++) if (periods[j - from] !== first) repeatSpend += spend[j];
  periods.sort();
  let distinct = 1;
  for (let p = 1; p < periods.length; p++) if (periods[p] !== periods[p - 1]) distinct++;
  const frequency = distinct - 1;
  customers.frequency[k] = frequency;
  customers.recency[k] = periods[periods.length - 1] - first;
  customers.T[k] = asOfPeriod - first;
  customers.monetary[k] = frequency > 0 ? repeatSpend / frequency : 0;
  customers.firstPurchase[k] = firstDay;
  customers.lastPurchase[k] = lastDay;
}

/**
 * Customer ids to numbers in order of first appearance: an open-addressing hash table, doubled whenever it is half
 * full so that it stays small enough for the cache, holding each customer's hash; the ids themselves are kept in a
 * list of their own, so comparing one reads neither the cells again nor scattered memory. ~3× cheaper than a Map.
 * 1 and "1" stay different customers, as in a Map.
 */
class CustomerIndex {
  /** The customers' ids: customer k is ids[k]. */
  readonly ids: (string | number)[] = [];
  private hashes = scratchInt32(1024);
  private slots = scratchInt32(2048).fill(-1);

  /** The customer's number; a new customer is numbered next. */
  numberOf(id: string | number): number {
    const hash = hashId(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot];
      if (k < 0) return this.add(id, hash, slot);
      if (this.hashes[k] === hash && this.ids[k] === id) return k;
    }
  }

  private add(id: string | number, hash: number, slot: number): number {
    const k = this.ids.length;
    if (k === this.hashes.length) this.hashes = grown(this.hashes);
    this.ids.push(id);
    this.hashes[k] = hash;
    this.slots[slot] = k;
    if (2 * this.ids.length > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = scratchInt32(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.ids.length; k++) {
      let slot = this.hashes[k] & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = k;
    }
    this.slots = slots;
  }
}

/** The hashes, twice as long; scratch, as the table is rebuilt on every call. */
function grown(values: Int32Array): Int32Array<ArrayBuffer> {
  const larger = scratchInt32(2 * values.length);
  larger.set(values);
  return larger;
}

/**
 * FNV-1a over a text id's UTF-16 code units, or over a numeric id's integer and fractional parts, then MurmurHash3's
 * finaliser: ids that differ only in their last digits ("00001", "00002"…) must not crowd into neighbouring slots.
 */
function hashId(id: string | number): number {
  let hash = 0x811c9dc5;
  if (typeof id === "string") {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  } else {
    hash = Math.imul(hash ^ (id | 0), 0x01000193);
    hash = Math.imul(hash ^ ((id - Math.trunc(id)) * 2 ** 31), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
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
  if (serial < FIRST_EXCEL_DATE) throw cvaError("summary.dateBeforeExcel", { row, value: serial });
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
