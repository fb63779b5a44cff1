/**
 * Published retention data and high-precision references for the sBG and BG/BB tests. The references come from
 * retentionReferences.py (mpmath at 40 digits: the likelihood's exact optimum as a root of its gradient, predictions
 * from the papers' closed forms).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REFERENCE_DATA } from "./cdnowData";

/**
 * Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1), Table 1: % of
 * a cohort of 1,000 customers still active at the start of years 0–12 (data/README.md). Years 0–7 are the
 * calibration data the paper fits on; years 8–12 the holdout it projects.
 */
export const FH2007 = {
  regular: {
    calibration: [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1],
    holdout: [22.3, 20.7, 19.4, 18.3, 17.3],
    published: { alpha: 0.704, beta: 1.182 },
    /** mpmath: the exact optimum, and S(8…12) in % at it. */
    optimum: { alpha: 0.704077298474, beta: 1.18204302621, logLikelihood: -1680.2651884633 },
    projected: [22.00849665, 20.44107866, 19.1190191, 17.98649924, 17.00374528],
    /** DEL at d = 0.1 and DERL at d = 0.1 for n = 0, 1, 3, 4 renewals (Fader & Hardie 2010, eqs. 4 and 6). */
    del: 3.6949084275121,
    derl: [2.9643992702633, 4.1031397750838, 5.4420584667419, 5.8940953613809],
  },
  highEnd: {
    calibration: [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1],
    holdout: [46.8, 44.5, 42.7, 40.9, 39.4],
    published: { alpha: 0.668, beta: 3.806 },
    optimum: { alpha: 0.668088351106, beta: 3.80609496406, logLikelihood: -1611.1581473912 },
    projected: [46.04396718, 43.577959, 41.41723979, 39.50553432, 37.79990716],
    del: 5.9222534957833,
    derl: [5.4144788453616, 5.9013775938051, 6.6199199879136, 6.8967066814295],
  },
  cohortSize: 1000,
  renewals: [0, 1, 3, 4],
} as const;

/** The same curves as counts of the 1,000 customers. */
export const countsOf = (percentages: readonly number[]) =>
  percentages.map((p) => Math.round((p * FH2007.cohortSize) / 100));

/**
 * The donations data of Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
 * setting", Marketing Science 29(6): 22 (x, tₓ, n = 6) patterns with their donor counts, 11,104 donors.
 */
export function donations(): {
  frequency: number[];
  recency: number[];
  periods: number[];
  count: number[];
} {
  const rows = readFileSync(resolve(REFERENCE_DATA, "donations.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((row) => row.split(",").map(Number));
  return {
    frequency: rows.map((r) => r[0]),
    recency: rows.map((r) => r[1]),
    periods: rows.map((r) => r[2]),
    count: rows.map((r) => r[3]),
  };
}

/** BG/BB on the donations: the published estimates and figures, and the mpmath references. */
export const DONATIONS = {
  published: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
  /** Table 6, "P(alive in 2002)" for (x, tₓ) = (0, 0), (2, 4), (6, 6). */
  publishedPAlive: [0.11, 0.59, 0.93],
  /** Hardie's BG/BB spreadsheet: expected donations in the next 5 years over all donors; donors with 0 and 6 repeat donations in 6 years. */
  publishedNextFiveYears: 12884.2,
  publishedDonorsWithZero: 3454.9,
  publishedDonorsWithSix: 1253.1,
  optimum: {
    alpha: 1.2035223516,
    beta: 0.749716358173,
    gamma: 0.656718208442,
    delta: 2.78344223258,
    logLikelihood: -33225.581274347,
  },
  histories: [
    [0, 0],
    [2, 4],
    [6, 6],
  ],
  pAlive: [0.10813328186467, 0.58965718478257, 0.93043357551549],
  expectedNextFive: [0.072863341050477, 1.0576035260018, 3.752544221887],
  /** P(no donation in the next 5 years) = L(x, tₓ, 11) / L(x, tₓ, 6). */
  noneNextFive: [0.952192790366627, 0.519452675553433, 0.0768052615033624],
  nextFiveYears: 12884.156848819,
  donorsByRepeatDonations: [
    3454.8819917285, 1888.6543636308, 1348.8823434325, 1113.3785370143, 1017.9224072296,
    1027.1660341109, 1253.1143228536,
  ],
} as const;
