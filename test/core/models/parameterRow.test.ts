import {
  formatModelParams,
  parseModelParams,
  parseSpendModelParams,
  parseTransactionModelParams,
} from "../../../src/core/models/parameterRow";
import type { ModelParams } from "../../../src/core/models/registry";
import { CvaError, errorText } from "../../../src/core/errors";
import { bgNbd } from "../../../src/core/models/bgnbd";

describe("model parameter rows", () => {
  it.each<ModelParams>([
    { model: "BG/NBD", r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 },
    { model: "MBG/NBD", r: 0.52, alpha: 6.18, a: 0.89, b: 1.61 },
    { model: "Pareto/NBD", r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
    { model: "GG", p: 6.25, q: 3.74, v: 15.44 },
  ])("round-trips $model", (params) => {
    const row = formatModelParams(params);
    expect(row).toHaveLength(5);
    expect(parseModelParams(row)).toEqual(params);
  });

  it("formats as [name, p1, p2, p3, p4] with GG's fourth slot blank", () => {
    expect(formatModelParams({ model: "Pareto/NBD", r: 1, alpha: 2, s: 3, beta: 4 })).toEqual([
      "Pareto/NBD",
      1,
      2,
      3,
      4,
    ]);
    expect(formatModelParams({ model: "GG", p: 1, q: 2, v: 3 })).toEqual(["GG", 1, 2, 3, ""]);
  });

  it("accepts other spellings of the names", () => {
    expect(parseModelParams(["pnbd", 1, 2, 3, 4]).model).toBe("Pareto/NBD");
    expect(parseModelParams([" bg/nbd ", 1, 2, 3, 4]).model).toBe("BG/NBD");
    expect(parseModelParams(["Gamma-Gamma", 1, 2, 3]).model).toBe("GG");
  });

  it("refuses unknown names, missing or non-positive values, and extra values", () => {
    expect(() => parseModelParams(["NBD", 1, 2, 3, 4])).toThrow(
      new CvaError(
        "#VALUE!",
        'modelParams must start with a model name (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, GG, sBG), got "NBD".'
      )
    );
    expect(() => parseModelParams(["BG/NBD", 1, 2, 3])).toThrow("BG/NBD parameter b is blank.");
    expect(() => parseModelParams(["BG/NBD", 1, "x", 3, 4])).toThrow(
      'BG/NBD parameter alpha must be a number, got "x".'
    );
    expect(() => parseModelParams(["BG/NBD", 1, 2, 0, 4])).toThrow(
      new CvaError("#NUM!", "BG/NBD parameter a must be > 0, got 0.")
    );
    expect(() => parseModelParams(["GG", 1, 2, 3, 4])).toThrow("GG takes 3 parameters");
  });

  it("checks the kind of model an argument needs", () => {
    expect(() => parseTransactionModelParams(["GG", 1, 2, 3, ""])).toThrow(
      "got Gamma-Gamma (GG) ones"
    );
    expect(() => parseSpendModelParams(["BG/NBD", 1, 2, 3, 4])).toThrow("got BG/NBD ones");
  });
});

describe("model errors in the user's language", () => {
  it("render every model message in Chinese, parameters and run-off explanations included", () => {
    const frequency = Array.from({ length: 200 }, (_, i) => 1 + (i % 5));
    const T = Array.from({ length: 200 }, (_, i) => 20 + (i % 20));
    const failures = [
      () => bgNbd.fit(frequency, T, T),
      () => parseModelParams(["NBD", 1, 2, 3, 4]),
      () => parseTransactionModelParams(["GG", 1, 2, 3, ""]),
      () => bgNbd.fit([0, 2, 1], [0, 3, 0], [5, 5, 5]),
    ];
    const texts = failures.map((fail) => {
      try {
        fail();
      } catch (error) {
        return errorText(error as CvaError, "zh-CN");
      }
      throw new Error("expected a failure");
    });
    expect(texts[0]).toMatch(
      /^BG\/NBD 在这些数据上没有最优拟合：.*a 趋于零：每次购买后流失的概率趋于 0/
    );
    expect(texts[1]).toBe(
      'modelParams 必须以模型名称开头（BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, GG, sBG），当前为 "NBD"。'
    );
    expect(texts[2]).toMatch(/^此处需要交易模型（BG\/NBD, Pareto\/NBD, MBG\/NBD, BG\/BB）的参数/);
    expect(texts[3]).toMatch(/^第 3 行：frequency 为 1 而 recency 为 0/);
    for (const text of texts) expect(text).not.toMatch(/\b(the|must|runs|got)\b/);
  });
});
