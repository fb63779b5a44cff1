/**
 * The message catalogue walked code by code in both languages: every code has both texts with the same
 * placeholders as its declared parameters, renders without leftovers, travels with a sensible Excel error, and is
 * used somewhere in the source (and the source uses no code the catalogue lacks).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { CvaError, cvaError, errorText } from "../../../src/core/errors";
import {
  entryOf,
  ErrorCode,
  Message,
  MESSAGES,
  MessageCode,
  messageTexts,
  phrase,
} from "../../../src/core/messages/catalogue";
import { LOCALES, localeOf, ParamKind } from "../../../src/core/messages/messageTypes";
import { formatNumber, formatSerialDate, renderMessage } from "../../../src/core/messages/render";

const codes = Object.keys(MESSAGES) as MessageCode[];
const entries = codes.map((code) => [code, entryOf(code)] as const);
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

const SAMPLE: Record<ParamKind, unknown> = {
  number: 2.5,
  text: "T",
  value: "v",
  date: 45000,
  phrase: phrase("term.recency"),
  phrases: [phrase("term.recency"), phrase("term.frequency")],
};

function sampleMessage(code: MessageCode): Message {
  const params = Object.fromEntries(
    Object.entries(entryOf(code).params ?? {}).map(([name, kind]) => [name, SAMPLE[kind]])
  );
  return { code, params } as Message;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the message catalogue", () => {
  it("has codes named family.name", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/);
  });

  it.each(entries)(
    "%s: both texts, their placeholders exactly the declared parameters",
    (code, entry) => {
      const declared = Object.keys(entry.params ?? {}).sort();
      for (const locale of LOCALES) {
        expect(entry[locale].trim()).not.toBe("");
        expect([code, locale, placeholders(entry[locale])]).toEqual([code, locale, declared]);
      }
      // The Chinese text is Chinese, unless it is only its parameters (the same in every language).
      const bare = entry["zh-CN"].replace(/\{\{\w+\}\}/g, "").trim();
      if (bare !== "") expect([code, CJK.test(entry["zh-CN"])]).toEqual([code, true]);
      else expect(entry["zh-CN"]).toBe(entry["en-US"]);
    }
  );

  it.each(entries)("%s renders in both languages without leftovers", (code) => {
    for (const locale of LOCALES) {
      const text = renderMessage(sampleMessage(code), locale);
      expect(text).not.toMatch(/\{\{|\}\}|NaN|\[object/);
      if (!entryOf(code)[locale].includes("undefined")) expect(text).not.toMatch(/undefined/);
    }
  });

  it("gives every error an Excel error; only bare ones use #NUM! or #DIV/0!, and phrases use none", () => {
    for (const [code, entry] of entries) {
      if (code.startsWith("term.") || entry.excel === undefined) {
        expect([code, entry.excel, entry.bare]).toEqual([code, undefined, undefined]);
        continue;
      }
      const silent = entry.excel === "#NUM!" || entry.excel === "#DIV/0!";
      expect([code, entry.excel, entry.bare === true]).toEqual([code, entry.excel, silent]);
    }
  });

  it("uses every code somewhere in src, and src uses no code it lacks", () => {
    const root = join(__dirname, "..", "..", "..", "src");
    const catalogueDir = join(root, "core", "messages");
    const files = sourceFiles(root).filter((file) => !file.startsWith(catalogueDir));
    const source = files.map((file) => readFileSync(file, "utf8")).join("\n");
    const unused = codes.filter((code) => !source.includes(`"${code}"`));
    expect(unused).toEqual([]);
    const used = [
      ...source.matchAll(
        /(?:cvaError|phrase|errorMessage)\(\s*"([^"]+)"|code: "([a-z]+\.[A-Za-z]+)"/g
      ),
    ].map((m) => m[1] ?? m[2]);
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((code) => !(code in MESSAGES))).toEqual([]);
    // Not a string, never built: a code is always a literal, so this walk sees every use.
    expect(
      files
        .filter((f) => /(?:cvaError|phrase)\(\s*`/.test(readFileSync(f, "utf8")))
        .map((f) => relative(root, f))
    ).toEqual([]);
  });

  it("lists the texts per family for i18next, the same as rendered", () => {
    for (const locale of LOCALES) {
      const texts = messageTexts(locale);
      for (const code of codes) {
        const [family, name] = code.split(".");
        expect(texts[family][name]).toBe(entryOf(code)[locale]);
      }
    }
  });
});

describe("CvaError with catalogue codes", () => {
  it("carries the code and parameters, its Excel error from the catalogue, English as .message", () => {
    const error = cvaError("kpi.negative", { what: phrase("term.grossMargin"), value: -0.1 });
    expect(error).toBeInstanceOf(CvaError);
    expect([error.code, error.messageCode, error.params]).toEqual([
      "#VALUE!",
      "kpi.negative",
      { what: phrase("term.grossMargin"), value: -0.1 },
    ]);
    expect(error.message).toBe("Gross margin must not be negative, got -0.1.");
    expect(errorText(error, "zh-CN")).toBe("毛利率不能为负数，当前为 -0.1。");
    expect(errorText(error, "en-US")).toBe(error.message);
  });

  it("passes on the Excel error of an input cell with the cell named, in both languages", () => {
    const held = new CvaError({ code: "cell.errorValue", params: { code: "#N/A" } }, "#N/A");
    const error = new CvaError(
      {
        code: "cell.holdsError",
        params: {
          what: phrase("term.inRow", { what: phrase("term.recency"), row: 3 }),
          detail: held.text,
        },
      },
      held.code
    );
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("Recency in row 3 holds an error: The input holds #N/A.");
    expect(errorText(error, "zh-CN")).toBe(
      "第 3 行的最近购买间隔（recency）含有错误值：输入中含有 #N/A。"
    );
  });

  it("renders lists, quoted values, numbers and dates per language", () => {
    const error = cvaError("range.rowCounts", {
      sizes: [
        phrase("range.rowCount", { what: phrase("term.recency"), rows: 5 }),
        phrase("range.rowCount", { what: phrase("term.frequency"), rows: 4 }),
      ],
    });
    expect(error.message).toBe(
      "The ranges must have the same number of rows: Recency has 5; Frequency has 4."
    );
    expect(errorText(error, "zh-CN")).toBe(
      "各区域的行数必须相同：最近购买间隔（recency）有 5 行；购买频次（frequency）有 4 行。"
    );
    const text = cvaError("cell.notNumber", { what: phrase("term.lifespan"), value: "soon" });
    expect(text.message).toBe('Lifespan must be a number, got "soon".');
    expect(errorText(text, "zh-CN")).toBe("客户生命周期必须是数字，当前为 “soon”。");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(5e-324)).toBe("5e-324");
    expect([1, 59, 60, 61, 45000, 2958465].map(formatSerialDate)).toEqual([
      "1900-01-01",
      "1900-02-28",
      "1900-02-29",
      "1900-03-01",
      "2023-03-15",
      "9999-12-31",
    ]);
  });

  it("picks the zh-CN texts for every Chinese display language, English otherwise", () => {
    expect(["zh-CN", "zh-TW", "ZH-hk", "en-US", "de-DE", undefined].map(localeOf)).toEqual([
      "zh-CN",
      "zh-CN",
      "zh-CN",
      "en-US",
      "en-US",
      "en-US",
    ]);
  });
});

/** For the types: an error code is accepted where ErrorCode is expected. */
export const anError: ErrorCode = "kpi.negative";
