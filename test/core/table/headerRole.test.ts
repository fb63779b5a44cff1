import { headerRole, normaliseHeader } from "../../../src/core/table/headerRole";

describe("normaliseHeader", () => {
  it("ignores case, spaces, punctuation, full-width forms and notes in brackets", () => {
    expect(normaliseHeader(" Customer-ID ")).toBe("customerid");
    expect(normaliseHeader("Recency (days)")).toBe("recency");
    expect(normaliseHeader("ＩＤ")).toBe("id");
    expect(normaliseHeader("消费金额（元）")).toBe("消费金额");
    expect(normaliseHeader("购买 次数")).toBe("购买次数");
  });
});

describe("headerRole", () => {
  it.each([
    ["Customer", "customer"],
    ["Customer ID", "customer"],
    ["customer_name", "customer"],
    ["Recency (days)", "recency"],
    ["Days since last purchase", "recency"],
    ["FREQUENCY", "frequency"],
    ["Number of orders", "frequency"],
    ["Monetary", "monetary"],
    ["Total spend", "monetary"],
    ["Order date", "date"],
    ["Last purchase date", "date"],
    ["Amount", "amount"],
    ["Total amount", "amount"],
    ["R", "recency"],
    ["F", "frequency"],
    ["M", "monetary"],
  ])("reads the English header %j as %s", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it.each([
    ["客户", "customer"],
    ["客户编号", "customer"],
    ["客户名称", "customer"],
    ["最近购买", "recency"],
    ["最近一次购买", "recency"],
    ["频次", "frequency"],
    ["购买次数", "frequency"],
    ["金额", "monetary"],
    ["消费金额", "monetary"],
    ["日期", "date"],
    ["交易日期", "date"],
    ["交易金额", "amount"],
  ])("reads the Chinese header %j as %s", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });

  it("names nothing for other headers", () => {
    expect(headerRole("CDs")).toBeUndefined();
    expect(headerRole("First purchase")).toBeUndefined();
    expect(headerRole("")).toBeUndefined();
    expect(headerRole("(note)")).toBeUndefined();
  });
});
