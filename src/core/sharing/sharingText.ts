/**
 * The words the sharing features write into the workbook (the Change column, the movement table, the Segment
 * summary sheet and its recommended actions), by i18n key, in the two languages the add-in ships. They live beside
 * the engine rather than only in the task pane's bundle because what is written must be in the reader's language
 * even when the pane is not the writer (the workbench export, tests); the pane adds the same keys to i18next
 * (addResourceBundle(lng, "translation", SHARING_TEXT[lng], true)), so one set of keys serves both; the recommended
 * actions' words (action.*) are the pane's. Templates use i18next's {{name}} placeholders.
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

/**
 * A Translate over nested texts (SHARING_TEXT[locale], or it merged with the pane's own): "change.tierMove" is
 * texts.change.tierMove, {{name}} placeholders are filled from params, and an unknown key comes back as is (as
 * i18next does), so a missing word shows up as its key rather than as nothing.
 * @example sharingTranslator(SHARING_TEXT["en-US"])("change.tierMove", { from: "High", to: "Low" }) // "High→Low"
 */
export function sharingTranslator(texts: Texts): Translate {
  return (key, params = {}) => {
    let node: string | Texts | undefined = texts;
    for (const part of key.split("."))
      node = typeof node === "object" && Object.hasOwn(node, part) ? node[part] : undefined;
    const template = typeof node === "string" ? node : key;
    return template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : placeholder
    );
  };
}
