import type { MessageTable } from "./messageTypes";

/**
 * The names messages give the arguments and cells they are about ("Gross margin must lie between 0 and 1"): phrases,
 * written as they start a sentence. The transaction-table arguments keep their parameter names (customerIds, dates…),
 * which Excel shows as they are in every language.
 */
export const TERMS = {
  "term.avgOrderValue": { "en-US": "Average order value", "zh-CN": "平均订单金额" },
  "term.purchasesPerPeriod": { "en-US": "Purchases per period", "zh-CN": "每期购买次数" },
  "term.lifespan": { "en-US": "Lifespan", "zh-CN": "客户生命周期" },
  "term.acquisitionCost": { "en-US": "Acquisition cost", "zh-CN": "获客成本" },
  "term.grossMargin": { "en-US": "Gross margin", "zh-CN": "毛利率" },
  "term.discountRate": { "en-US": "Discount rate", "zh-CN": "折现率" },
  "term.marginPerPeriod": { "en-US": "Margin per period", "zh-CN": "每期毛利" },
  "term.retentionRate": { "en-US": "Retention rate", "zh-CN": "留存率" },
  "term.periods": { "en-US": "Periods", "zh-CN": "期数" },
  "term.marketingSpend": { "en-US": "Marketing spend", "zh-CN": "营销支出" },
  "term.salesSpend": { "en-US": "Sales spend", "zh-CN": "销售支出" },
  "term.newCustomers": { "en-US": "New customers", "zh-CN": "新客户数" },
  "term.startCustomers": { "en-US": "Customers at the start", "zh-CN": "期初客户数" },
  "term.endCustomers": { "en-US": "Customers at the end", "zh-CN": "期末客户数" },
  "term.recency": { "en-US": "Recency", "zh-CN": "最近购买间隔（recency）" },
  "term.frequency": { "en-US": "Frequency", "zh-CN": "购买频次（frequency）" },
  "term.monetary": { "en-US": "Monetary", "zh-CN": "消费金额（monetary）" },
  "term.bins": { "en-US": "Bins", "zh-CN": "分档数（bins）" },
  "term.format": { "en-US": "Format", "zh-CN": "格式（format）" },
  "term.rfmCodes": { "en-US": "RFM codes", "zh-CN": "RFM 代码" },
  "term.segmentMap": { "en-US": "Segment map", "zh-CN": "分群映射表" },
  "term.values": { "en-US": "Values", "zh-CN": "数值（values）" },
  "term.cutoffs": { "en-US": "Cutoffs", "zh-CN": "分层比例（cutoffs）" },
  "term.labels": { "en-US": "Labels", "zh-CN": "层级名称（labels）" },
  "term.basis": { "en-US": "Basis", "zh-CN": "分层依据（basis）" },
  "term.weights": { "en-US": "Weights", "zh-CN": "权重（weights）" },
  "term.directions": { "en-US": "Directions", "zh-CN": "方向（directions）" },
  "term.cutoff": {
    params: { n: "number" },
    "en-US": "Cutoff {{n}}",
    "zh-CN": "第 {{n}} 个分层比例",
  },
  "term.label": { params: { n: "number" }, "en-US": "Label {{n}}", "zh-CN": "第 {{n}} 个层级名称" },
  "term.weight": { params: { n: "number" }, "en-US": "Weight {{n}}", "zh-CN": "第 {{n}} 个权重" },
  "term.direction": {
    params: { n: "number" },
    "en-US": "Direction {{n}}",
    "zh-CN": "第 {{n}} 个方向",
  },
  "term.valuesColumn": {
    params: { n: "number" },
    "en-US": "Values column {{n}}",
    "zh-CN": "数值第 {{n}} 列",
  },
  "term.measure": { params: { n: "number" }, "en-US": "Measure {{n}}", "zh-CN": "第 {{n}} 个指标" },
  "term.argument": {
    params: { name: "text" },
    "en-US": "{{name}}",
    "zh-CN": "参数 {{name}}",
  },
  "term.inRow": {
    params: { what: "phrase", row: "number" },
    "en-US": "{{what}} in row {{row}}",
    "zh-CN": "第 {{row}} 行的{{what}}",
  },
  "term.modelParameter": {
    params: { model: "text", parameter: "text" },
    "en-US": "{{model}} parameter {{parameter}}",
    "zh-CN": "{{model}} 参数 {{parameter}}",
  },
  "term.argumentRow": {
    params: { name: "text", row: "number" },
    "en-US": "{{name}} row {{row}}",
    "zh-CN": "{{name}} 第 {{row}} 行",
  },
} as const satisfies MessageTable;
