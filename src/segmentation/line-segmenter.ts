/**
 * Splits one line (= one paragraph) at a time into sentence ranges, in a single left-to-right scan
 * over UTF-16 code units. Ranges are reported untrimmed; the caller trims and converts offsets.
 */
import { findBoundary, type LineContext, readCluster } from './boundary-rules';
import { isBullet, isCloser, isOpener, isTerminator, isWhitespace } from './char-classes';
import { type ListMarker, readInlineMarker, readListMarker } from './list-markers';

export type EmitRange = (start: number, end: number) => void;

// The scan jumps between the only characters that can matter — terminators (. ? ! … ‽ ⁇ ⁈ ⁉) and
// bullet glyphs — with one native regex search instead of a JavaScript call per character. Line
// breaks are included so that a search never runs past the end of the current line.
const STOPS = '.?!\\u2026\\u203d\\u2047-\\u2049\\u2022\\u2023\\u2043\\u25aa\\u25cf\\u25a0\\u25ba\\u25b8\\u25e6\\n\\v\\f\\r\\u2028\\u2029';
const SCAN_RE = new RegExp(`[${STOPS}]`, 'g');
/** In list lines a digit or lowercase letter after whitespace may also open the next inline item. */
const LIST_SCAN_RE = new RegExp(`[${STOPS}]|(?<=\\s)[0-9a-z]`, 'g');

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Sentence text, as opposed to whitespace, quotes, brackets and terminators. */
function isContent(c: number): boolean {
  return !isWhitespace(c) && !isOpener(c) && !isCloser(c) && !isTerminator(c);
}

/** Index of the next character `re` matches at or after `from` (and before `end`), or `end`. */
function nextMatch(re: RegExp, text: string, from: number, end: number): number {
  re.lastIndex = from;
  if (!re.test(text)) return end;
  const found = re.lastIndex - 1;
  return found < end ? found : end;
}

export class LineSegmenter implements LineContext {
  lineStart = 0;
  lineEnd = 0;
  private sentStart = 0;
  /** Everything in [sentStart, contentCursor) has been checked; contentAt is the first content index or -1. */
  private contentCursor = 0;
  private contentAt = -1;

  constructor(
    readonly text: string,
    private readonly emit: EmitRange,
  ) {}

  segment(lineStart: number, lineEnd: number): void {
    const { text } = this;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.startSentence(skipWhitespace(text, lineStart, lineEnd));
    if (this.sentStart >= lineEnd) return;

    const firstMarker = readListMarker(text, this.sentStart, lineEnd);
    const isListLine = firstMarker !== null;
    let list: ListMarker | null = firstMarker?.inline ? firstMarker : null;
    const scan = list ? LIST_SCAN_RE : SCAN_RE;
    let i = firstMarker ? firstMarker.end : this.sentStart;

    while ((i = nextMatch(scan, text, i, lineEnd)) < lineEnd) {
      const c = text.charCodeAt(i);
      if (isTerminator(c)) {
        const cluster = readCluster(text, i, lineEnd);
        const boundary = this.hasContentBefore(cluster.start) ? findBoundary(this, this.sentStart, cluster) : -1;
        if (boundary < 0 || boundary >= lineEnd) {
          i = cluster.end;
          continue;
        }
        this.emit(this.sentStart, boundary);
        this.startSentence((i = skipWhitespace(text, boundary, lineEnd)));
        // "i. The first clause. ii. The second clause.": later items of a list line keep their marker.
        const marker = isListLine && i < lineEnd ? readListMarker(text, i, lineEnd) : null;
        if (marker) {
          if (list && marker.style === list.style) list = marker;
          i = marker.end;
        }
        continue;
      }

      const atTokenStart = i === this.sentStart || isWhitespace(text.charCodeAt(i - 1));
      if (atTokenStart && isBullet(c)) {
        // "• first • second": every bullet glyph opens a new item.
        this.startItem(i);
        const marker = readListMarker(text, i, lineEnd);
        if (marker && list && marker.style === list.style) list = marker;
        i = marker ? marker.end : i + 1;
        continue;
      }
      // "1. The first item 2. The second item": the next number of the same list opens an item.
      const marker = list && atTokenStart ? readInlineMarker(text, i, lineEnd, list) : null;
      if (marker) {
        this.startItem(i);
        list = marker;
        i = marker.end;
        continue;
      }
      i++;
    }
    if (this.sentStart < lineEnd) this.emit(this.sentStart, lineEnd);
  }

  private startSentence(at: number): void {
    this.sentStart = this.contentCursor = at;
    this.contentAt = -1;
  }

  /** Ends the current sentence (if any) before a list item that starts at `at`. */
  private startItem(at: number): void {
    if (at > this.sentStart) this.emit(this.sentStart, at);
    this.startSentence(at);
  }

  /**
   * A terminator only ends a sentence that already has content (". . . The practice" stays whole).
   * The cursor only moves forward within a sentence, which keeps the scan linear.
   */
  private hasContentBefore(pos: number): boolean {
    const { text } = this;
    while (this.contentAt < 0 && this.contentCursor < pos) {
      if (isContent(text.charCodeAt(this.contentCursor))) this.contentAt = this.contentCursor;
      this.contentCursor++;
    }
    return this.contentAt >= 0 && this.contentAt < pos;
  }
}
