/**
 * Status colours in web/src/styles.css meet WCAG AA (4.5:1 for text). axe-core checks the rendered pages, but
 * cannot measure the small status labels inside highlighted text (their background is "partially obscured"),
 * so their colour pairs are checked here from the stylesheet itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STATUS_INFO } from '../../../web/src/lib/status';

const css = readFileSync(path.join(__dirname, '../../../web/src/styles.css'), 'utf8');
const variable = (name: string) => {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!match) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return match[1];
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('status colours', () => {
  it.each(Object.values(STATUS_INFO).map((s) => s.tone))('%s: white label text on the tag, body text on the tint', (tone) => {
    expect(contrast('#ffffff', variable(tone))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(variable('ink'), variable(`${tone}-tint`))).toBeGreaterThanOrEqual(4.5);
  });

  it('muted and link text stay readable on the page background', () => {
    for (const background of [variable('paper'), variable('wash')]) {
      expect(contrast(variable('muted'), background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(variable('accent'), background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(variable('bad'), background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
