import { SEGMENTS } from "../../../src/core/rfm/segmentMap";
import {
  REVIEW_ACTION,
  SEGMENT_ACTIONS,
  segmentAction,
  tierActions,
} from "../../../src/core/segmentation/recommendedActions";

describe("recommended actions", () => {
  it("gives each of the eleven segments its own i18n key", () => {
    const keys = SEGMENTS.map(segmentAction);
    expect(new Set(keys).size).toBe(11);
    expect(keys.every((key) => key.startsWith("action."))).toBe(true);
    expect(segmentAction("At Risk")).toBe("action.winBack");
    expect(segmentAction("Champions")).toBe(SEGMENT_ACTIONS.Champions);
    expect(segmentAction("My own segment")).toBe(REVIEW_ACTION);
    expect(segmentAction("toString")).toBe(REVIEW_ACTION);
  });

  it("serves the top tier as VIPs, the bottom one with basic service and any between personally", () => {
    expect(tierActions(1)).toEqual(["action.personalised"]);
    expect(tierActions(2)).toEqual(["action.vip", "action.basicService"]);
    expect(tierActions(4)).toEqual([
      "action.vip",
      "action.personalised",
      "action.personalised",
      "action.basicService",
    ]);
  });
});
