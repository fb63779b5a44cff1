import { CvaError } from "../../../src/core/errors";
import type { BgNbdParams } from "../../../src/core/models/bgnbd";
import type { GammaGammaParams } from "../../../src/core/models/gammaGamma";
import { paretoNbd, type ParetoNbdParams } from "../../../src/core/models/paretoNbd";
import { predictedClv } from "../../../src/core/models/predictiveClv";
import { expectRelative } from "./cdnowData";

const BG: BgNbdParams = {
  model: "BG/NBD",
  r: 0.2425945,
  alpha: 4.4136019,
  a: 0.7929199,
  b: 2.4258881,
};
const GG: GammaGammaParams = { model: "GG", p: 6.25, q: 3.74, v: 15.44 };
const frequency = [2, 0, 7, 1];
const recency = [30.43, 0, 35.5, 1.71];
const T = [38.86, 38.86, 38.86, 38.86];
const monetary = [22.35, 0, 30.5, 11.77];

describe("predictedClv", () => {
  it("matches lifetimes' customer_lifetime_value (reimplemented in mpmath at 30 digits), weekly data", () => {
    const clv = predictedClv(BG, GG, frequency, recency, T, monetary, {
      months: 12,
      monthlyDiscountRate: 0.01,
      dataUnit: "W",
    });
    [
      36.285831321777516898, 8.3555223028724823859, 162.75662309265486164, 4.6388578601835005768,
    ].forEach((expected, i) => expectRelative(clv[i] as number, expected, 1e-12));
  });

  it("matches it for monthly data, 6 months at 5% a month", () => {
    const clv = predictedClv(BG, GG, frequency, recency, T, monetary, {
      months: 6,
      monthlyDiscountRate: 0.05,
      dataUnit: "M",
    });
    [
      4.5684587528685268389, 0.98270705096342029696, 21.480167361878990436, 0.56962018141329828188,
    ].forEach((expected, i) => expectRelative(clv[i] as number, expected, 1e-12));
  });

  it("scales with the data unit: the same weekly data read as days predicts far less (the units trap)", () => {
    const weekly = predictedClv(BG, GG, frequency, recency, T, monetary, {
      dataUnit: "W",
    }) as number[];
    const daily = predictedClv(BG, GG, frequency, recency, T, monetary, {
      dataUnit: "D",
    }) as number[];
    weekly.forEach((w, i) => expect(daily[i]).toBeGreaterThan(w * 3));
  });

  it("sums purchase increments month by month: undiscounted, it is spend × E[purchases in the whole horizon]", () => {
    const params: ParetoNbdParams = {
      model: "Pareto/NBD",
      r: 0.5534,
      alpha: 10.5802,
      s: 0.6061,
      beta: 11.6685,
    };
    const clv = predictedClv(params, GG, [3], [20], [38.86], [25], {
      months: 24,
      monthlyDiscountRate: 0,
      dataUnit: "W",
    });
    const spend = (6.25 * (15.44 + 3 * 25)) / (6.25 * 3 + 2.74);
    expectRelative(
      clv[0] as number,
      spend * paretoNbd.conditionalExpectedPurchases(params, 24 * 4.345, 3, 20, 38.86),
      1e-13
    );
  });

  it("gives a bad row its own error and still values the others", () => {
    const clv = predictedClv(BG, GG, [2, 1, 3], [30, 0, 10], [38, 38, 38], [20, 10, -1], {
      dataUnit: "W",
    });
    expect(typeof clv[0]).toBe("number");
    expect((clv[1] as CvaError).message).toContain("frequency 1 with recency 0");
    expect((clv[2] as CvaError).message).toContain("monetary must be > 0");
  });

  it("gives customers the model cannot value over the horizon their own error", () => {
    // With a time scale α of 0.001 days, a customer first seen today (T = 0) makes one month 30,000 × (α + T): the
    // series cannot be summed for them, while a customer observed for 38.86 days is valued as usual.
    const clv = predictedClv(
      { ...BG, alpha: 0.001 },
      GG,
      [0, 2],
      [0, 30.43],
      [0, 38.86],
      [0, 22.35],
      {
        dataUnit: "D",
      }
    );
    expect((clv[0] as CvaError).code).toBe("#VALUE!");
    expect((clv[0] as CvaError).message).toMatch(/^The horizon \d+ is too long/);
    expect(clv[1]).toBeGreaterThan(0);
  });

  it("refuses bad options for the whole call", () => {
    expect(() => predictedClv(BG, GG, [1], [1], [2], [3], { months: 0 })).toThrow("months");
    expect(() => predictedClv(BG, GG, [1], [1], [2], [3], { months: 1201 })).toThrow(
      "from 1 to 1200"
    );
    expect(() => predictedClv(BG, GG, [1], [1], [2], [3], { monthlyDiscountRate: -1 })).toThrow(
      "discount rate"
    );
    expect(() => predictedClv(BG, GG, [1], [1], [2], [3], { dataUnit: "Y" as "D" })).toThrow(
      "dataUnit"
    );
    expect(() => predictedClv(BG, { ...GG, q: 1 }, [1], [1], [2], [3])).toThrow(
      "infinite mean spend"
    );
    expect(() => predictedClv(BG, GG, [1], [1, 2], [2], [3])).toThrow("same number of rows");
  });
});
