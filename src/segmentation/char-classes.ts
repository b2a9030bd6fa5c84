/**
 * Character predicates on UTF-16 code units. They take `charCodeAt` values so the
 * scanner never allocates single-character strings on its hot path.
 */

/**
 * Whitespace exactly as ECMAScript defines it (`/\s/`, `String.prototype.trim`), so that spans are
 * trimmed by the same rule callers use to check them.
 */
export function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export const DOT = 0x2e;
export const ELLIPSIS = 0x2026;

/** `?`, `!`, `‽`, `⁇`, `⁈`, `⁉`: terminators that end a sentence unless the next word continues it. */
export function isStrongTerminator(c: number): boolean {
  return c === 0x3f || c === 0x21 || c === 0x203d || (c >= 0x2047 && c <= 0x2049);
}

export function isTerminator(c: number): boolean {
  return c === DOT || c === ELLIPSIS || isStrongTerminator(c);
}

/** Closing quotes and brackets that may trail a terminator and still belong to its sentence. */
export function isCloser(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x5d: // ]
    case 0x7d: // }
    case 0xbb: // »
    case 0x2019: // ’
    case 0x201d: // ”
    case 0x203a: // ›
      return true;
    default:
      return false;
  }
}

/** Opening quotes and brackets that may precede the first word of a sentence. */
export function isOpener(c: number): boolean {
  switch (c) {
    case 0x22: // "
    case 0x27: // '
    case 0x28: // (
    case 0x5b: // [
    case 0x7b: // {
    case 0xab: // «
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x2039: // ‹
    case 0x201e: // „
      return true;
    default:
      return false;
  }
}

export function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x2019 || c === 0x201d || c === 0xbb || c === 0x203a;
}

/** Bullet glyphs that start a list item even in the middle of a line. */
export function isBullet(c: number): boolean {
  switch (c) {
    case 0x2022: // •
    case 0x2023: // ‣
    case 0x2043: // ⁃
    case 0x25aa: // ▪
    case 0x25cf: // ●
    case 0x25a0: // ■
    case 0x25ba: // ►
    case 0x25b8: // ▸
    case 0x25e6: // ◦
      return true;
    default:
      return false;
  }
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isAsciiLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isAsciiLetter(c: number): boolean {
  return isAsciiUpper(c) || isAsciiLower(c);
}

export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Characters that continue the current sentence when they follow a terminator: `—`, `–`, `-`, `,`, `;`, `:`, `&`, `/`. */
export function isContinuationPunct(c: number): boolean {
  switch (c) {
    case 0x2014:
    case 0x2013:
    case 0x2d:
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x26:
    case 0x2f:
      return true;
    default:
      return false;
  }
}

/** Characters that introduce a number-like token (`$5`, `£2.3m`, `#3`). */
export function isNumberSign(c: number): boolean {
  return c === 0x24 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 0x23;
}

const UPPER_RE = /^[\p{Lu}\p{Lt}]$/u;
const LOWER_RE = /^\p{Ll}$/u;
const LETTER_RE = /^\p{L}$/u;

export type LetterCase = 'upper' | 'lower' | 'uncased' | 'none';

/** Case of the code point starting at `i` (non-ASCII letters are checked with Unicode properties). */
export function letterCaseAt(text: string, i: number): LetterCase {
  const c = text.charCodeAt(i);
  if (isAsciiUpper(c)) return 'upper';
  if (isAsciiLower(c)) return 'lower';
  if (!(c >= 0xc0)) return 'none'; // also past the end of the string, where c is NaN
  const ch = String.fromCodePoint(text.codePointAt(i) as number);
  if (UPPER_RE.test(ch)) return 'upper';
  if (LOWER_RE.test(ch)) return 'lower';
  return LETTER_RE.test(ch) ? 'uncased' : 'none';
}

/** True for letters in any script (ASCII fast path). */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isAsciiLetter(c)) return true;
  if (!(c >= 0xc0)) return false;
  return letterCaseAt(text, i) !== 'none';
}

/**
 * Is `pos` preceded by `mark` and then one to three whitespace characters, all at or after `floor`?
 * ("Tampa, Fla." before "Fla", "Top states: 1." before "1").
 */
export function followsMarkAndSpace(text: string, floor: number, pos: number, mark: number): boolean {
  let k = pos;
  while (k > floor && pos - k < 3 && isWhitespace(text.charCodeAt(k - 1))) k--;
  return k > floor && k < pos && text.charCodeAt(k - 1) === mark;
}
