/**
 * Rule-based English sentence splitter for news text (the source of Checkmate "claims").
 * See docs/segmentation.md for the approach and its known limits.
 */
import { isWhitespace } from './char-classes';
import { CodePointCursor } from './code-points';
import { LineSegmenter } from './line-segmenter';

/** Line breaks that end a paragraph (\r\n counts once; VT and FF are hard breaks too). */
const LINE_BREAK_RE = /[\n\v\f\r\u2028\u2029]/g;

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
  /** 1-based paragraph number; paragraphs are separated by one or more line breaks. */
  paragraph: number;
}

/**
 * Splits English (news) text into sentences.
 *
 * Paragraphs: every line break — `\n`, `\r\n`, `\r`, U+2028, U+2029 (and the hard breaks VT/FF) —
 * ends a paragraph, so a sentence never spans two lines; headline lines and list items without
 * terminal punctuation are sentences of their own. Blank lines are ignored; `paragraph` is the
 * 1-based index of the non-empty line the sentence is on.
 *
 * Within a line a sentence ends at `.`, `?`, `!`, `…` (and runs of them such as `?!` or `....`,
 * including trailing closing quotes/brackets) when the look-ahead says a new sentence starts.
 * Abbreviations (Mr., U.S., Inc., a.m., Calif., e.g.), initials, decimals, URLs, e-mail
 * addresses, list markers ("1.", "a)"), quotes continued by a lowercase word (`"Stop!" he
 * shouted.`) and ellipses followed by lowercase text do not end a sentence. Bullets (•) and
 * inline numbered items ("1. … 2. …") start new sentences.
 *
 * Returned spans:
 * - `start`/`end` are Unicode code-point offsets into `text` (end exclusive), so
 *   `Array.from(text).slice(span.start, span.end).join('') === span.text` (lone surrogates count
 *   as one code point, as in `Array.from`).
 * - `span.text` is non-empty and has no leading or trailing whitespace (the `String.prototype.trim`
 *   definition, which includes NBSP and U+FEFF).
 * - Spans are in order, do not overlap, never contain a line break, and together cover every
 *   non-whitespace code point of `text`. Empty or whitespace-only input yields `[]`.
 *
 * Pure and deterministic; linear in the input length.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const cursor = new CodePointCursor(text);
  let paragraph = 0;
  let lineHasSentence = false;

  const emit = (rawStart: number, rawEnd: number): void => {
    let start = rawStart;
    let end = rawEnd;
    while (start < end && isWhitespace(text.charCodeAt(start))) start++;
    while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
    if (start === end) return;
    if (!lineHasSentence) {
      lineHasSentence = true;
      paragraph++;
    }
    const cpStart = cursor.advanceTo(start);
    const cpEnd = cursor.advanceTo(end);
    spans.push({ text: text.slice(start, end), start: cpStart, end: cpEnd, paragraph });
  };

  const segmenter = new LineSegmenter(text, emit);
  const n = text.length;
  let lineStart = 0;
  while (lineStart <= n) {
    LINE_BREAK_RE.lastIndex = lineStart;
    const lineEnd = LINE_BREAK_RE.test(text) ? LINE_BREAK_RE.lastIndex - 1 : n;
    lineHasSentence = false;
    segmenter.segment(lineStart, lineEnd);
    if (lineEnd >= n) break;
    const isCrLf = text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a;
    lineStart = lineEnd + (isCrLf ? 2 : 1);
  }
  return spans;
}
