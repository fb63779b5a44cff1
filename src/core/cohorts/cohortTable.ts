import { type CellValue, isBlank } from "../cells";
import { cvaError } from "../errors";
import { AFTER_LAST_DATE, readCustomer, readDate } from "../summary/rfmSummary";
import { type CalendarPeriod, monthOfSerial, periodLabel, periodOfMonth } from "./calendarPeriods";

/**
 * What a cohort table counts in the k-th period after acquisition:
 * - "active": customers of the cohort who buy in that period (the usual cohort triangle; a customer who skips a
 *   period and comes back counts again, so the counts can rise);
 * - "retained": customers of the cohort who buy in that period or a later one up to the as-of date, i.e. whose
 *   last purchase is not before it. Never rises, so it reads as survivors for the sBG; near the as-of date it
 *   undercounts customers who are only pausing.
 */
export type CohortCount = "active" | "retained";

export const COHORT_COUNTS: readonly CohortCount[] = ["active", "retained"];

/**
 * Acquisition cohorts of a transaction log. A customer belongs to the cohort of the calendar period (month, quarter
 * or year) of their first purchase; period k of a cohort is the k-th calendar period after that one (period 0 is
 * the acquisition period itself, where every member is active). Only cohorts with members are listed, oldest first.
 */
export interface CohortTable {
  period: CalendarPeriod;
  count: CohortCount;
  /** The whole-day as-of date: later transactions are left out, its period counts as observed (to date). */
  asOfDate: number;
  /** Per cohort: "1997-01", "1997-Q1" or "1997". */
  labels: string[];
  /** Per cohort: its period number (see calendarPeriods.ts). */
  cohortPeriods: number[];
  /** Per cohort: customers acquired. */
  sizes: number[];
  /**
   * Per cohort: customers counted at periods 0, 1, …, up to the as-of date's period (so later cohorts have shorter
   * rows, the triangle); counts[c][0] = sizes[c].
   */
  counts: number[][];
  /** Periods of the longest row: the width of the triangle. */
  width: number;
  /** Transactions dated after the as-of date, left out. */
  excludedTransactions: number;
}

/**
 * Counts the cohorts of a transaction log (customer id and Excel date per row). Rows blank in both columns are
 * skipped; any other bad row throws #VALUE! naming the column and its 1-based row. Linear in the rows: one Map
 * lookup per transaction, then a counting sort by customer.
 * @example cohortTable(["a", "b", "a"], [35431, 35470, 35500], { period: "M" }).counts // [[2, 0, 1]] (a in Jan and Mar)
 */
export function cohortTable(
  customerIds: readonly CellValue[],
  dates: readonly CellValue[],
  options: { period: CalendarPeriod; asOfDate?: number; count?: CohortCount }
): CohortTable {
  const { period, count = "active" } = options;
  const n = customerIds.length;
  if (dates.length !== n) throw cvaError("cohort.lengths", { ids: n, dates: dates.length });
  const asOfGiven = options.asOfDate;
  if (asOfGiven !== undefined && !(asOfGiven >= 1 && asOfGiven < AFTER_LAST_DATE))
    throw cvaError("summary.asOf", { value: asOfGiven });
  const log = readLog(customerIds, dates);
  const asOfDate = options.asOfDate === undefined ? log.latest : Math.floor(options.asOfDate);
  const customers = log.customers;
  const first = new Float64Array(customers).fill(Infinity);
  const last = new Float64Array(customers).fill(-Infinity);
  const periodOfRow = new Float64Array(n);
  let excludedTransactions = 0;
  let previousDay = NaN;
  let p = NaN;
  for (let i = 0; i < n; i++) {
    const owner = log.owner[i];
    if (owner < 0) continue;
    const day = log.day[i];
    if (day > asOfDate) {
      log.owner[i] = -1;
      excludedTransactions++;
      continue;
    }
    // Logs are usually in date order: one calendar conversion per day, not per transaction.
    if (day !== previousDay) {
      p = periodOfMonth(monthOfSerial(day), period);
      previousDay = day;
    }
    periodOfRow[i] = p;
    if (p < first[owner]) first[owner] = p;
    if (p > last[owner]) last[owner] = p;
  }
  const active = count === "active" ? { owner: log.owner, periodOfRow } : null;
  return { ...tabulate(first, last, period, asOfDate, active), excludedTransactions };
}

/**
 * Cohorts of customers known by their first and last purchase dates (a customer table, or a transaction log's
 * summary), counting retained customers — the only count first and last purchases determine: a customer is counted
 * from the period of their first purchase through that of their last, as of the latest last purchase. Throws
 * #VALUE! naming the 1-based row of a date that is not a date or a last purchase before the first.
 */
export function retainedCohortTable(
  firstPurchases: ArrayLike<number>,
  lastPurchases: ArrayLike<number>,
  { period }: { period: CalendarPeriod }
): CohortTable {
  const customers = firstPurchases.length;
  if (lastPurchases.length !== customers)
    throw cvaError("cohort.lengths", { ids: customers, dates: lastPurchases.length });
  let latest = -Infinity;
  const first = new Float64Array(customers);
  const last = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const [from, to] = [firstPurchases[i], lastPurchases[i]];
    if (!(from >= 1 && to < AFTER_LAST_DATE && from <= to))
      throw cvaError("cohort.purchaseDates", { row: i + 1, first: from, last: to });
    latest = Math.max(latest, Math.floor(to));
    first[i] = periodOfMonth(monthOfSerial(from), period);
    last[i] = periodOfMonth(monthOfSerial(to), period);
  }
  if (latest === -Infinity) throw cvaError("summary.noTransactions");
  return { ...tabulate(first, last, period, latest, null), excludedTransactions: 0 };
}

/**
 * The triangle from each customer's first and last counted period (Infinity for a customer with none), counting
 * retained customers, or active ones when each transaction's owner and period are given.
 */
function tabulate(
  first: Float64Array,
  last: Float64Array,
  period: CalendarPeriod,
  asOfDate: number,
  active: { owner: Int32Array; periodOfRow: Float64Array } | null
): Omit<CohortTable, "excludedTransactions"> {
  const lastPeriod = periodOfMonth(monthOfSerial(asOfDate), period);
  let earliest = Infinity;
  for (let c = 0; c < first.length; c++) if (first[c] < earliest) earliest = first[c];
  if (earliest === Infinity) throw cvaError("summary.asOfBeforeAll", { asOf: asOfDate });
  const width = lastPeriod - earliest + 1;
  if (width > MAX_WIDTH) throw cvaError("cohort.tooWide", { width });
  const rows = cohortRowsOf(first, earliest, width);
  // grid[row · width + k]: customers of that cohort counted at period k.
  const grid = new Float64Array(rows.cohorts * width);
  if (active)
    countActive(active.owner, active.periodOfRow, first, earliest, rows.rowOf, width, grid);
  else countRetained(first, last, earliest, rows.rowOf, width, grid);
  return {
    ...triangle(grid, rows.cohortPeriods, lastPeriod, width, period),
    count: active ? "active" : "retained",
    asOfDate,
  };
}

/** Excel's 16,384 columns, less the cohort and customers columns. */
const MAX_WIDTH = 16_382;

/** The periods that have a cohort, oldest first, and each period offset's row (−1 without a cohort). */
function cohortRowsOf(first: Float64Array, earliest: number, width: number) {
  const rowOf = new Int32Array(width).fill(-1);
  for (let c = 0; c < first.length; c++) if (first[c] !== Infinity) rowOf[first[c] - earliest] = 0;
  const cohortPeriods: number[] = [];
  for (let offset = 0; offset < width; offset++) {
    if (rowOf[offset] < 0) continue;
    rowOf[offset] = cohortPeriods.length;
    cohortPeriods.push(earliest + offset);
  }
  return { rowOf, cohortPeriods, cohorts: cohortPeriods.length };
}

interface TransactionLog {
  /** Customer number per row, −1 for a skipped blank row. */
  owner: Int32Array;
  day: Float64Array;
  customers: number;
  latest: number;
}

function readLog(customerIds: readonly CellValue[], dates: readonly CellValue[]): TransactionLog {
  const n = customerIds.length;
  const owner = new Int32Array(n).fill(-1);
  const day = new Float64Array(n);
  // A Map numbers the customers (1 and "1" stay apart): in a log each customer recurs, and a Map sized by the
  // customers stays in cache where a table sized by the rows does not.
  const index = new Map<string | number, number>();
  let previousId: CellValue = undefined;
  let previousOwner = -1;
  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const id = customerIds[i];
    const date = dates[i];
    if (
      ((typeof id === "number" && id > -Infinity && id < Infinity) ||
        (typeof id === "string" && id !== "")) &&
      typeof date === "number" &&
      date >= 1 &&
      date < AFTER_LAST_DATE
    ) {
      day[i] = Math.floor(date);
    } else if (isBlank(id) && isBlank(date)) {
      continue;
    } else {
      readCustomer(id, i + 1);
      day[i] = readDate(date, i + 1);
    }
    if (day[i] > latest) latest = day[i];
    // Logs usually list a customer's rows together: skip the hash lookup while the id repeats.
    if (id !== previousId) {
      const known = index.get(id as string | number);
      previousOwner = known ?? index.size;
      if (known === undefined) index.set(id as string | number, previousOwner);
      previousId = id;
    }
    owner[i] = previousOwner;
  }
  if (latest === -Infinity) throw cvaError("summary.noTransactions");
  return { owner, day, customers: index.size, latest };
}

/**
 * Each customer's distinct periods, counted once: the rows are bucketed by customer (counting sort), and a stamp
 * per period offset remembers which customer was last counted there.
 */
function countActive(
  owner: Int32Array,
  periodOfRow: Float64Array,
  first: Float64Array,
  earliest: number,
  rowOf: Int32Array,
  width: number,
  grid: Float64Array
): void {
  const customers = first.length;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < owner.length; i++) if (owner[i] >= 0) start[owner[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const periods = new Float64Array(start[customers]);
  for (let i = 0; i < owner.length; i++)
    if (owner[i] >= 0) periods[fill[owner[i]]++] = periodOfRow[i];
  const countedFor = new Int32Array(width).fill(-1);
  for (let c = 0; c < customers; c++) {
    if (first[c] === Infinity) continue; // all of this customer's purchases came after the as-of date
    const row = rowOf[first[c] - earliest] * width;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const k = periods[j] - first[c];
      if (countedFor[k] === c) continue;
      countedFor[k] = c;
      grid[row + k]++;
    }
  }
}

/** Customers whose last purchase is k or more periods after their first, per k: a histogram summed from the top. */
function countRetained(
  first: Float64Array,
  last: Float64Array,
  earliest: number,
  rowOf: Int32Array,
  width: number,
  grid: Float64Array
): void {
  for (let c = 0; c < first.length; c++) {
    if (first[c] === Infinity) continue;
    grid[rowOf[first[c] - earliest] * width + (last[c] - first[c])]++;
  }
  for (let row = 0; row < grid.length / width; row++)
    for (let k = width - 2; k >= 0; k--) grid[row * width + k] += grid[row * width + k + 1];
}

/** The cohorts' rows, each cut at the as-of date's period. */
function triangle(
  grid: Float64Array,
  cohortPeriods: number[],
  lastPeriod: number,
  width: number,
  period: CalendarPeriod
) {
  const counts = cohortPeriods.map((cohortPeriod, row) =>
    Array.from(grid.subarray(row * width, row * width + lastPeriod - cohortPeriod + 1))
  );
  return {
    period,
    labels: cohortPeriods.map((p) => periodLabel(p, period)),
    cohortPeriods,
    sizes: counts.map((row) => row[0]),
    counts,
    width,
  };
}

/** The header of a cohort table's sheet form: cohort, customers, then the periods 1 … width − 1. */
export function cohortHeader(table: CohortTable): (string | number)[] {
  return ["cohort", "customers", ...Array.from({ length: table.width - 1 }, (_, k) => k + 1)];
}

/**
 * The table as rows under cohortHeader: label, size, then per period the count (`"counts"`) or the share of the
 * cohort (`"rates"`), blank past the as-of date. As a rate, the cell is the seeds' retention
 * (end − new) / start with start = the cohort at acquisition, end = its members counted in that period, and
 * new = 0: customers won later belong to later cohorts.
 */
export function cohortRows(table: CohortTable, as: "counts" | "rates"): (string | number)[][] {
  return table.counts.map((row, c) => {
    const cells: (string | number)[] = [table.labels[c], table.sizes[c]];
    for (let k = 1; k < table.width; k++)
      cells.push(k < row.length ? (as === "counts" ? row[k] : row[k] / table.sizes[c]) : "");
    return cells;
  });
}
