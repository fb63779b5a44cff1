import type { MessageTable } from "./messageTypes";

/**
 * What the workbook's store says about what it holds (src/core/sharing, read by the pane's application layer): parts
 * set aside, a configuration or history that cannot be used, and why. Phrases: the pane shows them, nothing travels
 * to a cell.
 */
export const STORE_MESSAGES = {
  "store.incomplete": {
    params: { key: "text" },
    "en-US": "The stored {{key}} is incomplete and was set aside.",
    "zh-CN": "工作簿中保存的 {{key}} 不完整，已弃用。",
  },
  "store.analysesUnusable": {
    "en-US": "The stored list of analyses cannot be read; the pane starts afresh.",
    "zh-CN": "无法读取工作簿中保存的分析列表；窗格将重新开始。",
  },
  "store.outputUnusable": {
    "en-US": "The stored record of the add-in's output cannot be read; it was set aside.",
    "zh-CN": "无法读取加载项输出区域的保存记录，已弃用。",
  },
  "store.historyUnusable": {
    params: { reason: "phrase" },
    "en-US":
      "The stored run history cannot be used ({{reason}}); monitoring starts again from this run.",
    "zh-CN": "无法使用保存的运行记录（{{reason}}）；监控将从本次运行重新开始。",
  },
  "store.reasonForeign": {
    "en-US": "it was not written by this add-in",
    "zh-CN": "它不是由本加载项写入的",
  },
  "store.reasonVersion": {
    params: { version: "text" },
    "en-US": "format version {{version}}",
    "zh-CN": "格式版本 {{version}}",
  },
  "store.reasonHeader": {
    "en-US": "its header is damaged",
    "zh-CN": "其头部信息已损坏",
  },
  "store.reasonData": {
    "en-US": "its data is damaged",
    "zh-CN": "其数据已损坏",
  },
  "store.configNotText": {
    "en-US": "The stored configuration is not text.",
    "zh-CN": "保存的配置不是文本。",
  },
  "store.configNotJson": {
    "en-US": "The stored configuration is damaged (not valid JSON).",
    "zh-CN": "保存的配置已损坏（不是有效的 JSON）。",
  },
  "store.configForeign": {
    "en-US": "The stored configuration was not written by Customer Value for Excel.",
    "zh-CN": "保存的配置不是由 Customer Value for Excel 写入的。",
  },
  "store.configNewer": {
    params: { version: "number" },
    "en-US":
      "The stored configuration was written by a newer version of the add-in (format {{version}}); update the add-in to use it.",
    "zh-CN": "保存的配置由更新版本的加载项写入（格式 {{version}}）；请更新加载项后再使用。",
  },
  "store.configVersion": {
    params: { version: "text" },
    "en-US": "The stored configuration has an unknown format version ({{version}}).",
    "zh-CN": "保存的配置格式版本未知（{{version}}）。",
  },
  "store.configInvalid": {
    params: { fields: "text" },
    "en-US": "The stored configuration is not valid: {{fields}}.",
    "zh-CN": "保存的配置无效：{{fields}}。",
  },
  "store.formulasDamaged": {
    "en-US": "The kept formulas are damaged (not valid JSON).",
    "zh-CN": "保存的公式已损坏（不是有效的 JSON）。",
  },
  "store.formulasForeign": {
    "en-US": "The kept formulas are not in this add-in's format.",
    "zh-CN": "保存的公式不是本加载项的格式。",
  },
} as const satisfies MessageTable;
