import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { cvaError } from "../errors";
import { betaGeoHorizonSums } from "./betaGeoHorizonSums";
import { checkedRow, checkedTime, type RfmSample } from "./groupedSample";
import { hyp2f1Increment } from "./hyp2f1";
import { type Message, phrase } from "../messages/catalogue";
import { explained, type LogLikelihood, runsOff, runTogether, shown } from "./maximumLikelihood";
import type { ModelParamsOf, TransactionModel } from "./model";
import { logPurchasesIfAlive, purchasesAtLeast } from "./purchaseCounts";
import { fitTransactionModelOn } from "./transactionFit";

/**
 * The likelihood and predictions shared by BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007). Both are Poisson purchasing at rate λ ~ Gamma(r, α) with a geometric drop-out chance
 * p ~ Beta(a, b) per purchase; they differ only in whether the first purchase is itself a drop-out opportunity.
 * That difference is one integer, `shift` = 0 (BG/NBD) or 1 (MBG/NBD), in every formula:
 *
 *   L(x, tₓ, T) = Γ(r+x) αʳ / Γ(r) · B(a, b+x+shift) / B(a, b)
 *                 · [ (α+T)^−(r+x) + δ · a / (b+x−1+shift) · (α+tₓ)^−(r+x) ]
 *
 * with δ = 1 if x > 0 or shift = 1 (FHL 2005 eq. 6; Batislam et al. 2007 eq. 4). Written in log-space so that
 * x in the hundreds (powers like (α+T)^−250) neither overflows nor underflows.
 */
export type BetaGeoShift = 0 | 1;

type BetaGeoParameter = "r" | "alpha" | "a" | "b";
type BetaGeoParams = Record<BetaGeoParameter, number>;

/** The total log-likelihood of a grouped sample and its gradient in (r, α, a, b), in closed form. */
function betaGeoLogLikelihood(sample: RfmSample, shift: BetaGeoShift): LogLikelihood {
  const { frequency, weight, levelStart, recencyIndex, TIndex, recencyValues, TValues } = sample;
  const lnAlphaRecency = new Float64Array(recencyValues.length);
  const invAlphaRecency = new Float64Array(recencyValues.length);
  const lnAlphaAge = new Float64Array(TValues.length);
  const invAlphaAge = new Float64Array(TValues.length);
  return (params, gradient) => {
    // (Indexing, not destructuring: a typed array destructures through an iterator, slow before V8 optimises.)
    const r = params[0];
    const alpha = params[1];
    const a = params[2];
    const b = params[3];
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    const lnBetaAB = betaln(a, b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    let ll = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    // ln(α + t) and 1/(α + t) once per distinct recency and age, not per row.
    for (let k = 0; k < recencyValues.length; k++) {
      lnAlphaRecency[k] = Math.log(alpha + recencyValues[k]);
      invAlphaRecency[k] = 1 / (alpha + recencyValues[k]);
    }
    for (let k = 0; k < TValues.length; k++) {
      lnAlphaAge[k] = Math.log(alpha + TValues[k]);
      invAlphaAge[k] = 1 / (alpha + TValues[k]);
    }
    for (let level = 0; level + 1 < levelStart.length; level++) {
      const x = frequency[levelStart[level]];
      const rx = r + x;
      const bx = b + x + shift;
      const dropDenominator = b + (x + shift - 1); // b + x − 1 + shift, keeping a tiny b's digits at x + shift = 1
      // Everything that depends on x alone: Γ, B and ψ once per level, not per customer.
      const levelConstant = gammaln(rx) - gammaln(r) + r * lnAlpha + betaln(a, bx) - lnBetaAB;
      const twoTerms = shift === 1 || x > 0;
      const lnDropWeight = lnA - Math.log(dropDenominator);
      let levelWeight = 0;
      let levelDrop = 0; // Σ w·P(the drop-out term), the posterior weight of "dropped out after the last purchase"
      let levelLn = 0; // Σ w·ln(α+·) and Σ w/(α+·), mixed by the posterior weights, for the r and α gradients
      let levelInv = 0;
      for (let i = levelStart[level]; i < levelStart[level + 1]; i++) {
        const w = weight[i];
        const age = TIndex[i];
        const stayed = -rx * lnAlphaAge[age];
        levelWeight += w;
        if (!twoTerms) {
          ll += w * stayed;
          levelLn += w * lnAlphaAge[age];
          levelInv += w * invAlphaAge[age];
          continue;
        }
        const last = recencyIndex[i];
        const dropped = lnDropWeight - rx * lnAlphaRecency[last];
        const difference = dropped - stayed;
        // log(e^stayed + e^dropped) and the share of the dropped term, without overflow either way.
        const e = Math.exp(-Math.abs(difference));
        const pDropped = difference > 0 ? 1 / (1 + e) : e / (1 + e);
        const pStayed = 1 - pDropped;
        ll += w * (Math.max(stayed, dropped) + Math.log1p(e));
        levelLn += w * (pStayed * lnAlphaAge[age] + pDropped * lnAlphaRecency[last]);
        levelInv += w * (pStayed * invAlphaAge[age] + pDropped * invAlphaRecency[last]);
        levelDrop += w * pDropped;
      }
      const psiABx = digamma(a + bx);
      ll += levelWeight * levelConstant;
      gR += levelWeight * (digamma(rx) - psiR + lnAlpha) - levelLn;
      gAlpha += (levelWeight * r) / alpha - rx * levelInv;
      gA += levelWeight * (psiAB - psiABx);
      gB += levelWeight * (digamma(bx) - psiABx - psiB + psiAB);
      if (twoTerms) {
        // (For BG/NBD's x = 0 level there is no drop-out term, and b + x − 1 may be < 0.)
        gA += levelDrop / a;
        gB -= levelDrop / dropDenominator;
      }
    }
    gradient[0] = gR;
    gradient[1] = gAlpha;
    gradient[2] = gA;
    gradient[3] = gB;
    return ll;
  };
}

/** The declarations that tell BG/NBD and MBG/NBD apart; everything else is shared. */
export interface BetaGeoVariant<Id extends string> {
  id: Id;
  displayName: string;
  aliases: readonly string[];
  shift: BetaGeoShift;
}

/** A BG/NBD-family model module: BG/NBD is `shift` 0, MBG/NBD `shift` 1. */
export function betaGeoModel<Id extends string>(
  variant: BetaGeoVariant<Id>
): TransactionModel<ModelParamsOf<Id, BetaGeoParameter>> {
  const { shift } = variant;
  const otherModel = shift === 0 ? "MBG/NBD" : "BG/NBD";
  type P = ModelParamsOf<Id, BetaGeoParameter>;
  const model: TransactionModel<P> = {
    kind: "transaction",
    id: variant.id,
    displayName: variant.displayName,
    aliases: variant.aliases,
    parameterNames: ["r", "alpha", "a", "b"],
    parameterUnits: [null, "time", null, null],
    explainRunaway(runaway, [r, alpha, a, b]) {
      const meanings: Message[] = [];
      if (runTogether(runaway, "r", "alpha"))
        meanings.push(phrase("model.sameBuyingRate", { rate: shown(r / alpha) }));
      if (runTogether(runaway, "a", "b"))
        meanings.push(phrase("model.sameDropoutChance", { chance: shown(a / (a + b)) }));
      else if (runaway.get("a") === "zero" || runaway.get("b") === "infinity")
        meanings.push(
          phrase("model.nobodyDropsOutAfterPurchase", {
            runaway: runsOff(runaway, runaway.get("a") === "zero" ? "a" : "b"),
          })
        );
      return explained(
        meanings,
        phrase("model.onlyInTheLimit", {
          model: variant.displayName,
          first: otherModel,
          second: "Pareto/NBD",
        })
      );
    },
    logLikelihood: (sample) => betaGeoLogLikelihood(sample, shift),
    fit: (frequency, recency, T, options) =>
      fitTransactionModelOn(model, frequency, recency, T, options),
    conditionalProbabilityAlive: (params, frequency, recency, T) =>
      probabilityAlive(shift, params, frequency, recency, T),
    conditionalExpectedPurchases(params, t, frequency, recency, T) {
      checkedTime(t);
      return (
        probabilityAlive(shift, params, frequency, recency, T) *
        expectedPurchasesIfAlive(shift, params, t, frequency, T)
      );
    },
    /**
     * Population E[X(t)], purchases expected by a new customer in t time units (FHL 2005 eq. 9): the conditional
     * expectation of a customer observed for T = 0, whose P(alive) is 1 for BG/NBD and 1/(1 + a/b) for MBG/NBD,
     * which turns (a+b+shift−1)/(a−1) into MBG/NBD's b/(a−1) (Batislam eq. 7).
     */
    expectedPurchases: (params, t) => model.conditionalExpectedPurchases(params, t, 0, 0, 0),
    expectedPurchasesIfAlive: (params, t, frequency, T) =>
      expectedPurchasesIfAlive(shift, params, t, frequency, T),
    purchasesIfAliveOverHorizons: (params, horizons, weights, frequency, T, out, maxWork) =>
      betaGeoHorizonSums(
        shift,
        params,
        horizons,
        weights,
        frequency,
        T,
        out,
        (t, x, age) => expectedPurchasesIfAlive(shift, params, t, x, age),
        maxWork
      ),
    /**
     * P(X(t) = n) = B(a, b+n+shift)/B(a, b) · NB(n; t) + δ · B(a+1, b+n−1+shift)/B(a, b) · P(N(t) ≥ n), δ = 1 if
     * n > 0 or shift = 1: alive through n purchases and making exactly n, or dropping out right after the n-th
     * (FHL 2005 eq. 8; for MBG/NBD the drop-out may also follow the first purchase, as lifetimes' MBG/NBD has it).
     */
    probabilityOfPurchases(params, n, t) {
      const { r, alpha, a, b } = params;
      const lnBetaAB = betaln(a, b);
      const stays = Math.exp(
        betaln(a, b + n + shift) - lnBetaAB + logPurchasesIfAlive(r, alpha, n, t)
      );
      if (shift === 0 && n === 0) return stays;
      const leaves = Math.exp(betaln(a + 1, b + (n - 1 + shift)) - lnBetaAB);
      return stays + leaves * purchasesAtLeast(r, alpha, n, t);
    },
    rowLogLikelihood(params, frequency, recency, T) {
      const { r, alpha, a, b } = params;
      const stayed = -(r + frequency) * Math.log(alpha + T);
      if (shift === 0 && frequency === 0) return stayed;
      const dropped =
        Math.log(a / (b + (frequency - 1 + shift))) - (r + frequency) * Math.log(alpha + recency);
      const top = Math.max(stayed, dropped);
      return top + Math.log1p(Math.exp(-Math.abs(stayed - dropped)));
    },
  };
  return model;
}

/**
 * P(alive | x, tₓ, T) = 1 / (1 + δ · a/(b+x−1+shift) · ((α+T)/(α+tₓ))^(r+x))   (FHL 2005 eq. 13; Batislam eq. 6).
 * Computed as 1/(1 + e^(log-odds)) so that e.g. 1e-11 for a heavy buyer long gone keeps its digits.
 */
function probabilityAlive(
  shift: BetaGeoShift,
  params: BetaGeoParams,
  frequency: number,
  recency: number,
  T: number
): number {
  checkedRow(frequency, recency, T);
  const { r, alpha, a, b } = params;
  if (shift === 0 && frequency === 0) return 1;
  const logOdds =
    Math.log(a / (b + (frequency - 1 + shift))) +
    (r + frequency) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Purchases expected in the next t time units by a customer alive at T after x repeat purchases (the numerator of
 * FHL 2005 eq. 10; it does not depend on tₓ):
 *
 *   c/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x+shift; c; z)],  c = a+b+x−1+shift, z = t/(α+T+t).
 *
 * The 2F1 factor grows like (1−z)^−(r+x) for heavy buyers; Euler's transformation cancels it against the power
 * exactly, leaving (1−z)^ε · 2F1(A, ε; c; z) with ε = a−1 and A = a+b−1+shift−r, whose terms stay small for any x.
 * The bracket and ε vanish together at a = 1 (a removable singularity). With 2F1(A, ε; c; z) = 1 + ε·G, where
 * G = hyp2f1Increment(A, ε, c, z) is smooth in ε, and L = ln(1−z):
 *
 *   [1 − e^(εL) (1 + εG)] / ε = −expm1(εL)/ε − e^(εL)·G,
 *
 * both terms finite and accurate for every ε, 0 included (where −expm1(εL)/ε is −L).
 * Inputs are taken as valid: callers validate the row.
 */
function expectedPurchasesIfAlive(
  shift: BetaGeoShift,
  params: BetaGeoParams,
  t: number,
  frequency: number,
  T: number
): number {
  const { r, alpha, a, b } = params;
  const epsilon = a - 1;
  const c = a + b + (frequency - 1 + shift);
  const z = t / (alpha + T + t);
  let increment: number;
  try {
    increment = hyp2f1Increment(a + b - 1 + shift - r, epsilon, c, z);
  } catch (error) {
    // z → 1 as t/(α + T) grows: ~37/(1 − z) terms, and z rounds to 1 for astronomically long horizons (c > 0
    // and z ≥ 0 always hold here, so the series' limit on terms is the one way to fail).
    if (!(error instanceof RangeError)) throw error;
    throw cvaError("model.horizonTooLong", { t, ratio: shown(t / (alpha + T), 3) });
  }
  const lnRest = Math.log1p(-z);
  const growth = epsilon === 0 ? -lnRest : -Math.expm1(epsilon * lnRest) / epsilon;
  return c * (growth - Math.exp(epsilon * lnRest) * increment);
}
