/**
 * Splits one line (= one paragraph) into sentence ranges in a single left-to-right scan over
 * UTF-16 code units. Ranges are reported untrimmed; the caller trims and converts offsets.
 */
import { findBoundary, type LineContext, readCluster } from './boundary-rules';
import { isAsciiDigit, isAsciiLower, isBullet, isTerminator, isWhitespace } from './char-classes';
import { type ListMarker, readInlineMarker, readListMarker } from './list-markers';

export type EmitRange = (start: number, end: number) => void;

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

export function segmentLine(text: string, lineStart: number, lineEnd: number, emit: EmitRange): void {
  const ctx: LineContext = { text, lineStart, lineEnd };
  let sentStart = skipWhitespace(text, lineStart, lineEnd);
  if (sentStart >= lineEnd) return;

  const firstMarker = readListMarker(text, sentStart, lineEnd);
  const isListLine = firstMarker !== null;
  let list: ListMarker | null = firstMarker?.inline ? firstMarker : null;
  let i = firstMarker ? firstMarker.end : sentStart;

  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (isTerminator(c)) {
      const cluster = readCluster(text, i, lineEnd);
      const boundary = findBoundary(ctx, sentStart, cluster);
      if (boundary < 0 || boundary >= lineEnd) {
        i = cluster.end;
      } else {
        emit(sentStart, boundary);
        sentStart = i = skipWhitespace(text, boundary, lineEnd);
        // "i. The first clause. ii. The second clause.": later items of a list line keep their marker.
        const marker = isListLine && sentStart < lineEnd ? readListMarker(text, sentStart, lineEnd) : null;
        if (marker) i = marker.end;
      }
      continue;
    }

    const atTokenStart = i === sentStart || isWhitespace(text.charCodeAt(i - 1));
    if (atTokenStart && isBullet(c)) {
      // "• first • second": every bullet glyph opens a new item.
      if (i > sentStart) emit(sentStart, i);
      sentStart = i;
      const marker = readListMarker(text, i, lineEnd);
      if (marker && list && marker.style === list.style) list = marker;
      i = marker ? marker.end : i + 1;
      continue;
    }
    if (atTokenStart && list && (isAsciiDigit(c) || isAsciiLower(c))) {
      // "1. The first item 2. The second item": the next number of the same list opens an item.
      const marker = readInlineMarker(text, i, lineEnd, list);
      if (marker) {
        if (i > sentStart) emit(sentStart, i);
        sentStart = i;
        list = marker;
        i = marker.end;
        continue;
      }
    }
    i++;
  }
  if (sentStart < lineEnd) emit(sentStart, lineEnd);
}
