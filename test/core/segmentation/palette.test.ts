import { contrastRatio, relativeLuminance } from "../../../src/core/segmentation/contrastRatio";
import { MAX_TIERS, tierPalette } from "../../../src/core/segmentation/palette";

/** sRGB "#RRGGBB" → linear RGB. */
const linear = (hex: string) =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });

/** CIELAB (D65) of linear RGB. */
function lab([r, g, b]: number[]): number[] {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** Dichromat simulation in linear RGB: Viénot, Brettel & Mollon (1999), "Digital video colourmaps for checking the legibility of displays by dichromats". */
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deuteranopia: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
};

function seenAs(hex: string, vision: number[][]): number[] {
  const rgb = linear(hex);
  return lab(
    vision.map((row) =>
      Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))
    )
  );
}

describe("contrastRatio", () => {
  it("follows WCAG's definitions", () => {
    expect(relativeLuminance("#FFFFFF")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#FFFFFF")).toBe(21);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2); // the classic grey that just fails AA
    expect(contrastRatio("#0000FF", "#FFFFFF")).toBeCloseTo(8.59, 2);
    expect(() => relativeLuminance("red")).toThrow(RangeError);
  });
});

describe("tierPalette", () => {
  it("gives every tier a font colour with a contrast of at least 4.5:1 on its fill", () => {
    for (let n = 1; n <= MAX_TIERS; n++) {
      for (const { fill, fontColor } of tierPalette(n))
        expect(contrastRatio(fill, fontColor)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps all eleven colours apart, also as people with protanopia or deuteranopia see them (CIE76 ΔE > 10)", () => {
    const fills = tierPalette(MAX_TIERS).map((c) => c.fill);
    expect(new Set(fills).size).toBe(MAX_TIERS);
    for (const vision of Object.values(VISION)) {
      const seen = fills.map((fill) => seenAs(fill, vision));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++)
          expect(Math.hypot(...seen[i].map((v, k) => v - seen[j][k]))).toBeGreaterThan(10);
      }
    }
  });

  it("gives the best tier the deepest blue and spreads fewer tiers over the whole scale", () => {
    expect(tierPalette(3)).toEqual([
      { fill: "#364B9A", fontColor: "#FFFFFF" },
      { fill: "#EAECCC", fontColor: "#000000" },
      { fill: "#A50026", fontColor: "#FFFFFF" },
    ]);
    expect(tierPalette(1)[0].fill).toBe("#364B9A");
    expect(tierPalette(2).map((c) => c.fill)).toEqual(["#364B9A", "#A50026"]);
    // From the best tier the fills lighten towards the neutral middle, then darken again towards the worst.
    const luminance = tierPalette(MAX_TIERS).map((c) => relativeLuminance(c.fill));
    for (let j = 1; j <= 5; j++) expect(luminance[j]).toBeGreaterThan(luminance[j - 1]);
    for (let j = 6; j < MAX_TIERS; j++) expect(luminance[j]).toBeLessThan(luminance[j - 1]);
  });

  it("refuses counts it cannot colour apart", () => {
    expect(() => tierPalette(0)).toThrow(/1 to 11 tiers/);
    expect(() => tierPalette(12)).toThrow(/1 to 11 tiers/);
  });
});
