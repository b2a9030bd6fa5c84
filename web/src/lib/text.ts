/**
 * Code-point offsets. The API's offsets (claim start/end, split offset) count Unicode code points, while JS
 * strings index UTF-16 code units: "😀" is one code point but two units. Every conversion goes through here.
 */

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * UTF-16 indices of the given code-point offsets, in one pass over the text. Offsets past the end map to
 * text.length; negative ones to 0. The result is in the order of `offsets`.
 */
export function toUtf16Indices(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((offset, i) => ({ offset, i })).sort((a, b) => a.offset - b.offset);
  const result = new Array<number>(offsets.length);
  let unit = 0;
  let point = 0;
  for (const { offset, i } of order) {
    while (point < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      const pair = code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length;
      const next = pair ? text.charCodeAt(unit + 1) : 0;
      unit += pair && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      point++;
    }
    result[i] = offset <= 0 ? 0 : unit;
  }
  return result;
}

/** The code-point offset of a UTF-16 index (e.g. a textarea's selectionStart). */
export function toCodePointOffset(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, Math.max(0, Math.min(utf16Index, text.length))));
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const [from, to] = toUtf16Indices(text, [start, end]);
  return text.slice(from, to);
}

const SPACE = /\s/u;

/**
 * Shrinks a code-point span of `text` so it neither starts nor ends with whitespace (the API refuses such
 * spans). Returns null when nothing but whitespace is selected.
 */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  const points = Array.from(sliceCodePoints(text, start, end));
  let from = 0;
  let to = points.length;
  while (from < to && SPACE.test(points[from])) from++;
  while (to > from && SPACE.test(points[to - 1])) to--;
  if (from >= to) return null;
  return { start: start + from, end: start + to };
}
