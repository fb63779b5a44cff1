/**
 * Parser for CDNOW_master.txt, the CDNOW transaction log of Fader & Hardie (23,570 customers' purchases,
 * 1997-01-01 … 1998-06-30): whitespace-separated `customer_id date number_of_cds dollar_value`, dates as
 * yyyymmdd, zero-padded ids, an optional header line, CRLF or LF line ends.
 */
export interface CdnowTransactions {
  /** Customer ids as written ("00001"): text, so the padding survives. */
  customerId: string[];
  /** Excel serial dates (1900 date system). */
  date: number[];
  cds: number[];
  amount: number[];
}

/** Days from Excel's day 0 (1899-12-30, which absorbs Lotus' phantom 1900-02-29) to 1970-01-01. */
const EXCEL_UNIX_EPOCH = 25569;

/** The Excel serial number of a calendar date (valid from 1900-03-01 on, like Excel's own). */
export function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + EXCEL_UNIX_EPOCH;
}

/** @example parseCdnowMaster("00001 19970101 1 11.77").date // [35431] */
export function parseCdnowMaster(text: string): CdnowTransactions {
  const result: CdnowTransactions = { customerId: [], date: [], cds: [], amount: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === "") return;
    if (fields[0] === "customer_id") return;
    const [id, yyyymmdd, cds, amount] = fields;
    if (fields.length !== 4 || !/^\d{8}$/.test(yyyymmdd))
      throw new SyntaxError(`CDNOW line ${i + 1} is not "id yyyymmdd cds amount": ${line}`);
    const ymd = Number(yyyymmdd);
    result.customerId.push(id);
    result.date.push(excelSerial(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100));
    result.cds.push(Number(cds));
    result.amount.push(Number(amount));
  });
  return result;
}
