import { valueError } from "../errors";
import { contrastRatio } from "./contrastRatio";

export interface TierColour {
  /** Cell fill, "#RRGGBB". */
  fill: string;
  /** Text colour on that fill, black or white, whichever contrasts more (always ≥ 4.5:1). */
  fontColor: string;
}

/**
 * Paul Tol's discrete "sunset" scheme, a diverging scale of 11 colours designed to stay distinct under the common
 * colour-vision deficiencies: deep blue for the best customers, fading through neutral to deep red for those to win
 * back. Reference: Tol (2021), "Colour Schemes", SRON/EPS/TN/09-002, diverging schemes.
 */
const SUNSET = [
  "#364B9A",
  "#4A7BB7",
  "#6EA6CD",
  "#98CAE1",
  "#C2E4EF",
  "#EAECCC",
  "#FEDA8B",
  "#FDB366",
  "#F67E4B",
  "#DD3D2D",
  "#A50026",
] as const;

/** The most tiers (the eleven RFM segments) that can be coloured apart. */
export const MAX_TIERS = SUNSET.length;

const BLACK = "#000000";
const WHITE = "#FFFFFF";

/**
 * Colours for `count` tiers, best first, spread evenly over the sunset scale (tier j takes colour
 * round(j·10/(count − 1))), so three tiers are deep blue, neutral and deep red, and eleven use every colour. The
 * best tier always gets the deepest blue. Each fill comes with its own font colour, so the cells read the same in
 * light and dark Office themes: Excel draws explicit fill and font colours as they are.
 * @example tierPalette(3).map((c) => c.fill) // ["#364B9A", "#EAECCC", "#A50026"]
 */
export function tierPalette(count: number): TierColour[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TIERS)
    throw valueError(`Colours exist for 1 to ${MAX_TIERS} tiers, got ${count}.`);
  const last = SUNSET.length - 1;
  return Array.from({ length: count }, (_, j) => {
    const fill = SUNSET[count === 1 ? 0 : Math.round((j * last) / (count - 1))];
    return {
      fill,
      fontColor: contrastRatio(fill, WHITE) >= contrastRatio(fill, BLACK) ? WHITE : BLACK,
    };
  });
}
