import {
  monthOfSerial,
  periodLabel,
  periodOfMonth,
} from "../../../src/core/cohorts/calendarPeriods";
import { excelSerial } from "../../../src/core/cdnow/cdnowMaster";

describe("calendar periods of Excel serial dates", () => {
  it("agrees with JavaScript's own calendar from 1900-03-01 to 9999-12-31", () => {
    const last = excelSerial(9999, 12, 31);
    for (let serial = 61; serial <= last; serial += 97) {
      const date = new Date((serial - 25569) * 86_400_000);
      expect(monthOfSerial(serial)).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
    }
    expect(monthOfSerial(last)).toBe(9999 * 12 + 11);
  });

  it("reads serials 1–60 as Excel shows them, the phantom 1900-02-29 included, and ignores the time of day", () => {
    expect(monthOfSerial(1)).toBe(1900 * 12);
    expect(monthOfSerial(31)).toBe(1900 * 12);
    expect(monthOfSerial(32)).toBe(1900 * 12 + 1);
    expect(monthOfSerial(60)).toBe(1900 * 12 + 1);
    expect(monthOfSerial(61)).toBe(1900 * 12 + 2);
    expect(monthOfSerial(excelSerial(2000, 2, 29) + 0.99)).toBe(2000 * 12 + 1);
    expect(monthOfSerial(excelSerial(1997, 12, 31))).toBe(1997 * 12 + 11);
    expect(monthOfSerial(excelSerial(1998, 1, 1))).toBe(1998 * 12);
  });

  it("numbers quarters and years consecutively and labels them", () => {
    const march = 1997 * 12 + 2;
    expect(periodOfMonth(march, "M")).toBe(march);
    expect(periodOfMonth(march, "Q")).toBe(1997 * 4);
    expect(periodOfMonth(march + 1, "Q")).toBe(1997 * 4 + 1);
    expect(periodOfMonth(march, "Y")).toBe(1997);
    expect(periodLabel(march, "M")).toBe("1997-03");
    expect(periodLabel(1997 * 12 + 11, "M")).toBe("1997-12");
    expect(periodLabel(1997 * 4 + 3, "Q")).toBe("1997-Q4");
    expect(periodLabel(1997, "Y")).toBe("1997");
  });
});
