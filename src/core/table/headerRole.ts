/** What a column holds, as far as segmentation cares. */
export type ColumnRole = "customer" | "recency" | "frequency" | "monetary" | "date" | "amount";

/**
 * Header words per role, English and Chinese, written already normalised (see normaliseHeader). Customer tables
 * name their measures (Recency, 频次, 消费金额…); transaction tables have a date and an amount.
 */
const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  customer: [
    "customer",
    "customerid",
    "customerno",
    "customernumber",
    "customername",
    "client",
    "clientid",
    "member",
    "memberid",
    "userid",
    "account",
    "accountid",
    "id",
    "客户",
    "客户编号",
    "客户id",
    "客户名称",
    "客户号",
    "顾客",
    "顾客编号",
    "会员",
    "会员编号",
    "会员id",
    "用户",
    "用户id",
    "用户编号",
  ],
  recency: [
    "recency",
    "r",
    "dayssincelastpurchase",
    "dayssincelastorder",
    "dayssince",
    "最近购买",
    "最近一次购买",
    "最近消费",
    "最近一次消费",
    "最近购买天数",
    "距今天数",
    "距上次购买天数",
    "最近",
  ],
  frequency: [
    "frequency",
    "f",
    "freq",
    "orders",
    "ordercount",
    "numberoforders",
    "purchases",
    "purchasecount",
    "numberofpurchases",
    "visits",
    "频次",
    "频率",
    "购买次数",
    "消费次数",
    "订单数",
    "订单数量",
    "次数",
  ],
  monetary: [
    "monetary",
    "m",
    "monetaryvalue",
    "spend",
    "totalspend",
    "revenue",
    "sales",
    "totalsales",
    "金额",
    "消费金额",
    "总金额",
    "累计消费",
    "累计金额",
    "消费总额",
    "销售额",
  ],
  date: [
    "date",
    "orderdate",
    "purchasedate",
    "transactiondate",
    "invoicedate",
    "日期",
    "购买日期",
    "交易日期",
    "订单日期",
    "下单日期",
    "消费日期",
  ],
  amount: [
    "amount",
    "orderamount",
    "ordervalue",
    "transactionamount",
    "total",
    "price",
    "交易金额",
    "订单金额",
    "支付金额",
    "实付金额",
  ],
};

const ROLES = Object.keys(SYNONYMS) as ColumnRole[];

/**
 * A header as compared with the synonyms: width-folded (NFKC, so "ＩＤ" is "id"), lower case, parenthesised
 * notes dropped ("Recency (days)" is "recency") and every space and punctuation mark removed.
 * @example normaliseHeader(" Customer-ID ") // "customerid"
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * The role a header names: an exact synonym first, else the longest synonym (two characters or more) the header
 * contains, so "Total amount" is an amount and "客户名称" a customer. Undefined when nothing matches.
 * @example headerRole("最近一次购买") // "recency"
 */
export function headerRole(text: string): ColumnRole | undefined {
  const header = normaliseHeader(text);
  if (header === "") return undefined;
  let best: ColumnRole | undefined;
  let bestLength = 1;
  for (const role of ROLES) {
    for (const synonym of SYNONYMS[role]) {
      if (synonym === header) return role;
      if (synonym.length > bestLength && header.includes(synonym)) {
        best = role;
        bestLength = synonym.length;
      }
    }
  }
  return best;
}
