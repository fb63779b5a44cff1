/**
 * The retention functions in a Chinese Excel: their errors carry the message in the display language, as the
 * other functions' do (test/functions/displayLanguage.test.ts; the stand-ins for Office are officeStandIns.ts).
 */
import { bgbb, cohorts, sbg, sbgSurvivalCurve } from "../../src/functions/functions";
import { FakeExcelError, standInForOffice } from "./officeStandIns";

standInForOffice("zh-CN");

describe("retention functions in a Chinese Excel", () => {
  it("explain in Chinese why with #VALUE! and #N/A", () => {
    expect(sbg([[100, 80, 85]])).toEqual([
      [
        new FakeExcelError(
          "#VALUE!",
          '第 2 期：客户数为 85，而第 1 期为 80。存活客户数不能上升：sBG 计的是仍然活跃的客户，流失后不会再回来（对于交易明细，CVA.COHORTS(…, "retained") 统计在该期或之后有购买的客户）。'
        ),
      ],
    ]);
    expect(sbgSurvivalCurve([[1.5]], [["sBG", 0.7, 1.2]])).toEqual([
      [new FakeExcelError("#VALUE!", "期数（t）按整期计，必须是不小于 0 的整数，当前为 1.5。")],
    ]);
    expect(bgbb([[1]], [[1]], [[6]])).toEqual([
      [new FakeExcelError("#VALUE!", "BG/BB 至少需要 2 位客户才能拟合，当前为 1。")],
    ]);
    expect(cohorts([[null]], [[null]] as never)).toEqual([
      [new FakeExcelError("#N/A", "没有交易：所有行都为空。")],
    ]);
  });
});
