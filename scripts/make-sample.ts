/**
 * Builds the workbench's bundled sample from the CDNOW transaction log in data/: every tenth customer
 * (2,357 of 23,570, the size of the classic CDNOW cohort sample), as a customer sheet and a transaction sheet.
 * Dates are Excel serial numbers (1900 date system), as Excel would hold them. Run: `npx tsx scripts/make-sample.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
const source = readFileSync(join(root, "data", "CDNOW_master.txt"), "utf8");
const excelEpoch = Date.UTC(1899, 11, 30);
const serial = (yyyymmdd: string) =>
  (Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8)) - excelEpoch) /
  86_400_000;
const asOf = serial("19980701");

interface Customer {
  id: string;
  days: Set<number>;
  first: number;
  last: number;
  spend: number;
}
const customers = new Map<string, Customer>();
const transactions: string[] = ["Customer ID,Date,CDs,Amount"];
for (const line of source.split(/\r?\n/).slice(1)) {
  const [id, date, cds, amount] = line.trim().split(/\s+/);
  if (!id || Number(id) % 10 !== 0) continue;
  const day = serial(date);
  transactions.push(`C${id},${day},${cds},${amount}`);
  const customer = customers.get(id) ?? {
    id,
    days: new Set<number>(),
    first: day,
    last: day,
    spend: 0,
  };
  customer.days.add(day);
  customer.first = Math.min(customer.first, day);
  customer.last = Math.max(customer.last, day);
  customer.spend += Number(amount);
  customers.set(id, customer);
}

const customerRows = ["Customer ID,First purchase,Last purchase,Recency (days),Frequency,Monetary"];
for (const c of customers.values()) {
  customerRows.push(
    `C${c.id},${c.first},${c.last},${asOf - c.last},${c.days.size},${c.spend.toFixed(2)}`
  );
}
writeFileSync(
  join(root, "src", "workbench", "sample", "cdnow-customers.csv"),
  customerRows.join("\n") + "\n"
);
writeFileSync(
  join(root, "src", "workbench", "sample", "cdnow-transactions.csv"),
  transactions.join("\n") + "\n"
);
console.log(`${customers.size} customers, ${transactions.length - 1} transactions`);
