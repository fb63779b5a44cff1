import type { MessageTable } from "./messageTypes";

/** Retention: cohort tables, the sBG model and BG/BB (SBG…, BGBB, COHORTS, COHORTRETENTION). */
export const RETENTION_MESSAGES = {
  "term.period": {
    params: { period: "number" },
    "en-US": "Period {{period}}",
    "zh-CN": "第 {{period}} 期",
  },
  "term.cohortPeriod": {
    params: { cohort: "number", period: "number" },
    "en-US": "Cohort {{cohort}}, period {{period}}",
    "zh-CN": "第 {{cohort}} 个同期群第 {{period}} 期",
  },
  "term.margin": { "en-US": "Margin", "zh-CN": "毛利" },
  "term.renewals": { "en-US": "Renewals", "zh-CN": "续约次数" },
  "term.horizon": { "en-US": "t", "zh-CN": "期数（t）" },
  "term.purchases": { "en-US": "The number of purchases", "zh-CN": "购买次数" },
  "term.occasions": { "en-US": "The number of occasions", "zh-CN": "时机数" },
  "sbg.expectedParams": {
    excel: "#VALUE!",
    params: { models: "text", got: "text" },
    "en-US":
      "Expected the parameters of a retention model ({{models}}: the row CVA.SBG returns) here, got {{got}} ones.",
    "zh-CN":
      "此处需要留存模型（{{models}}：即 CVA.SBG 返回的那一行）的参数，当前给出的是 {{got}} 的参数。",
  },
  "sbg.sizesCount": {
    excel: "#VALUE!",
    params: { sizes: "number", cohorts: "number" },
    "en-US":
      "cohortSize must be one value or one per cohort: got {{sizes}} for {{cohorts}} cohorts.",
    "zh-CN":
      "cohortSize 必须是一个值，或每个同期群一个值：当前为 {{sizes}} 个值、{{cohorts}} 个同期群。",
  },
  "sbg.sizeNotPositive": {
    excel: "#VALUE!",
    params: { where: "phrase", value: "number" },
    "en-US": "{{where}}: the cohort size must be a number > 0, got {{value}}.",
    "zh-CN": "{{where}}：同期群规模必须是大于 0 的数字，当前为 {{value}}。",
  },
  "sbg.firstNotPositive": {
    excel: "#VALUE!",
    params: { where: "phrase", value: "number" },
    "en-US": "{{where}}: the customers at period 0 must be a number > 0, got {{value}}.",
    "zh-CN": "{{where}}：第 0 期的客户数必须是大于 0 的数字，当前为 {{value}}。",
  },
  "sbg.countInvalid": {
    excel: "#VALUE!",
    params: { where: "phrase", value: "number" },
    "en-US": "{{where}}: customers still active must be a number ≥ 0, got {{value}}.",
    "zh-CN": "{{where}}：仍然活跃的客户数必须是不小于 0 的数字，当前为 {{value}}。",
  },
  "sbg.rising": {
    excel: "#VALUE!",
    params: { where: "phrase", count: "number", previous: "number", period: "number" },
    "en-US":
      '{{where}}: {{count}} customers after {{previous}} at period {{period}}. Survivors cannot rise: the sBG counts customers still active, who never come back once lost (for a purchase log, CVA.COHORTS(…, "retained") counts customers who buy in a period or later).',
    "zh-CN":
      '{{where}}：客户数为 {{count}}，而第 {{period}} 期为 {{previous}}。存活客户数不能上升：sBG 计的是仍然活跃的客户，流失后不会再回来（对于交易明细，CVA.COHORTS(…, "retained") 统计在该期或之后有购买的客户）。',
  },
  "sbg.blankBetween": {
    excel: "#VALUE!",
    params: { where: "phrase" },
    "en-US": "{{where}} is blank: only the periods after the last count may be blank.",
    "zh-CN": "{{where}}为空：只有最后一个客户数之后的期可以留空。",
  },
  "sbg.noCohorts": {
    excel: "#N/A",
    "en-US": "There are no survivor counts: every row is blank.",
    "zh-CN": "没有存活客户数：所有行都为空。",
  },
  "sbg.tooShort": {
    excel: "#VALUE!",
    "en-US":
      "The sBG needs each customer's fate over at least two renewals (periods 0, 1 and 2): a single renewal shows how many leave, not how that changes with tenure, which is what separates alpha from beta.",
    "zh-CN":
      "sBG 至少需要观察两次续约（第 0、1、2 期）：一次续约只能看出有多少客户离开，看不出流失如何随在网时长变化，而这正是区分 alpha 与 beta 的依据。",
  },
  "sbg.noChurn": {
    excel: "#VALUE!",
    "en-US": "Nobody was lost in any period: with no churn the sBG has nothing to estimate.",
    "zh-CN": "各期都没有客户流失：没有流失，sBG 无从估计。",
  },
  "sbg.noneLeft": {
    excel: "#VALUE!",
    "en-US":
      "Every customer was lost at some renewal and none is still active: give the counts at the start of each period, period 0 first, with the customers still active at the last one.",
    "zh-CN":
      "所有客户都在某次续约时流失，没有仍然活跃的客户：请给出每期期初的客户数，第 0 期在前，并包含最后一期仍然活跃的客户。",
  },
  "sbg.sameChurn": {
    params: { chance: "number" },
    "en-US":
      "alpha and beta grow without bound together (alpha/(alpha+beta), the churn probability per period, stays near {{chance}}): retention does not rise with tenure, every customer seems equally likely to leave",
    "zh-CN":
      "alpha 与 beta 同时无限增大（alpha/(alpha+beta) 即每期流失概率，稳定在约 {{chance}}）：留存率不随在网时长上升，所有客户的流失概率似乎都相同",
  },
  "sbg.nobodyLeavesLater": {
    params: { runaway: "phrase" },
    "en-US": "{{runaway}}: after the first periods almost nobody leaves any more",
    "zh-CN": "{{runaway}}：最初几期之后几乎没有客户再离开",
  },
  "sbg.constantRetention": {
    "en-US": "A constant retention rate (CVA.CLVRETENTION) describes such a cohort",
    "zh-CN": "用固定留存率（CVA.CLVRETENTION）即可描述这样的同期群",
  },
  "sbg.wholePeriods": {
    excel: "#VALUE!",
    params: { what: "phrase", min: "number", value: "number" },
    "en-US": "{{what}} counts whole periods and must be a whole number ≥ {{min}}, got {{value}}.",
    "zh-CN": "{{what}}按整期计，必须是不小于 {{min}} 的整数，当前为 {{value}}。",
  },
  "sbg.discountRate": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "The discount rate must be a number ≥ 0 (e.g. 0.1 for 10 %), got {{value}}.",
    "zh-CN": "折现率必须是不小于 0 的数字（例如 0.1 表示 10%），当前为 {{value}}。",
  },
  "sbg.infiniteLifetime": {
    excel: "#VALUE!",
    params: { alpha: "number" },
    "en-US":
      "Without discounting the expected lifetime is infinite when alpha ≤ 1 (alpha = {{alpha}}): many customers practically never leave. Give a discount rate > 0.",
    "zh-CN":
      "alpha ≤ 1（alpha = {{alpha}}）时若不折现，预期生命周期为无穷大：许多客户几乎永不离开。请给出大于 0 的折现率。",
  },
  "sbg.discountTooSmall": {
    excel: "#VALUE!",
    params: { rate: "number" },
    "en-US":
      "The discount rate {{rate}} is too small to sum the customers' discounted lifetime: use the rate per period, e.g. 0.1 a year or 0.008 a month.",
    "zh-CN":
      "折现率 {{rate}} 太小，无法累加客户的折现生命周期：请使用每期的折现率，例如每年 0.1 或每月 0.008。",
  },
  "sbg.margin": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "The margin must be a finite number, got {{value}}.",
    "zh-CN": "毛利必须是有限的数字，当前为 {{value}}。",
  },
  "bgbb.notNumber": {
    excel: "#VALUE!",
    params: { name: "text", value: "number" },
    "en-US": "{{name}} must be a number, got {{value}}.",
    "zh-CN": "{{name}} 必须是数字，当前为 {{value}}。",
  },
  "bgbb.wholeOccasions": {
    excel: "#VALUE!",
    params: { name: "text", value: "number" },
    "en-US": "BG/BB counts whole occasions: {{name}} must be a whole number ≥ 0, got {{value}}.",
    "zh-CN": "BG/BB 按整数个时机计数：{{name}} 必须是不小于 0 的整数，当前为 {{value}}。",
  },
  "bgbb.tooManyOccasions": {
    excel: "#VALUE!",
    params: { value: "number", max: "number" },
    "en-US": "periods {{value}} is beyond any calendar of occasions (at most {{max}}).",
    "zh-CN": "periods 为 {{value}}，超出了任何时机日历的范围（最多 {{max}}）。",
  },
  "bgbb.recencyAfterPeriods": {
    excel: "#VALUE!",
    params: { recency: "number", periods: "number" },
    "en-US":
      "recency {{recency}} exceeds periods {{periods}}: the last purchase cannot come after the last occasion.",
    "zh-CN": "recency {{recency}} 大于 periods {{periods}}：最后一次购买不可能晚于最后一个时机。",
  },
  "bgbb.frequencyAfterRecency": {
    excel: "#VALUE!",
    params: { frequency: "number", recency: "number" },
    "en-US":
      "frequency {{frequency}} exceeds recency {{recency}}: x purchases take x occasions, the last at recency.",
    "zh-CN":
      "frequency {{frequency}} 大于 recency {{recency}}：x 次购买需要 x 个时机，最后一次在 recency。",
  },
  "bgbb.frequencyWithoutRecency": {
    excel: "#VALUE!",
    params: { frequency: "number" },
    "en-US": "frequency {{frequency}} with recency 0: the last purchase's occasion must be ≥ 1.",
    "zh-CN": "frequency 为 {{frequency}} 而 recency 为 0：最后一次购买所在的时机必须不小于 1。",
  },
  "bgbb.recencyWithoutFrequency": {
    excel: "#VALUE!",
    params: { recency: "number" },
    "en-US": "recency {{recency}} with frequency 0: without purchases recency must be 0.",
    "zh-CN": "recency 为 {{recency}} 而 frequency 为 0：没有购买时 recency 必须为 0。",
  },
  "bgbb.count": {
    excel: "#VALUE!",
    params: { row: "number", value: "number" },
    "en-US": "Row {{row}}: count must be a number of customers ≥ 0, got {{value}}.",
    "zh-CN": "第 {{row}} 行：count 必须是不小于 0 的客户数，当前为 {{value}}。",
  },
  "bgbb.tooFewCustomers": {
    excel: "#VALUE!",
    params: { count: "number" },
    "en-US": "BG/BB needs at least 2 customers to fit, got {{count}}.",
    "zh-CN": "BG/BB 至少需要 2 位客户才能拟合，当前为 {{count}}。",
  },
  "bgbb.nobodyBought": {
    excel: "#VALUE!",
    "en-US":
      "Nobody bought at any occasion after the first: the purchase probability cannot be estimated.",
    "zh-CN": "首次购买之后没有任何客户在任何时机购买：无法估计购买概率。",
  },
  "bgbb.tooFewOccasions": {
    excel: "#VALUE!",
    "en-US":
      "BG/BB needs at least 2 occasions after the first purchase: one cannot tell buying from dying.",
    "zh-CN": "BG/BB 至少需要首次购买之后的 2 个时机：只有一个时机无法区分不购买与流失。",
  },
  "bgbb.samePurchaseChance": {
    params: { chance: "number" },
    "en-US":
      "alpha and beta grow without bound together (alpha/(alpha+beta), the chance to buy at an occasion, stays near {{chance}}): every customer seems to buy as often",
    "zh-CN":
      "alpha 与 beta 同时无限增大（alpha/(alpha+beta) 即每个时机购买的概率，稳定在约 {{chance}}）：所有客户的购买频率似乎都相同",
  },
  "bgbb.sameDropoutChance": {
    params: { chance: "number" },
    "en-US":
      "gamma and delta grow without bound together (gamma/(gamma+delta), the chance to drop out before an occasion, stays near {{chance}}): every customer seems equally likely to drop out",
    "zh-CN":
      "gamma 与 delta 同时无限增大（gamma/(gamma+delta) 即每个时机前流失的概率，稳定在约 {{chance}}）：所有客户的流失概率似乎都相同",
  },
  "bgbb.nobodyDropsOut": {
    params: { runaway: "phrase" },
    "en-US":
      "{{runaway}}: the chance to drop out before an occasion goes to 0, so nobody seems to drop out",
    "zh-CN": "{{runaway}}：每个时机前流失的概率趋于 0，似乎没有客户流失",
  },
  "bgbb.horizon": {
    excel: "#VALUE!",
    params: { value: "number", max: "number" },
    "en-US":
      "BG/BB's horizon counts future occasions and must be a whole number from 0 to {{max}}, got {{value}}.",
    "zh-CN": "BG/BB 的时长按未来时机计数，必须是 0 到 {{max}} 之间的整数，当前为 {{value}}。",
  },
  "bgbb.wholeCount": {
    excel: "#VALUE!",
    params: { what: "phrase", value: "number", max: "number" },
    "en-US": "{{what}} must be a whole number from 0 to {{max}}, got {{value}}.",
    "zh-CN": "{{what}}必须是 0 到 {{max}} 之间的整数，当前为 {{value}}。",
  },
  "cohort.lengths": {
    excel: "#VALUE!",
    params: { ids: "number", dates: "number" },
    "en-US": "customerIds and dates must have the same number of rows (got {{ids}}, {{dates}}).",
    "zh-CN": "customerIds 和 dates 的行数必须相同（当前为 {{ids}}、{{dates}}）。",
  },
  "cohort.purchaseDates": {
    excel: "#VALUE!",
    params: { row: "number", first: "number", last: "number" },
    "en-US":
      "Row {{row}}: the first purchase ({{first}}) and last purchase ({{last}}) must be dates, the last not before the first.",
    "zh-CN":
      "第 {{row}} 行：首次购买（{{first}}）和最后购买（{{last}}）必须是日期，且最后购买不早于首次购买。",
  },
  "cohort.tooWide": {
    excel: "#VALUE!",
    params: { width: "number" },
    "en-US":
      "From the first purchase to the as-of date is {{width}} periods, more than a sheet's columns hold: check the dates and the as-of date, or count in quarters or years.",
    "zh-CN":
      "从首次购买到截止日期共 {{width}} 期，超出了工作表的列数：请检查日期和截止日期，或改为按季或按年统计。",
  },
} as const satisfies MessageTable;
