/**
 * WCAG 2.x relative luminance of an sRGB colour "#RRGGBB": each channel linearised,
 * c ≤ 0.04045 ? c/12.92 : ((c + 0.055)/1.055)^2.4, then L = 0.2126 R + 0.7152 G + 0.0722 B.
 *
 * Reference: W3C, "Web Content Accessibility Guidelines (WCAG) 2.2", definition of relative luminance.
 * @example relativeLuminance("#FFFFFF") // 1
 */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new RangeError(`Colours are "#RRGGBB", got ${JSON.stringify(hex)}.`);
  const channel = (i: number) => {
    const c = parseInt(match[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * WCAG contrast ratio (L_lighter + 0.05)/(L_darker + 0.05), from 1 (same colour) to 21 (black on white); body text
 * needs at least 4.5 (success criterion 1.4.3, level AA).
 *
 * Reference: W3C, "Web Content Accessibility Guidelines (WCAG) 2.2", definition of contrast ratio.
 * @example contrastRatio("#000000", "#FFFFFF") // 21
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
