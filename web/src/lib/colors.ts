/**
 * Colours that come from data (a rating level's colour is whatever an admin chose): the text drawn on them and
 * the tint behind highlighted text are computed so that they always meet WCAG AA (4.5:1), and colour is never
 * the only signal (every swatch carries its label).
 */

const HEX = /^#([0-9a-f]{6})$/i;

function channels(hex: string): [number, number, number] {
  const match = HEX.exec(hex.trim());
  if (!match) return [0x57, 0x60, 0x6a]; // an unreadable colour shows as neutral grey
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

const toHex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex)
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const INK = '#1b1f24';
const WHITE = '#ffffff';
const BLACK = '#000000';

/** White or black, whichever reads better on `background` (one of them always reaches at least 4.58:1). */
export function readableInk(background: string): string {
  return contrastRatio(WHITE, background) >= contrastRatio(BLACK, background) ? WHITE : BLACK;
}

/** `hex` mixed with white: `amount` 0 is white, 1 is the colour itself. */
export function mixWithWhite(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => 255 + (c - 255) * amount));
}

/** A light tint of the colour behind body text (ink), light enough for 4.5:1 whatever the colour. */
export function tintFor(hex: string, ink = INK): string {
  for (let amount = 0.2; amount > 0; amount -= 0.02) {
    const tint = mixWithWhite(hex, amount);
    if (contrastRatio(ink, tint) >= 4.5) return tint;
  }
  return WHITE;
}

export interface LevelColours {
  /** The level's own colour, normalised (#rrggbb, lower case). */
  color: string;
  /** Text on the colour. */
  ink: string;
  /** Background behind body text that carries this level. */
  tint: string;
}

export function levelColours(color: string): LevelColours {
  const normal = toHex(channels(color));
  return { color: normal, ink: readableInk(normal), tint: tintFor(normal) };
}
