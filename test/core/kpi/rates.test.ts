import { cac } from "../../../src/core/kpi/cac";
import { churnRate } from "../../../src/core/kpi/churnRate";
import { retainedCustomers } from "../../../src/core/kpi/retainedCustomers";
import { retentionRate } from "../../../src/core/kpi/retentionRate";
import { cvaErrorWith } from "../cvaErrorMatcher";

describe("cac", () => {
  it("is (marketing + sales) / new customers", () => {
    expect(cac(6000, 4000, 50)).toBe(200);
    expect(cac(0, 0, 3)).toBe(0);
  });
  it("refuses no new customers (a bare #DIV/0!) and negative spend (#VALUE! naming it)", () => {
    expect(() => cac(100, 0, 0)).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
    expect(() => cac(-100, 0, 3)).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "Marketing spend must not be negative, got -100.",
      })
    );
  });
});

describe("retention and churn", () => {
  it("are (end − new)/start and (start − end + new)/start, adding up to 1", () => {
    expect(retainedCustomers(200, 180, 30)).toBe(150);
    expect(retentionRate(200, 180, 30)).toBe(0.75);
    expect(churnRate(200, 180, 30)).toBe(0.25);
    expect(churnRate(3, 2, 0)).toBe(1 / 3);
    expect(retentionRate(3, 2, 0) + churnRate(3, 2, 0)).toBeCloseTo(1, 15);
  });
  it("refuses an empty start and impossible counts", () => {
    expect(() => retentionRate(0, 5, 5)).toThrow(cvaErrorWith("kpi.noStartCustomers"));
    expect(() => churnRate(100, 10, 20)).toThrow(
      cvaErrorWith("kpi.newExceedEnd", { added: 20, end: 10 })
    );
    expect(() => retentionRate(100, 150, 20)).toThrow(
      cvaErrorWith("kpi.retainedExceedStart", { retained: 130, start: 100 })
    );
    expect(() => churnRate(-1, 10, 2)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});
