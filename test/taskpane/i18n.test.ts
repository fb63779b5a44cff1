import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import enUS from "../../src/taskpane/i18n/en-US.json";
import zhCN from "../../src/taskpane/i18n/zh-CN.json";
import { createI18n, engineErrorText } from "../../src/taskpane/i18n";
import { cvaError } from "../../src/core/errors";
import { entryOf, MESSAGES, MessageCode, phrase } from "../../src/core/messages/catalogue";
import { SEGMENTS } from "../../src/core/rfm/segmentMap";
import {
  REVIEW_ACTION,
  SEGMENT_ACTIONS,
  TIER_ACTIONS,
} from "../../src/core/segmentation/recommendedActions";
import { SKIP_REASONS } from "../../src/core/table/prepareCustomers";

type Tree = { [key: string]: string | Tree };

/** Every leaf key, plural forms (_one, _other) folded into one. */
function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [`${prefix}${key.replace(/_(one|other)$/, "")}`]
      : keys(value, `${prefix}${key}.`)
  );
}

const unique = (list: string[]) => [...new Set(list)].sort();

describe("the pane's text in en-US and zh-CN", () => {
  it("has the same keys in both languages", () => {
    expect(unique(keys(zhCN as Tree))).toEqual(unique(keys(enUS as Tree)));
  });

  it("names every segment, action and skip reason the engine can produce", () => {
    for (const language of ["en-US", "zh-CN"] as const) {
      const i18n = createI18n(language);
      const known = (key: string) => expect([key, i18n.exists(key)]).toEqual([key, true]);
      SEGMENTS.forEach((segment) => {
        known(`segments.${segment}`);
        known(`segmentShort.${segment}`);
      });
      [...Object.values(SEGMENT_ACTIONS), ...Object.values(TIER_ACTIONS), REVIEW_ACTION].forEach(
        known
      );
      [...SKIP_REASONS, "inconsistent"].forEach((reason) => known(`quality.reasons.${reason}`));
    }
  });

  it("has a message for every problem key the pane's code raises", () => {
    const dir = join(__dirname, "..", "..", "src", "taskpane");
    const sources = [
      ...readdirSync(join(dir, "flow")).map((file) => join(dir, "flow", file)),
      ...readdirSync(join(dir, "components")).map((file) => join(dir, "components", file)),
      ...readdirSync(dir)
        .filter((file) => file.endsWith(".ts"))
        .map((file) => join(dir, file)),
    ];
    const raised = sources.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/problem\(\s*"([A-Za-z]+)"/g)].map((m) => m[1])
    );
    expect(raised.length).toBeGreaterThan(10);
    const problems = keys((enUS as Tree).problems as Tree);
    for (const key of raised) expect([key, problems.includes(key)]).toEqual([key, true]);
  });

  it("holds every engine message under engine.*, and renders engine errors in its language", () => {
    for (const language of ["en-US", "zh-CN"] as const) {
      const i18n = createI18n(language);
      for (const code of Object.keys(MESSAGES) as MessageCode[])
        expect(i18n.t(`engine.${code}`, { interpolation: { skipOnVariables: true } })).toBe(
          entryOf(code)[language]
        );
    }
    const error = cvaError("kpi.fraction", { what: phrase("term.grossMargin"), value: 400 });
    expect(engineErrorText(error, "zh-CN")).toBe(
      "毛利率必须介于 0 与 1 之间（例如 40 % 写作 0.4），当前为 400。"
    );
    expect(engineErrorText(error, "en-US")).toBe(error.message);
  });

  it("speaks Chinese with Chinese plural rules", () => {
    const i18n = createI18n("zh-CN");
    expect(i18n.t("segment.button", { count: 2357, customers: "2,357" })).toBe("细分 2,357 位客户");
    expect(createI18n("en-US").t("segment.button", { count: 1, customers: "1" })).toBe(
      "Segment 1 customer"
    );
  });
});
