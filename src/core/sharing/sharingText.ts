/**
 * The words the sharing features write into the workbook (the Change column, the movement table, the Segment
 * summary sheet), by i18n key, in the two languages the add-in ships. They live beside the engine that writes them;
 * the pane's i18next instance merges them in (addResourceBundle(lng, "translation", SHARING_TEXT[lng], true)) and
 * hands its t to the engine, so one set of keys and one translator serve both; the recommended actions' words
 * (action.*) are the pane's. Templates use i18next's {{name}} placeholders.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type SharingLocale = "en-US" | "zh-CN";

type Texts = { readonly [key: string]: string | Texts };

export const SHARING_TEXT: Readonly<Record<SharingLocale, Texts>> = {
  "en-US": {
    change: {
      header: "Change",
      new: "New",
      tierMove: "{{from}}→{{to}}",
      valueDrop: "value −{{percent}}%",
      aliveDrop: "P(alive) −{{points}} pts",
    },
    movement: {
      new: "New",
      gone: "Gone",
      corner: "Previous run ↓ / this run →",
    },
    segmentSummary: {
      sheetName: "Segment summary",
      title: "Segment summary",
      tier: "Tier",
      customers: "Customers",
      shareOfCustomers: "% of customers",
      value: "Value",
      shareOfValue: "% of value",
      changeSincePrevious: "Customers vs previous run",
      action: "Recommended action",
      movementTitle: "Movement since the previous run",
      noPrevious: "No previous run to compare with yet.",
      chartTitle: "Customers per tier",
    },
  },
  "zh-CN": {
    change: {
      header: "变化",
      new: "新客户",
      tierMove: "{{from}}→{{to}}",
      valueDrop: "价值 −{{percent}}%",
      aliveDrop: "存活概率 −{{points}} 个百分点",
    },
    movement: {
      new: "新增",
      gone: "已不在数据中",
      corner: "上次 ↓ / 本次 →",
    },
    segmentSummary: {
      sheetName: "客户分层摘要",
      title: "客户分层摘要",
      tier: "层级",
      customers: "客户数",
      shareOfCustomers: "客户占比 %",
      value: "价值",
      shareOfValue: "价值占比 %",
      changeSincePrevious: "客户数较上次变化",
      action: "建议行动",
      movementTitle: "与上次运行相比的迁移",
      noPrevious: "还没有可比较的上次运行。",
      chartTitle: "各层级客户数",
    },
  },
};
