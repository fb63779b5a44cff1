/** SQL text helpers: every name and value the statements embed goes through these. */

/** A column or table name as a quoted SQL identifier: `customer id` → `"customer id"`. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string literal: `O'Brien` → `'O''Brien'`. */
export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A DATE literal from an ISO date, checked so that nothing else reaches the SQL. */
export function dateLiteral(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate))
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  return `DATE '${isoDate}'`;
}
