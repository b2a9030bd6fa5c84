import { codePointLength, toUtf16Indices } from './text';

/** Anything with code-point offsets into an article body (claims). */
export interface Span {
  start: number;
  end: number;
}

export interface Segment<T extends Span> {
  /** The text of this piece of the body. */
  text: string;
  /** Code-point offsets of the piece. */
  start: number;
  end: number;
  /** The claim this piece is, or undefined for text between claims. */
  item?: T;
}

/**
 * Cuts an article body into consecutive pieces: the text of each claim and the plain text between them, so
 * the page can render claims as highlighted elements in place. Offsets are code points (see text.ts).
 *
 * Joined, the pieces' text is exactly the body. Items may come in any order; an item that overlaps one
 * before it (which the API never produces) or falls outside the body is clipped, never duplicated.
 */
export function segmentText<T extends Span>(body: string, items: readonly T[]): Segment<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const boundaries: number[] = [];
  for (const item of sorted) boundaries.push(item.start, item.end);
  const indices = toUtf16Indices(body, boundaries);
  const total = codePointLength(body);

  const segments: Segment<T>[] = [];
  let cursorPoint = 0;
  let cursorUnit = 0;
  sorted.forEach((item, k) => {
    const start = Math.min(Math.max(item.start, cursorPoint), total);
    const end = Math.min(item.end, total);
    if (end <= start) return;
    const startUnit = Math.max(indices[2 * k], cursorUnit);
    const endUnit = indices[2 * k + 1];
    if (startUnit > cursorUnit) segments.push({ text: body.slice(cursorUnit, startUnit), start: cursorPoint, end: start });
    segments.push({ text: body.slice(startUnit, endUnit), start, end, item });
    cursorPoint = end;
    cursorUnit = endUnit;
  });
  if (cursorUnit < body.length) segments.push({ text: body.slice(cursorUnit), start: cursorPoint, end: total });
  return segments;
}
