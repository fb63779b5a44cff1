import { excelSerial, parseCdnowMaster } from "../../../src/core/cdnow/cdnowMaster";

describe("parseCdnowMaster", () => {
  it("reads ids as text, dates as Excel serials, CRLF and a header line", () => {
    const parsed = parseCdnowMaster(
      " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  5   77.00\r\n"
    );
    expect(parsed).toEqual({
      customerId: ["00001", "00002"],
      date: [35431, 35442],
      cds: [1, 5],
      amount: [11.77, 77],
    });
  });

  it("uses Excel's serial numbers", () => {
    expect(excelSerial(1900, 3, 1)).toBe(61); // Excel counts the phantom 1900-02-29 as serial 60
    expect(excelSerial(2024, 1, 1)).toBe(45292);
  });

  it("names a malformed line", () => {
    expect(() => parseCdnowMaster("00001 1997-01-01 1 11.77")).toThrow("CDNOW line 1");
  });
});
