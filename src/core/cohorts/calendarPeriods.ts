/**
 * Calendar months, quarters and years of Excel date serials (1900 date system), as consecutive integers so that
 * "periods since acquisition" is a subtraction. Excel's serial 60 is its phantom 1900-02-29: serials 1–60 are read as
 * Excel shows them (January and February 1900), later ones by the proleptic Gregorian calendar.
 */
export type CalendarPeriod = "M" | "Q" | "Y";

export const CALENDAR_PERIODS: readonly CalendarPeriod[] = ["M", "Q", "Y"];

/** Days from Excel's day 0 (1899-12-30, which absorbs the phantom 1900-02-29) to 1970-01-01. */
const EXCEL_UNIX_EPOCH = 25569;

/**
 * The month number (year·12 + month − 1) of a serial date; a time of day is ignored. Days to civil date after
 * Hinnant's "chrono-compatible low-level date algorithms": integer arithmetic only, no Date objects, so a million
 * transactions cost a few milliseconds.
 */
export function monthOfSerial(serial: number): number {
  const whole = Math.floor(serial);
  if (whole < 61) return 1900 * 12 + (whole < 32 ? 0 : 1);
  const z = whole - EXCEL_UNIX_EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10; // 0 = January
  const year = yearOfEra + era * 400 + (month < 2 ? 1 : 0);
  return year * 12 + month;
}

/** The period number of a month number: the month itself, its quarter (year·4 + q) or its year. */
export function periodOfMonth(month: number, period: CalendarPeriod): number {
  if (period === "M") return month;
  return period === "Q" ? Math.floor(month / 3) : Math.floor(month / 12);
}

/** A period's label: "1997-01", "1997-Q1" or "1997". */
export function periodLabel(index: number, period: CalendarPeriod): string {
  if (period === "Y") return String(index);
  const year = Math.floor(index / (period === "M" ? 12 : 4));
  const within = index - year * (period === "M" ? 12 : 4) + 1;
  return period === "M" ? `${year}-${String(within).padStart(2, "0")}` : `${year}-Q${within}`;
}
