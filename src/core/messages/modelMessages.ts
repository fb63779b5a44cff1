import type { MessageTable } from "./messageTypes";

/**
 * The probabilistic models (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma), their parameter rows and predicted CLV.
 * frequency, recency, T and monetary are the functions' parameter names and stay as they are in every language.
 */
export const MODEL_MESSAGES = {
  "model.inRow": {
    excel: "input",
    params: { row: "number", detail: "phrase" },
    "en-US": "Row {{row}}: {{detail}}",
    "zh-CN": "第 {{row}} 行：{{detail}}",
  },
  "model.rowCounts": {
    excel: "#VALUE!",
    params: { names: "text", counts: "text" },
    "en-US": "{{names}} must have the same number of rows (got {{counts}}).",
    "zh-CN": "{{names}} 的行数必须相同（当前为 {{counts}}）。",
  },
  "model.notNumber": {
    excel: "#VALUE!",
    params: { name: "text", value: "text" },
    "en-US": "{{name}} must be a number, got {{value}}.",
    "zh-CN": "{{name}} 必须是数字，当前为 {{value}}。",
  },
  "model.negative": {
    excel: "#VALUE!",
    params: { name: "text", value: "number" },
    "en-US": "{{name}} must not be negative, got {{value}}.",
    "zh-CN": "{{name}} 不能为负数，当前为 {{value}}。",
  },
  "model.frequencyWhole": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "frequency counts repeat purchases and must be a whole number ≥ 0, got {{value}}.",
    "zh-CN": "frequency 是重复购买次数，必须是不小于 0 的整数，当前为 {{value}}。",
  },
  "model.tooManyPurchases": {
    excel: "#VALUE!",
    params: { value: "number", max: "number" },
    "en-US": "frequency {{value}} is beyond any real customer's purchase count (at most {{max}}).",
    "zh-CN": "frequency {{value}} 超出了任何真实客户的购买次数（最多 {{max}}）。",
  },
  "model.repeatWithoutRecency": {
    excel: "#VALUE!",
    params: { frequency: "number" },
    "en-US":
      "frequency {{frequency}} with recency 0: repeat purchases must come after the first, so recency must be > 0.",
    "zh-CN":
      "frequency 为 {{frequency}} 而 recency 为 0：重复购买必须晚于首次购买，因此 recency 必须大于 0。",
  },
  "model.recencyWithoutRepeat": {
    excel: "#VALUE!",
    params: { recency: "number" },
    "en-US": "recency {{recency}} with frequency 0: without repeat purchases recency must be 0.",
    "zh-CN": "frequency 为 0 而 recency 为 {{recency}}：没有重复购买时 recency 必须为 0。",
  },
  "model.recencyAfterT": {
    excel: "#VALUE!",
    params: { recency: "number", T: "number" },
    "en-US":
      "recency {{recency}} exceeds T {{T}}: the last purchase cannot come after the end of observation (same time unit? same as-of date?).",
    "zh-CN":
      "recency {{recency}} 超过了 T {{T}}：最后一次购买不可能晚于观察期结束（时间单位是否一致？截止日期是否相同？）。",
  },
  "model.horizonNotNumber": {
    excel: "#VALUE!",
    params: { value: "text" },
    "en-US": "The horizon t must be a number, got {{value}}.",
    "zh-CN": "预测期 t 必须是数字，当前为 {{value}}。",
  },
  "model.horizonNegative": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "The horizon t must not be negative, got {{value}}.",
    "zh-CN": "预测期 t 不能为负数，当前为 {{value}}。",
  },
  "model.horizonTooLong": {
    excel: "#VALUE!",
    params: { t: "number", ratio: "number" },
    "en-US":
      "The horizon {{t}} is too long for this model to value: {{ratio}} times alpha + T, far beyond its time scale.",
    "zh-CN":
      "预测期 {{t}} 太长，模型无法估值：它是 alpha + T 的 {{ratio}} 倍，远超模型的时间尺度。",
  },
  "model.tooFewCustomers": {
    excel: "#VALUE!",
    params: { count: "number" },
    "en-US": "A model needs at least 2 customers to fit, got {{count}}.",
    "zh-CN": "拟合模型至少需要 2 位客户，当前为 {{count}} 位。",
  },
  "model.noRepeatPurchase": {
    excel: "#VALUE!",
    "en-US":
      "No customer has a repeat purchase (all frequencies are 0): the purchase rate cannot be estimated.",
    "zh-CN": "没有任何客户有重复购买（frequency 全为 0）：无法估计购买速率。",
  },
  "model.tooFewRepeatCustomers": {
    excel: "#VALUE!",
    params: { count: "number" },
    "en-US": "Gamma-Gamma needs at least 2 customers with repeat purchases, got {{count}}.",
    "zh-CN": "Gamma-Gamma 模型至少需要 2 位有重复购买的客户，当前为 {{count}} 位。",
  },
  "model.monetaryPositive": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US":
      "monetary must be > 0 for a customer with repeat purchases (Gamma-Gamma spend is positive), got {{value}}.",
    "zh-CN":
      "有重复购买的客户的 monetary 必须大于 0（Gamma-Gamma 模型的消费金额为正），当前为 {{value}}。",
  },
  "model.infiniteMeanSpend": {
    excel: "#VALUE!",
    params: { q: "number" },
    "en-US":
      "Gamma-Gamma q = {{q}} ≤ 1 implies an infinite mean spend: expected spend and CLV are undefined.",
    "zh-CN": "Gamma-Gamma 参数 q = {{q}} ≤ 1 意味着平均消费无穷大：预期消费和 CLV 均无定义。",
  },
  "model.extremeRatio": {
    excel: "#VALUE!",
    params: { ratio: "number" },
    "en-US":
      "Pareto/NBD cannot be evaluated for this customer with alpha/beta = {{ratio}}: alpha and beta are both time scales of the same data, so a fit never gives them this far apart; check the parameter row (same time unit for both?).",
    "zh-CN":
      "alpha/beta = {{ratio}} 时无法为该客户计算 Pareto/NBD：alpha 与 beta 都是同一数据的时间尺度，拟合结果不会相差如此悬殊；请检查参数行（两者的时间单位是否一致？）。",
  },
  "model.noMaximum": {
    excel: "#VALUE!",
    params: {
      model: "text",
      reason: "phrase",
      iterations: "number",
      gradient: "number",
      logLikelihood: "number",
    },
    "en-US":
      "{{model}} has no best fit on these data: {{reason}} (stopped after {{iterations}} iterations, gradient norm {{gradient}}, log-likelihood {{logLikelihood}}).",
    "zh-CN":
      "{{model}} 在这些数据上没有最优拟合：{{reason}}（迭代 {{iterations}} 次后停止，梯度范数 {{gradient}}，对数似然 {{logLikelihood}}）。",
  },
  "model.notConverged": {
    excel: "#VALUE!",
    params: {
      model: "text",
      reason: "phrase",
      iterations: "number",
      gradient: "number",
      logLikelihood: "number",
    },
    "en-US":
      "{{model}} fit did not converge: {{reason}}; stopped after {{iterations}} iterations, gradient norm {{gradient}}, log-likelihood {{logLikelihood}}.",
    "zh-CN":
      "{{model}} 拟合未收敛：{{reason}}；迭代 {{iterations}} 次后停止，梯度范数 {{gradient}}，对数似然 {{logLikelihood}}。",
  },
  "model.stopStart": {
    "en-US": "the model cannot be evaluated at the starting point",
    "zh-CN": "模型在初始点无法求值",
  },
  "model.stopNoStep": {
    "en-US": "no step along the gradient improves the likelihood any further",
    "zh-CN": "沿梯度方向的任何一步都无法再提高似然",
  },
  "model.stopIterations": {
    "en-US": "the iteration limit was reached",
    "zh-CN": "已达到迭代次数上限",
  },
  "model.runsOffToInfinity": {
    params: { name: "text" },
    "en-US": "{{name}} runs off to infinity",
    "zh-CN": "{{name}} 趋于无穷大",
  },
  "model.runsOffToZero": {
    params: { name: "text" },
    "en-US": "{{name}} runs off to zero",
    "zh-CN": "{{name}} 趋于零",
  },
  "model.runawayGeneric": {
    params: { runaway: "phrases" },
    "en-US":
      "{{runaway}}: the likelihood keeps rising that way, so the data do not determine these parameters (too few customers or repeat purchases?)",
    "zh-CN": "{{runaway}}：似然沿此方向持续上升，数据无法确定这些参数（客户或重复购买太少？）",
  },
  "model.runawayExplained": {
    params: { meanings: "phrases", advice: "phrase" },
    "en-US": "{{meanings}}. {{advice}}",
    "zh-CN": "{{meanings}}。{{advice}}",
  },
  "model.sameBuyingRate": {
    params: { rate: "number" },
    "en-US":
      "r and alpha grow without bound together (r/alpha, the purchase rate, stays near {{rate}} per time unit): every customer seems to buy at the same rate",
    "zh-CN":
      "r 与 alpha 同时无限增大（r/alpha 即购买速率，稳定在每时间单位约 {{rate}}）：所有客户的购买速率似乎都相同",
  },
  "model.sameDropoutChance": {
    params: { chance: "number" },
    "en-US":
      "a and b grow without bound together (a/(a+b), the chance of dropping out after a purchase, stays near {{chance}}): every customer seems equally likely to drop out",
    "zh-CN":
      "a 与 b 同时无限增大（a/(a+b) 即每次购买后流失的概率，稳定在约 {{chance}}）：所有客户的流失概率似乎都相同",
  },
  "model.nobodyDropsOutAfterPurchase": {
    params: { runaway: "phrase" },
    "en-US":
      "{{runaway}}: the chance of dropping out after a purchase goes to 0, so nobody seems to drop out (did everyone buy close to the end of the data? is T measured to the same end date?)",
    "zh-CN":
      "{{runaway}}：每次购买后流失的概率趋于 0，似乎没有客户流失（是否所有客户都在数据末期附近购买过？T 是否量到同一个截止日期？）",
  },
  "model.sameDropoutRate": {
    params: { rate: "number" },
    "en-US":
      "s and beta grow without bound together (s/beta, the drop-out rate, stays near {{rate}} per time unit): every customer seems to drop out at the same rate",
    "zh-CN":
      "s 与 beta 同时无限增大（s/beta 即流失速率，稳定在每时间单位约 {{rate}}）：所有客户的流失速率似乎都相同",
  },
  "model.nobodyDropsOut": {
    params: { runaway: "phrase" },
    "en-US":
      "{{runaway}}: the drop-out rate goes to 0, so nobody seems to drop out (did everyone buy close to the end of the data?)",
    "zh-CN":
      "{{runaway}}：流失速率趋于 0，似乎没有客户流失（是否所有客户都在数据末期附近购买过？）",
  },
  "model.dropoutRatesSpread": {
    "en-US":
      "beta runs off to zero: the drop-out rates spread over ever more orders of magnitude, as if some customers left right after their first purchase and the others never",
    "zh-CN":
      "beta 趋于零：流失速率的分布跨越越来越多的数量级，仿佛一部分客户在首次购买后立即流失，其余客户从不流失",
  },
  "model.sameValuePerPurchase": {
    "en-US":
      "p runs off to infinity: each customer's purchases seem to have exactly the same value (no variation around their own mean; are monetary values rounded or fixed prices?)",
    "zh-CN":
      "p 趋于无穷大：每位客户各次购买的金额似乎完全相同（围绕自身均值没有波动；金额是否经过取整，或是固定价格？）",
  },
  "model.sameMeanSpend": {
    params: { spend: "number" },
    "en-US":
      "q and v grow without bound together (p·v/q, the mean spend, stays near {{spend}}): every customer seems to have the same mean spend",
    "zh-CN":
      "q 与 v 同时无限增大（p·v/q 即平均消费，稳定在约 {{spend}}）：所有客户的平均消费似乎都相同",
  },
  "model.onlyInTheLimit": {
    params: { model: "text", first: "text", second: "text" },
    "en-US": "{{model}} reaches such data only in the limit; try {{first}} or {{second}}",
    "zh-CN": "{{model}} 只在极限情况下才能描述这样的数据；请尝试 {{first}} 或 {{second}}",
  },
  "model.onlyInTheLimitNoParameters": {
    params: { model: "text", first: "text", second: "text" },
    "en-US":
      "{{model}} reaches such data only in the limit, so it has no parameters to give; try {{first}} or {{second}}",
    "zh-CN":
      "{{model}} 只在极限情况下才能描述这样的数据，因此给不出参数；请尝试 {{first}} 或 {{second}}",
  },
  "model.spendOnlyInTheLimit": {
    "en-US":
      "Gamma-Gamma reaches such data only in the limit; the customers' own mean spends (or the population mean) serve as the expected spend",
    "zh-CN":
      "Gamma-Gamma 只在极限情况下才能描述这样的数据；可直接以客户自身的平均消费（或总体均值）作为预期消费",
  },
  "model.noStandardErrors": {
    excel: "#VALUE!",
    "en-US":
      "The standard errors cannot be computed: the likelihood is flat in some direction at the optimum (its observed information is not positive definite).",
    "zh-CN": "无法计算标准误：似然在最优点沿某个方向是平坦的（观测信息矩阵不是正定的）。",
  },
  "model.notParameterRow": {
    excel: "#VALUE!",
    "en-US":
      'modelParams must be one row (or column) of parameters, or the details block a fit spills (its second row starts with "SE").',
    "zh-CN":
      'modelParams 必须是一行（或一列）参数，或拟合函数溢出的明细区域（其第二行以 "SE" 开头）。',
  },
  "model.notFlag": {
    excel: "#VALUE!",
    params: { what: "text", value: "value" },
    "en-US": "{{what}} must be TRUE or FALSE, got {{value}}.",
    "zh-CN": "{{what}} 必须是 TRUE 或 FALSE，当前为 {{value}}。",
  },
  "model.needsDetails": {
    excel: "#VALUE!",
    params: { model: "text" },
    "en-US":
      "An interval needs the {{model}} fit's details block (the fit with details TRUE, its covariance rows included), not only its parameter row.",
    "zh-CN":
      "计算区间需要 {{model}} 拟合的明细区域（details 设为 TRUE 的拟合结果，含协方差行），而不只是参数行。",
  },
  "model.level": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "The level of an interval is a share between 0 and 1 (0.8 for 80 %), got {{value}}.",
    "zh-CN": "区间的置信水平是介于 0 与 1 之间的小数（80 % 写作 0.8），当前为 {{value}}。",
  },
  "model.purchaseCount": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US":
      "n counts repeat purchases and must be a whole number from 0 to 1,000,000, got {{value}}.",
    "zh-CN": "n 是重复购买次数，必须是 0 到 1,000,000 之间的整数，当前为 {{value}}。",
  },
  "model.gridSize": {
    excel: "#VALUE!",
    params: { what: "text", value: "number", max: "number" },
    "en-US": "{{what}} must be a whole number from 0 to {{max}}, got {{value}}.",
    "zh-CN": "{{what}} 必须是 0 到 {{max}} 之间的整数，当前为 {{value}}。",
  },
  "model.horizonsTooCostly": {
    excel: "#VALUE!",
    params: { horizons: "number", limit: "number" },
    "en-US":
      "An interval over {{horizons}} months is too costly for this customer, observed briefly compared with that horizon: each of its draws would sum more than {{limit}} terms. Use fewer months, or CVA.PREDICTEDCLV for the estimate alone.",
    "zh-CN":
      "该客户的观察期相对 {{horizons}} 个月的预测期太短，区间计算代价过高：每次抽样需要累加超过 {{limit}} 项。请减少月数，或用 CVA.PREDICTEDCLV 只求估计值。",
  },
  "model.gridCells": {
    excel: "#VALUE!",
    params: { cells: "number", maxFrequency: "number", maxRecency: "number", max: "number" },
    "en-US":
      "A grid up to frequency {{maxFrequency}} and recency {{maxRecency}} would have {{cells}} cells, more than {{max}}: lower maxFrequency or maxRecency (give maxRecency when T is large).",
    "zh-CN":
      "频次到 {{maxFrequency}}、最近度到 {{maxRecency}} 的网格将有 {{cells}} 个单元格，超过 {{max}}：请减小 maxFrequency 或 maxRecency（T 很大时请给出 maxRecency）。",
  },
  "model.holdoutEmpty": {
    excel: "#VALUE!",
    params: { calibrationEnd: "date", observationEnd: "date" },
    "en-US":
      "The observation end {{observationEnd}} must come after the calibration end {{calibrationEnd}}: the holdout period lies between them.",
    "zh-CN":
      "观察期结束日 {{observationEnd}} 必须晚于校准期结束日 {{calibrationEnd}}：两者之间是留出期。",
  },
  "model.checkNoFit": {
    excel: "#VALUE!",
    "en-US":
      "No model could be fitted on the calibration period: move the split date later, so that more customers have repeat purchases before it.",
    "zh-CN": "校准期内无法拟合任何模型：请把切分日期往后移，让更多客户在切分日期之前有重复购买。",
  },
  "model.verdict": {
    params: {
      best: "text",
      mae: "number",
      margin: "number",
      runnerUp: "text",
      predicted: "number",
      actual: "number",
      error: "number",
    },
    "en-US":
      "{{best}} predicts the holdout best: its error per customer (MAE {{mae}}) is {{margin}} % below {{runnerUp}}'s. It predicts {{predicted}} holdout purchases against {{actual}} made ({{error}} %).",
    "zh-CN":
      "{{best}} 对留出期的预测最好：其每位客户的误差（MAE {{mae}}）比 {{runnerUp}} 低 {{margin}} %。它预测留出期购买 {{predicted}} 次，实际为 {{actual}} 次（{{error}} %）。",
  },
  "model.verdictOnly": {
    params: { best: "text", mae: "number", predicted: "number", actual: "number", error: "number" },
    "en-US":
      "Only {{best}} could be fitted: its error per customer is MAE {{mae}}; it predicts {{predicted}} holdout purchases against {{actual}} made ({{error}} %).",
    "zh-CN":
      "只有 {{best}} 能够拟合：其每位客户的误差为 MAE {{mae}}；它预测留出期购买 {{predicted}} 次，实际为 {{actual}} 次（{{error}} %）。",
  },
  "model.unknownName": {
    excel: "#VALUE!",
    params: { models: "text", value: "text" },
    "en-US": "modelParams must start with a model name ({{models}}), got {{value}}.",
    "zh-CN": "modelParams 必须以模型名称开头（{{models}}），当前为 {{value}}。",
  },
  "model.parameterPositive": {
    excel: "#VALUE!",
    params: { model: "text", parameter: "text", value: "number" },
    "en-US": "{{model}} parameter {{parameter}} must be > 0, got {{value}}.",
    "zh-CN": "{{model}} 参数 {{parameter}} 必须大于 0，当前为 {{value}}。",
  },
  "model.tooManyParameters": {
    excel: "#VALUE!",
    params: { model: "text", count: "number" },
    "en-US": "{{model}} takes {{count}} parameters; modelParams has more values than that.",
    "zh-CN": "{{model}} 只有 {{count}} 个参数；modelParams 中的值多于此数。",
  },
  "model.expectedTransactionModel": {
    excel: "#VALUE!",
    params: { models: "text", got: "text" },
    "en-US": "Expected the parameters of a transaction model ({{models}}) here, got {{got}} ones.",
    "zh-CN": "此处需要交易模型（{{models}}）的参数，当前给出的是 {{got}} 的参数。",
  },
  "model.expectedSpendModel": {
    excel: "#VALUE!",
    params: { models: "text", got: "text" },
    "en-US": "Expected the parameters of a spend model ({{models}}) here, got {{got}} ones.",
    "zh-CN": "此处需要消费模型（{{models}}）的参数，当前给出的是 {{got}} 的参数。",
  },
  "model.months": {
    excel: "#VALUE!",
    params: { max: "number", value: "number" },
    "en-US": "months must be a whole number from 1 to {{max}}, got {{value}}.",
    "zh-CN": "months 必须是 1 到 {{max}} 之间的整数，当前为 {{value}}。",
  },
  "model.discountAsPercent": {
    excel: "#VALUE!",
    params: { value: "number", percent: "number", fraction: "number" },
    "en-US":
      "The monthly discount rate is a fraction per month: {{value}} would mean {{percent}} % a month. For {{value}} % a month enter {{fraction}}.",
    "zh-CN":
      "每月折现率以小数表示：{{value}} 意味着每月 {{percent}} %。若要每月 {{value}} %，请输入 {{fraction}}。",
  },
  "model.discountRange": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US":
      "The monthly discount rate must be a fraction between −1 and 1 (e.g. 0.01 for 1 % a month), got {{value}}.",
    "zh-CN":
      "每月折现率必须是介于 −1 与 1 之间的小数（例如每月 1 % 写作 0.01），当前为 {{value}}。",
  },
  "model.dataUnit": {
    excel: "#VALUE!",
    params: { value: "value" },
    "en-US":
      'dataUnit must be the time unit of recency and T: "D" (days), "W" (weeks) or "M" (months); got {{value}}.',
    "zh-CN":
      'dataUnit 必须是 recency 和 T 的时间单位："D"（天）、"W"（周）或 "M"（月）；当前为 {{value}}。',
  },
} as const satisfies MessageTable;
