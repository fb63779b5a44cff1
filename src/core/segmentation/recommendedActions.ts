import { Segment } from "../rfm/segmentMap";

/**
 * What to do with each RFM segment, as i18n keys the task pane translates (the engine writes no prose). The
 * actions follow the usual playbook for the eleven-segment scheme, e.g. Putler, "RFM Analysis For Successful
 * Customer Segmentation" (2021).
 */
export const SEGMENT_ACTIONS: Readonly<Record<Segment, string>> = {
  Champions: "action.reward",
  "Loyal Customers": "action.upsell",
  "Potential Loyalist": "action.loyaltyProgramme",
  "New Customers": "action.onboard",
  Promising: "action.buildAwareness",
  "Need Attention": "action.limitedOffer",
  "About To Sleep": "action.reconnect",
  "At Risk": "action.winBack",
  "Can't Lose Them": "action.winBackPersonally",
  Hibernating: "action.specialOffer",
  Lost: "action.reviveOrLetGo",
};

/** A segment of a user's own map that the playbook does not name. */
export const REVIEW_ACTION = "action.review";

/** Value tiers, best first: VIP service for the top, personalised service between, basic service for the rest. */
export const TIER_ACTIONS = {
  top: "action.vip",
  middle: "action.personalised",
  bottom: "action.basicService",
} as const;

/**
 * The action key of an RFM segment.
 * @example segmentAction("At Risk") // "action.winBack"
 */
export function segmentAction(segment: string): string {
  return Object.hasOwn(SEGMENT_ACTIONS, segment)
    ? SEGMENT_ACTIONS[segment as Segment]
    : REVIEW_ACTION;
}

/**
 * The action keys of `count` value tiers, best first: the first tier VIP, the last basic, any between personalised.
 * A single tier is everyone, served alike.
 * @example tierActions(3) // ["action.vip", "action.personalised", "action.basicService"]
 */
export function tierActions(count: number): string[] {
  return Array.from({ length: count }, (_, j) => TIER_ACTIONS[tierPlace(j, count)]);
}

/**
 * Predictive tiers: what each value tier's customers get, by whether the model still counts them active. The tier's
 * service is for its active customers; one likely lost gets a win-back worth their value instead, so a customer's
 * tier, activity and action read as one recommendation ("High", "Likely lost", "Win them back personally"), never
 * as "VIP service" for someone who has gone.
 */
export const LOST_TIER_ACTIONS = {
  top: "action.winBackPersonally",
  middle: "action.winBack",
  bottom: "action.reviveOrLetGo",
} as const;

/** The legend's action of each predictive tier, best first: its service, and the win-back for its likely lost. */
export const PREDICTIVE_TIER_ACTIONS = {
  top: "predictiveAdvice.vipOrWinBack",
  middle: "predictiveAdvice.personalisedOrWinBack",
  bottom: "predictiveAdvice.basicOrLetGo",
} as const;

/** Where tier j of `count` stands: top, middle or bottom (a single tier is everyone, the middle). */
function tierPlace(j: number, count: number): "top" | "middle" | "bottom" {
  if (count === 1) return "middle";
  return j === 0 ? "top" : j === count - 1 ? "bottom" : "middle";
}

/**
 * The one action key for a customer in tier j of `count` (best first), likely lost or not.
 * @example customerAction(0, 3, true) // "action.winBackPersonally"
 */
export function customerAction(j: number, count: number, likelyLost: boolean): string {
  const place = tierPlace(j, count);
  return likelyLost ? LOST_TIER_ACTIONS[place] : TIER_ACTIONS[place];
}

/** The legend's action keys of `count` predictive tiers, best first. */
export function predictiveTierActions(count: number): string[] {
  return Array.from({ length: count }, (_, j) => PREDICTIVE_TIER_ACTIONS[tierPlace(j, count)]);
}
