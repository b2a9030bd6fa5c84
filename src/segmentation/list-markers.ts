/**
 * List-item markers at the start of an item: "1.", "2.)", "3)", "a.", "b)", "(ii)", "iv.",
 * "• 9.", "⁃10.", "- ", "* ". The period inside a marker never ends a sentence, and a line that
 * starts with a numbered or lowercase-lettered marker may carry further items inline
 * ("1. The first item 2. The second item").
 */
import { isAsciiDigit, isAsciiLetter, isAsciiLower, isBullet, isWhitespace } from './char-classes';

export type MarkerStyle = 'num.' | 'num)' | 'num.)' | 'alpha.' | 'alpha)' | 'roman.' | 'roman)' | 'other';

export interface ListMarker {
  /** Index just after the marker (before the whitespace that follows it). */
  end: number;
  style: MarkerStyle;
  /** Ordinal value (1 for "1." and "a."), used to recognise the next inline item. */
  value: number;
  /** Only numbered and lowercase lettered/roman lists continue inline. */
  inline: boolean;
}

/** Well-formed roman numerals i–xxxix in one case; words such as "mix" or "did" are not markers. */
const ROMAN_RE = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$|^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(label: string): number {
  let total = 0;
  const lower = label.toLowerCase();
  for (let k = 0; k < lower.length; k++) {
    const v = ROMAN_DIGITS[lower[k]];
    const next = k + 1 < lower.length ? ROMAN_DIGITS[lower[k + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total;
}

function isPlainBullet(c: number): boolean {
  return isBullet(c) || c === 0x2d /* - */ || c === 0x2a /* * */ || c === 0x2b /* + */;
}

function followedByGap(text: string, i: number, end: number): boolean {
  return i < end && isWhitespace(text.charCodeAt(i));
}

/**
 * Reads "N.", "N)", "N.)", "x.", "x)", "iv.", "(ii)" at `i` without any bullet. A lone "i" is a
 * roman numeral unless `alphaList` says we are inside an a., b., c. list.
 */
function readLabel(text: string, i: number, end: number, alphaList = false): ListMarker | null {
  let j = i;
  if (text.charCodeAt(j) === 0x28 /* ( */) {
    j++;
    const labelStart = j;
    while (j < end && j - labelStart < 6 && (isAsciiDigit(text.charCodeAt(j)) || isAsciiLetter(text.charCodeAt(j)))) j++;
    if (j === labelStart || text.charCodeAt(j) !== 0x29) return null;
    const label = text.slice(labelStart, j);
    if (!/^\d{1,3}$/.test(label) && label.length > 1 && !ROMAN_RE.test(label)) return null;
    return followedByGap(text, j + 1, end) ? { end: j + 1, style: 'other', value: 0, inline: false } : null;
  }

  let kind: 'num' | 'alpha' | 'roman';
  let value: number;
  if (isAsciiDigit(text.charCodeAt(j))) {
    while (j < end && j - i < 4 && isAsciiDigit(text.charCodeAt(j))) j++;
    if (j - i > 3) return null;
    kind = 'num';
    value = Number(text.slice(i, j));
  } else if (isAsciiLetter(text.charCodeAt(j))) {
    while (j < end && j - i < 7 && isAsciiLetter(text.charCodeAt(j))) j++;
    const label = text.slice(i, j);
    const isLoneI = label === 'i' || label === 'I';
    if (label.length === 1 && (alphaList || !isLoneI)) {
      kind = 'alpha';
      value = label.toLowerCase().charCodeAt(0) - 0x60;
    } else if (ROMAN_RE.test(label)) {
      kind = 'roman';
      value = romanValue(label);
    } else {
      return null;
    }
  } else {
    return null;
  }

  const c = text.charCodeAt(j);
  let punct: '.' | ')' | '.)';
  if (c === 0x2e && text.charCodeAt(j + 1) === 0x29) {
    punct = '.)';
    j += 2;
  } else if (c === 0x2e || c === 0x29) {
    punct = c === 0x2e ? '.' : ')';
    j += 1;
  } else {
    return null;
  }
  if (!followedByGap(text, j, end)) return null;

  if (kind === 'num') return { end: j, style: `num${punct}`, value, inline: true };
  if (punct === '.)') return { end: j, style: 'other', value: 0, inline: false };
  // Capital letters are not continued inline: "A. Smith met B. Jones" is about initials.
  return { end: j, style: `${kind}${punct}`, value, inline: isAsciiLower(text.charCodeAt(i)) };
}

/** Reads an optional bullet followed by an optional label at the start of an item. */
export function readListMarker(text: string, i: number, end: number): ListMarker | null {
  const c = text.charCodeAt(i);
  if (isPlainBullet(c)) {
    let j = i + 1;
    const bulletGlyph = isBullet(c);
    // "-" and "*" only count as bullets when a space follows; "⁃9." needs none.
    if (!bulletGlyph && !followedByGap(text, j, end)) return null;
    while (j < end && isWhitespace(text.charCodeAt(j))) j++;
    const label = j < end ? readLabel(text, j, end) : null;
    if (label) return label;
    return { end: i + 1, style: 'other', value: 0, inline: false };
  }
  return readLabel(text, i, end);
}

/** Reads the next inline item marker of the same list ("2." after "1."), or returns null. */
export function readInlineMarker(text: string, i: number, end: number, list: ListMarker): ListMarker | null {
  const marker = readLabel(text, i, end, list.style.startsWith('alpha'));
  return marker && marker.style === list.style && marker.value === list.value + 1 ? marker : null;
}
