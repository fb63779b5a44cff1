/**
 * Inside Office, a custom function's error is a CustomFunctions.Error whose message is in Excel's display language
 * (Office.context.displayLanguage); #NUM! and #DIV/0!, which Excel shows without a message, carry none. Office and
 * CustomFunctions are stood in for by the two globals the adapters read.
 */
import { cac, clv, rfmSegment } from "../../src/functions/functions";
import { FakeExcelError, standInForOffice } from "./officeStandIns";

standInForOffice("zh-TW");

describe("custom functions in a Chinese Excel", () => {
  it("return #VALUE! and #N/A with the message in the display language", () => {
    expect(clv([[50]], [[4]], [[3]], [[0]], [[40]])).toEqual([
      [new FakeExcelError("#VALUE!", "毛利率应填小数而不是百分数：40 % 请写作 0.4。")],
    ]);
    expect(rfmSegment([["666"]])).toEqual([
      [
        new FakeExcelError(
          "#N/A",
          "RFM 代码 666 没有对应的分群：默认映射表只涵盖 5 档得分的 125 个代码（数字 1 到 5）。得分档数更多时，请提供您自己的分群映射表。"
        ),
      ],
    ]);
  });

  it("return #DIV/0! bare, as Excel shows it", () => {
    const [[error]] = cac([[100]], [[0]], [[0]]);
    expect(error).toEqual(new FakeExcelError("#DIV/0!"));
    expect((error as FakeExcelError).message).toBeUndefined();
  });
});
