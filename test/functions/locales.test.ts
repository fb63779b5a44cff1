/** Every function and parameter of the generated metadata has zh-CN help, and the localized file keeps the ids. */
import zhCN from "../../src/functions/locales/zh-CN.json";
import { generateMetadata } from "./hyperformulaHarness";
// The webpack plugin is CommonJS (webpack loads it with require).
const { localizeFunctionsMetadata } = require("../../scripts/localize-functions-plugin") as {
  localizeFunctionsMetadata: (json: string, translations: unknown, locale: string) => string;
};

type Translations = Record<string, { description: string; parameters: Record<string, string> }>;

describe("zh-CN function help", () => {
  it("translates every function and parameter, and nothing that does not exist", async () => {
    const { functions, json } = await generateMetadata();
    const translations = zhCN as Translations;
    expect(Object.keys(translations).sort()).toEqual(functions.map((f) => f.id).sort());
    for (const fn of functions) {
      expect(translations[fn.id].description).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(translations[fn.id].parameters).sort()).toEqual(
        fn.parameters.map((p) => p.name).sort()
      );
      for (const p of fn.parameters)
        expect(translations[fn.id].parameters[p.name]).toMatch(/[\u4e00-\u9fff]/);
    }
    const localized = JSON.parse(localizeFunctionsMetadata(json, translations, "zh-CN")) as {
      functions: typeof functions;
    };
    expect(localized.functions.map((f) => [f.id, f.name])).toEqual(
      functions.map((f) => [f.id, f.name])
    );
    expect(localized.functions.find((f) => f.id === "CAC")?.description).toBe(
      translations.CAC.description
    );
  });
});
