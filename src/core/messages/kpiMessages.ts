import type { MessageTable } from "./messageTypes";

/** The customer-value KPIs: CLV, CLVRETENTION, CAC, RETENTIONRATE and CHURNRATE. */
export const KPI_MESSAGES = {
  "kpi.negative": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "number" },
    "en-US": "{{what}} must not be negative, got {{value}}.",
    "zh-CN": "{{what}}不能为负数，当前为 {{value}}。",
  },
  "kpi.fraction": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "number" },
    "en-US": "{{what}} must lie between 0 and 1 (e.g. 0.4 for 40 %), got {{value}}.",
    "zh-CN": "{{what}}必须介于 0 与 1 之间（例如 40 % 写作 0.4），当前为 {{value}}。",
  },
  "kpi.rate": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "number" },
    "en-US":
      "{{what}} is a rate per period from 0 to less than 1 (e.g. 0.12 for 12 %), got {{value}}.",
    "zh-CN": "{{what}}是每期的比率，取值从 0 到小于 1（例如 12 % 写作 0.12），当前为 {{value}}。",
  },
  "kpi.percentAsWhole": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "number", share: "number" },
    "en-US": "{{what}} is a share, not a percentage: for {{value}} % type {{share}}.",
    "zh-CN": "{{what}}应填小数而不是百分数：{{value}} % 请写作 {{share}}。",
  },
  "kpi.noNewCustomers": {
    excel: "#DIV/0!",
    bare: true,
    "en-US": "No new customers: the acquisition cost per customer is undefined.",
    "zh-CN": "没有新客户：无法计算每位客户的获客成本。",
  },
  "kpi.noStartCustomers": {
    excel: "#DIV/0!",
    bare: true,
    "en-US": "No customers at the start of the period: the rate is undefined.",
    "zh-CN": "期初没有客户：无法计算比率。",
  },
  "kpi.newExceedEnd": {
    excel: "#VALUE!",
    params: { added: "number", end: "number" },
    "en-US": "New customers ({{added}}) exceed the customers at the end ({{end}}).",
    "zh-CN": "新客户数（{{added}}）超过了期末客户数（{{end}}）。",
  },
  "kpi.retainedExceedStart": {
    excel: "#VALUE!",
    params: { retained: "number", start: "number" },
    "en-US":
      "End minus new customers ({{retained}}) exceeds the customers at the start ({{start}}).",
    "zh-CN": "期末客户数减去新客户数（{{retained}}）超过了期初客户数（{{start}}）。",
  },
  "kpi.unbounded": {
    excel: "#VALUE!",
    "en-US":
      "With full retention and no discounting the lifetime value is unbounded: give a number of periods.",
    "zh-CN": "留存率为 1 且不折现时终身价值无上限：请给出期数。",
  },
  "kpi.periodsWhole": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "Periods must be a whole number, got {{value}}.",
    "zh-CN": "期数必须是整数，当前为 {{value}}。",
  },
} as const satisfies MessageTable;
