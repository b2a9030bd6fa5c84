/**
 * Splits one line (= one paragraph) at a time into sentence ranges, in a single left-to-right scan
 * over UTF-16 code units. Ranges are reported untrimmed; the caller trims and converts offsets.
 */
import { findBoundary, type LineContext, readCluster } from './boundary-rules';
import { DOT, followsMarkAndSpace, isAsciiDigit, isBullet, isCloser, isOpener, isTerminator, isWhitespace } from './char-classes';
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

/** How far ahead "…: 1. Ohio 2. Texas" looks for the "2." that confirms a run-in list. */
const RUN_IN_WINDOW = 300;
const COLON = 0x3a;

/** Value of the bare number (1–3 digits, after whitespace or at `from`) that ends at `dot`, or -1. */
function numberBefore(text: string, from: number, dot: number): { value: number; start: number } | null {
  let k = dot;
  while (k > from && dot - k < 4 && isAsciiDigit(text.charCodeAt(k - 1))) k--;
  if (k === dot || dot - k > 3 || (k > from && !isWhitespace(text.charCodeAt(k - 1)))) return null;
  return { value: Number(text.slice(k, dot)), start: k };
}

/** Is there a "2." or "2)" item marker within the next few hundred characters of the line? */
function markerFollows(text: string, from: number, end: number, value: number): boolean {
  const label = String(value);
  const limit = Math.min(end, from + RUN_IN_WINDOW);
  for (let k = from; k + label.length + 1 < limit; k++) {
    if (!isWhitespace(text.charCodeAt(k)) || !text.startsWith(label, k + 1)) continue;
    const after = k + 1 + label.length;
    const punct = text.charCodeAt(after);
    if ((punct === DOT || punct === 0x29) && after + 1 < end && isWhitespace(text.charCodeAt(after + 1))) return true;
  }
  return false;
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
  /** Next expected number of a run-in list in the current sentence ("…: 1. Ohio 2. Texas"), or 0. */
  private runInNext = 0;

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
        if (this.isRunInMarker(cluster.start, cluster.end)) {
          i = cluster.end;
          continue;
        }
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
    this.runInNext = 0;
  }

  /**
   * A period after a bare number that is a list marker in running text never ends a sentence:
   * - the number opens the sentence ("… Open the app. 2. Tap Settings.");
   * - it is "1." right after a colon and a "2." follows ("Top states: 1. California 2. Texas");
   * - it is the next number of such a list.
   */
  private isRunInMarker(dot: number, clusterEnd: number): boolean {
    const { text, lineEnd } = this;
    if (!isAsciiDigit(text.charCodeAt(dot - 1)) || clusterEnd !== dot + 1 || text.charCodeAt(dot) !== DOT) return false;
    if (clusterEnd >= lineEnd || !isWhitespace(text.charCodeAt(clusterEnd))) return false;
    const num = numberBefore(text, this.sentStart, dot);
    if (!num) return false;
    const opensList =
      num.start === this.sentStart ||
      num.value === this.runInNext ||
      (num.value === 1 && followsMarkAndSpace(text, this.sentStart, num.start, COLON) && markerFollows(text, clusterEnd, lineEnd, 2));
    if (opensList) this.runInNext = num.value + 1;
    return opensList;
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
