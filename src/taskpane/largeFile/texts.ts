import type { i18n } from "i18next";

/**
 * The large-file section's texts, registered with the pane's i18next when its chunk loads (so they cost the
 * initial bundle nothing): "largeFile.*" for the section, "problems.largeFile.*" for its ProblemBars.
 */
const TEXTS = {
  "en-US": {
    largeFile: {
      heading: "Summarise a large file",
      intro:
        "A transaction file of any size (.csv, .csv.gz, .tsv, .txt or .parquet) is read on this computer, in place: nothing is uploaded. One row per customer comes back, as CVA.RFMSUMMARY computes it.",
      choose: "Choose a file…",
      starting: "Opening {{file}}…",
      loading: "Reading {{file}}: {{done, number}} of {{total, number}} rows…",
      columns: "Columns of {{file}}",
      dates: "Dates read as {{format}}.",
      summarise: "Summarise",
      sheetCustomers: "Customers",
      sheetPatterns: "Patterns",
      sheetTop: "Top customers",
      checking: "Checking every row…",
      summarising: "Summarising customers…",
      fitting: "Fitting the models on every customer…",
      writing: "Writing {{done, number}} of {{total, number}} rows…",
      written:
        "{{customers, number}} customers from {{transactions, number}} transactions (as of {{asOf}}) written to the sheet {{sheet}}. Every method works on it now.",
      beyond:
        "{{customers, number}} customers: more than a sheet holds (1,048,575). The sheet {{sheet}} has the grouped pattern table, the models fitted on all customers and the customers per RFM segment.",
      top: "Write the top {{count, number}} customers by total spend",
      patternsCut: "The first {{count, number}} of {{total, number}} patterns are written.",
      fits: "Fitted on all customers",
      segments: "Customers per RFM segment",
      segment: "Segment",
      customers: "Customers",
      quality: "{{bad, number}} of {{rows, number}} rows left out:",
      example: "customer {{customer}}, date {{date}}, amount {{amount}}",
      problem: {
        missingCustomer: "no customer ID",
        missingDate: "no date",
        badDate: "a date that cannot be read, or before 1900",
        missingAmount: "no amount",
        badAmount: "an amount that is not a number",
      },
    },
    problems: {
      largeFile: {
        unreadable: "The file cannot be read: {{detail}}",
        noDates:
          "The column {{column}} holds no dates this can read. Choose the date column, or save the dates as YYYY-MM-DD.",
        noRows: "No row of the file has a customer ID, a date and an amount.",
        sameColumn: "Choose three different columns for the customer ID, the date and the amount.",
      },
    },
  },
  "zh-CN": {
    largeFile: {
      heading: "汇总大型文件",
      intro:
        "任意大小的交易文件（.csv、.csv.gz、.tsv、.txt 或 .parquet）在本机就地读取，不会上传。结果为每位客户一行，计算方式与 CVA.RFMSUMMARY 相同。",
      choose: "选择文件…",
      starting: "正在打开 {{file}}…",
      loading: "正在读取 {{file}}：第 {{done, number}} 行，共 {{total, number}} 行…",
      columns: "{{file}} 的列",
      dates: "日期按 {{format}} 读取。",
      summarise: "汇总",
      sheetCustomers: "客户",
      sheetPatterns: "模式",
      sheetTop: "高价值客户",
      checking: "正在检查每一行…",
      summarising: "正在汇总客户…",
      fitting: "正在用全部客户拟合模型…",
      writing: "正在写入第 {{done, number}} 行，共 {{total, number}} 行…",
      written:
        "已将 {{transactions, number}} 笔交易（截至 {{asOf}}）汇总的 {{customers, number}} 位客户写入工作表 {{sheet}}。现在所有方法都可用于该表。",
      beyond:
        "共 {{customers, number}} 位客户，超出一个工作表的容量（1,048,575 行）。工作表 {{sheet}} 中包含分组模式表、基于全部客户拟合的模型以及各 RFM 细分的客户数。",
      top: "写入总消费最高的 {{count, number}} 位客户",
      patternsCut: "已写入 {{total, number}} 个模式中的前 {{count, number}} 个。",
      fits: "基于全部客户拟合",
      segments: "各 RFM 细分的客户数",
      segment: "细分",
      customers: "客户数",
      quality: "{{rows, number}} 行中有 {{bad, number}} 行未使用：",
      example: "客户 {{customer}}，日期 {{date}}，金额 {{amount}}",
      problem: {
        missingCustomer: "缺少客户编号",
        missingDate: "缺少日期",
        badDate: "日期无法读取或早于 1900 年",
        missingAmount: "缺少金额",
        badAmount: "金额不是数字",
      },
    },
    problems: {
      largeFile: {
        unreadable: "无法读取该文件：{{detail}}",
        noDates: "列 {{column}} 中没有可读取的日期。请选择日期列，或将日期保存为 YYYY-MM-DD 格式。",
        noRows: "文件中没有同时包含客户编号、日期和金额的行。",
        sameColumn: "请为客户编号、日期和金额选择三个不同的列。",
      },
    },
  },
} as const;

/** Adds the texts to an i18next instance (again is harmless: the bundles are merged). */
export function registerLargeFileTexts(instance: i18n): void {
  for (const [language, texts] of Object.entries(TEXTS))
    instance.addResourceBundle(language, "translation", texts, true, false);
}
