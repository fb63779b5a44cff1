import type { MessageTable } from "./messageTypes";

/** Scoring and segmenting a population: RFMSCORE, RFMSEGMENT, TIER and SCORE. */
export const SEGMENT_MESSAGES = {
  "rfm.bins": {
    excel: "#VALUE!",
    params: { bins: "number", max: "number" },
    "en-US": "Bins must be a whole number from 2 to {{max}}, got {{bins}}.",
    "zh-CN": "分档数必须是 2 到 {{max}} 之间的整数，当前为 {{bins}}。",
  },
  "rfm.codeBins": {
    excel: "#VALUE!",
    params: { bins: "number" },
    "en-US":
      'Codes hold one digit per score: use at most 9 bins, or format "sum" or "columns" (got {{bins}} bins).',
    "zh-CN":
      '代码中每项得分只占一位数字：分档数最多为 9，或改用格式 "sum" 或 "columns"（当前为 {{bins}} 档）。',
  },
  "rfm.codeScore": {
    excel: "#VALUE!",
    params: { score: "number" },
    "en-US": "An RFM code needs scores from 1 to 9 (at most 9 bins), got {{score}}.",
    "zh-CN": "RFM 代码需要 1 到 9 的得分（最多 9 档），当前为 {{score}}。",
  },
  "rfm.lengths": {
    excel: "#VALUE!",
    params: { recency: "number", frequency: "number", monetary: "number" },
    "en-US":
      "Recency, frequency and monetary need one value per customer, got {{recency}}, {{frequency}} and {{monetary}}.",
    "zh-CN":
      "最近购买间隔、购买频次和消费金额须为每位客户各一个值，当前分别有 {{recency}}、{{frequency}} 和 {{monetary}} 个。",
  },
  "rfm.notCode": {
    excel: "#N/A",
    params: { code: "value" },
    "en-US": '{{code}} is not an RFM code: codes are three digits, like "545".',
    "zh-CN": '{{code}} 不是 RFM 代码：代码由三位数字组成，例如 "545"。',
  },
  "rfm.outsideDefaultMap": {
    excel: "#N/A",
    params: { code: "text" },
    "en-US":
      "No segment for RFM code {{code}}: the default map covers the 125 codes of 5-bin scores (digits 1 to 5) only. For scores with more bins, give your own segment map.",
    "zh-CN":
      "RFM 代码 {{code}} 没有对应的分群：默认映射表只涵盖 5 档得分的 125 个代码（数字 1 到 5）。得分档数更多时，请提供您自己的分群映射表。",
  },
  "rfm.outsideMap": {
    excel: "#N/A",
    params: { code: "text", example: "text" },
    "en-US": "No segment for RFM code {{code}}: your map covers codes like {{example}}.",
    "zh-CN": "RFM 代码 {{code}} 没有对应的分群：您的映射表涵盖的是 {{example}} 这样的代码。",
  },
  "segmentMap.columns": {
    excel: "#VALUE!",
    params: { columns: "number" },
    "en-US": "The segment map needs two columns, code and segment; got {{columns}}.",
    "zh-CN": "分群映射表需要两列：代码与分群；当前有 {{columns}} 列。",
  },
  "segmentMap.empty": {
    excel: "#VALUE!",
    "en-US": "The segment map is empty.",
    "zh-CN": "分群映射表为空。",
  },
  "segmentMap.badCode": {
    excel: "#VALUE!",
    params: { code: "value" },
    "en-US": 'Segment map code {{code}} is not three digits from 1 to 9 (like "545").',
    "zh-CN": '分群映射表中的代码 {{code}} 不是由 1 到 9 组成的三位数字（例如 "545"）。',
  },
  "segmentMap.noName": {
    excel: "#VALUE!",
    params: { code: "text" },
    "en-US": "Segment map code {{code}} has no segment name.",
    "zh-CN": "分群映射表中的代码 {{code}} 没有分群名称。",
  },
  "segmentMap.notPartition": {
    excel: "#VALUE!",
    params: { bins: "number", problems: "phrases" },
    "en-US": "The segment map for {{bins}} bins is not a partition: {{problems}}.",
    "zh-CN": "{{bins}} 档的分群映射表没有让每个代码恰好属于一个分群：{{problems}}。",
  },
  "segmentMap.gaps": {
    params: { count: "number", codes: "phrase" },
    "en-US": "{{count}} code(s) have no segment: {{codes}}",
    "zh-CN": "{{count}} 个代码没有分群：{{codes}}",
  },
  "segmentMap.overlaps": {
    params: { count: "number", codes: "phrase" },
    "en-US": "{{count}} code(s) have more than one segment: {{codes}}",
    "zh-CN": "{{count}} 个代码属于多个分群：{{codes}}",
  },
  "list.all": {
    params: { items: "text" },
    "en-US": "{{items}}",
    "zh-CN": "{{items}}",
  },
  "list.more": {
    params: { items: "text", more: "number" },
    "en-US": "{{items}} and {{more}} more",
    "zh-CN": "{{items}} 等（另有 {{more}} 个）",
  },
  "tier.labelCount": {
    excel: "#VALUE!",
    params: { cutoffs: "number", tiers: "number", labels: "number" },
    "en-US": "{{cutoffs}} cutoff(s) make {{tiers}} tiers, but {{labels}} label(s) were given.",
    "zh-CN": "{{cutoffs}} 个分层比例会分出 {{tiers}} 层，但给出了 {{labels}} 个层级名称。",
  },
  "tier.cutoffCount": {
    excel: "#VALUE!",
    params: { count: "number" },
    "en-US": "Give from 1 to 254 cutoffs, got {{count}}.",
    "zh-CN": "分层比例须为 1 到 254 个，当前为 {{count}} 个。",
  },
  "tier.cutoffRange": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "Cutoffs are shares strictly between 0 and 1 (e.g. 0.2 for 20 %), got {{value}}.",
    "zh-CN": "分层比例必须严格介于 0 与 1 之间（例如 20 % 写作 0.2），当前为 {{value}}。",
  },
  "tier.cutoffOrder": {
    excel: "#VALUE!",
    params: { previous: "number", next: "number" },
    "en-US": "Cutoffs must increase, got {{previous}} then {{next}}.",
    "zh-CN": "分层比例必须递增，当前 {{previous}} 之后是 {{next}}。",
  },
  "tier.valueNegative": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US":
      'Tiers by share of value need values ≥ 0, got {{value}}; use basis "customers" for values that can be negative.',
    "zh-CN":
      '按价值占比分层要求数值不小于 0，当前有 {{value}}；数值可能为负时请用 basis "customers"。',
  },
  "tier.valueZero": {
    excel: "#VALUE!",
    "en-US": "The values add up to 0: there is no value to share out.",
    "zh-CN": "数值合计为 0：没有可分配的价值。",
  },
  "score.noMeasure": {
    excel: "#VALUE!",
    "en-US": "Give at least one measure.",
    "zh-CN": "请至少给出一个指标。",
  },
  "score.weightCount": {
    excel: "#VALUE!",
    params: { measures: "number", weights: "number" },
    "en-US": "{{measures}} measure(s) need {{measures}} weight(s), got {{weights}}.",
    "zh-CN": "{{measures}} 个指标需要 {{measures}} 个权重，当前为 {{weights}} 个。",
  },
  "score.directionCount": {
    excel: "#VALUE!",
    params: { measures: "number", directions: "number" },
    "en-US": "{{measures}} measure(s) need {{measures}} direction(s), got {{directions}}.",
    "zh-CN": "{{measures}} 个指标需要 {{measures}} 个方向，当前为 {{directions}} 个。",
  },
  "score.weight": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "Weights must be finite and not negative, got {{value}}.",
    "zh-CN": "权重必须是有限的非负数，当前为 {{value}}。",
  },
  "score.weightsZero": {
    excel: "#VALUE!",
    "en-US": "The weights add up to 0: give at least one measure a positive weight.",
    "zh-CN": "权重合计为 0：请至少给一个指标正的权重。",
  },
  "score.direction": {
    excel: "#VALUE!",
    params: { value: "number" },
    "en-US": "Directions are 1 (more is better) or -1 (less is better), got {{value}}.",
    "zh-CN": "方向为 1（越大越好）或 -1（越小越好），当前为 {{value}}。",
  },
  "score.lengths": {
    excel: "#VALUE!",
    "en-US": "Every measure needs one value per customer.",
    "zh-CN": "每个指标都须为每位客户给出一个值。",
  },
} as const satisfies MessageTable;
