/**
 * Converts increasing UTF-16 offsets into Unicode code-point offsets (the indexing of
 * `Array.from(text)`) with one forward-moving cursor, so a whole document costs one pass.
 */
export class CodePointCursor {
  private unit = 0;
  private point = 0;
  private readonly hasSurrogates: boolean;

  constructor(private readonly text: string) {
    this.hasSurrogates = /[\uD800-\uDFFF]/.test(text);
  }

  /** Code-point offset of UTF-16 offset `target`; targets must not decrease between calls. */
  advanceTo(target: number): number {
    if (!this.hasSurrogates) return target;
    const { text } = this;
    let unit = this.unit;
    let point = this.point;
    while (unit < target) {
      const c = text.charCodeAt(unit);
      // A well-formed pair counts once; a lone surrogate counts as one, as in Array.from.
      if (c >= 0xd800 && c <= 0xdbff && unit + 1 < target) {
        const d = text.charCodeAt(unit + 1);
        unit += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      } else {
        unit++;
      }
      point++;
    }
    this.unit = unit;
    this.point = point;
    return point;
  }
}

/** `Array.from(text).slice(start, end).join('')` without materialising the whole array. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  let point = 0;
  let from = -1;
  let unit = 0;
  for (const char of text) {
    if (point === start) from = unit;
    if (point === end) return text.slice(from, unit);
    unit += char.length;
    point++;
  }
  if (point === start) from = unit;
  return from < 0 ? '' : text.slice(from, unit);
}

/** Number of code points, as `Array.from(text).length`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
