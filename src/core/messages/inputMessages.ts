import type { MessageTable } from "./messageTypes";

/** Reading the cells and ranges a function was given, and the guard on every result cell. */
export const INPUT_MESSAGES = {
  "cell.blank": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} is blank.",
    "zh-CN": "{{what}}为空。",
  },
  "cell.notNumber": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "value" },
    "en-US": "{{what}} must be a number, got {{value}}.",
    "zh-CN": "{{what}}必须是数字，当前为 {{value}}。",
  },
  "cell.notFinite": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} is not a finite number.",
    "zh-CN": "{{what}}不是有限的数字。",
  },
  "cell.errorValue": {
    excel: "input",
    params: { code: "text" },
    "en-US": "The input holds {{code}}.",
    "zh-CN": "输入中含有 {{code}}。",
  },
  "cell.holdsError": {
    excel: "input",
    params: { what: "phrase", detail: "phrase" },
    "en-US": "{{what}} holds an error: {{detail}}",
    "zh-CN": "{{what}}含有错误值：{{detail}}",
  },
  "cell.unsupported": {
    excel: "#VALUE!",
    "en-US":
      "A cell holds a value of a kind no function reads (expected a number, text, TRUE/FALSE or a blank).",
    "zh-CN": "某个单元格的值类型无法读取（应为数字、文本、TRUE/FALSE 或空白）。",
  },
  "range.empty": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} is an empty range.",
    "zh-CN": "{{what}}是空区域。",
  },
  "range.notRectangular": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} is not a rectangular range.",
    "zh-CN": "{{what}}不是矩形区域。",
  },
  "range.notColumn": {
    excel: "#VALUE!",
    params: { what: "phrase", columns: "number" },
    "en-US": "{{what}} must be a single column, got {{columns}} columns.",
    "zh-CN": "{{what}}必须是单列，当前有 {{columns}} 列。",
  },
  "range.notList": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} must be a single row or column.",
    "zh-CN": "{{what}}必须是单行或单列。",
  },
  "range.notSingle": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} must be a single value.",
    "zh-CN": "{{what}}必须是单个值。",
  },
  "range.rowCounts": {
    excel: "#VALUE!",
    params: { sizes: "phrases" },
    "en-US": "The ranges must have the same number of rows: {{sizes}}.",
    "zh-CN": "各区域的行数必须相同：{{sizes}}。",
  },
  "range.rowCount": {
    params: { what: "phrase", rows: "number" },
    "en-US": "{{what}} has {{rows}}",
    "zh-CN": "{{what}}有 {{rows}} 行",
  },
  "range.noValues": {
    excel: "#N/A",
    params: { what: "phrase" },
    "en-US": "{{what}} holds no values: there is nothing to rank.",
    "zh-CN": "{{what}}中没有任何数值，无从排名。",
  },
  "option.unknown": {
    excel: "#VALUE!",
    params: { what: "phrase", choices: "text", value: "value" },
    "en-US": "{{what}} must be one of {{choices}}; got {{value}}.",
    "zh-CN": "{{what}}必须是 {{choices}} 之一，当前为 {{value}}。",
  },
  "measure.notFinite": {
    excel: "#VALUE!",
    params: { what: "phrase" },
    "en-US": "{{what}} holds a value that is not a finite number.",
    "zh-CN": "{{what}}中有不是有限数字的值。",
  },
  "result.notFinite": {
    excel: "#NUM!",
    bare: true,
    "en-US": "The result is too large for a number in Excel.",
    "zh-CN": "结果超出了 Excel 数字的范围。",
  },
  "result.unexpected": {
    excel: "#VALUE!",
    params: { detail: "text" },
    "en-US": "Unexpected failure: {{detail}}",
    "zh-CN": "意外错误：{{detail}}",
  },
} as const satisfies MessageTable;
