import type { MessageTable } from "./messageTypes";

/** From a transaction table to one row per customer (RFMSUMMARY). */
export const SUMMARY_MESSAGES = {
  "summary.lengths": {
    excel: "#VALUE!",
    params: { ids: "number", dates: "number", amounts: "number" },
    "en-US":
      "customerIds, dates and amounts must have the same number of rows (got {{ids}}, {{dates}}, {{amounts}}).",
    "zh-CN":
      "customerIds、dates 和 amounts 的行数必须相同（当前为 {{ids}}、{{dates}}、{{amounts}}）。",
  },
  "summary.periodDays": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "periodDays must be a whole number of days ≥ 1, got {{value}}.",
    "zh-CN": "periodDays 必须是不小于 1 的整数天数，当前为 {{value}}。",
  },
  "summary.asOf": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US":
      "asOfDate must be a date (an Excel serial number from 1, 1900-01-01, to 2958465, 9999-12-31), got {{value}}.",
    "zh-CN":
      "asOfDate 必须是日期（Excel 序列号，从 1 即 1900-01-01 到 2958465 即 9999-12-31），当前为 {{value}}。",
  },
  "summary.noTransactions": {
    excel: "#N/A",
    "en-US": "There are no transactions: every row is blank.",
    "zh-CN": "没有交易：所有行都为空。",
  },
  "summary.asOfBeforeAll": {
    excel: "#N/A",
    params: { asOf: "date" },
    "en-US": "asOfDate {{asOf}} precedes every transaction.",
    "zh-CN": "asOfDate {{asOf}} 早于所有交易。",
  },
  "summary.customerBoolean": {
    excel: "#VALUE!",
    params: { row: "number" },
    "en-US": "customerIds row {{row}} is TRUE/FALSE, not a customer id.",
    "zh-CN": "customerIds 第 {{row}} 行是 TRUE/FALSE，不是客户编号。",
  },
  "summary.dateText": {
    excel: "#VALUE!",
    params: { row: "number", value: "value" },
    "en-US":
      "dates row {{row}} is text ({{value}}), not a date: Excel dates are serial numbers; convert the column (e.g. with DATEVALUE).",
    "zh-CN":
      "dates 第 {{row}} 行是文本（{{value}}）而不是日期：Excel 日期是序列号，请先转换该列（例如用 DATEVALUE）。",
  },
  "summary.dateWord": {
    excel: "#VALUE!",
    params: { row: "number", value: "value" },
    "en-US": "dates row {{row}} is {{value}}, not a date.",
    "zh-CN": "dates 第 {{row}} 行是 {{value}}，不是日期。",
  },
  "summary.headerRow": {
    excel: "#VALUE!",
    params: { value: "value" },
    "en-US":
      "Row 1 looks like a header ({{value}} where a date should be): select the transactions without the header row.",
    "zh-CN": "第 1 行看起来是标题行（日期处为 {{value}}）：请只选择交易数据，不要包含标题行。",
  },
  "summary.dateBeforeExcel": {
    excel: "#VALUE!",
    params: { row: "number", value: "number" },
    "en-US":
      "dates row {{row}} is {{value}}, not a date: Excel date serial numbers start at 1 (1900-01-01).",
    "zh-CN": "dates 第 {{row}} 行是 {{value}}，不是日期：Excel 日期序列号从 1（1900-01-01）开始。",
  },
  "summary.dateAfterExcel": {
    excel: "#VALUE!",
    params: { row: "number", value: "number" },
    "en-US": "dates row {{row}} is {{value}}, not a date: Excel dates end at 2958465 (9999-12-31).",
    "zh-CN":
      "dates 第 {{row}} 行是 {{value}}，不是日期：Excel 日期序列号最大为 2958465（9999-12-31）。",
  },
  "summary.amountsAreDates": {
    excel: "#VALUE!",
    "en-US":
      "Every amount equals its row's date: the amounts argument seems to be the date column. Select the amount column.",
    "zh-CN": "每一行的金额都等于该行的日期：amounts 参数似乎选成了日期列，请选择金额列。",
  },
} as const satisfies MessageTable;
