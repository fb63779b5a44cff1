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
  if (count === 1) return [TIER_ACTIONS.middle];
  return Array.from({ length: count }, (_, j) =>
    j === 0 ? TIER_ACTIONS.top : j === count - 1 ? TIER_ACTIONS.bottom : TIER_ACTIONS.middle
  );
}
