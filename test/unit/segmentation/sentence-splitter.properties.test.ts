import fc from 'fast-check';
import { type SentenceSpan, splitSentences } from '../../../src/segmentation/sentence-splitter';

const LINE_BREAK_RE = /[\n\r\u2028\u2029\v\f]/;

/** Code-point index → line number (-1 for the line-break characters themselves). */
function lineNumbers(codePoints: string[]): Int32Array {
  const lines = new Int32Array(codePoints.length);
  let line = 0;
  for (let k = 0; k < codePoints.length; k++) {
    if (!LINE_BREAK_RE.test(codePoints[k])) {
      lines[k] = line;
      continue;
    }
    lines[k] = -1;
    if (codePoints[k] === '\r' && codePoints[k + 1] === '\n') lines[++k] = -1;
    line++;
  }
  return lines;
}

/** Line number → 1-based rank among lines that contain a non-whitespace code point. */
function paragraphRanks(codePoints: string[], lines: Int32Array): Map<number, number> {
  const ranks = new Map<number, number>();
  codePoints.forEach((cp, k) => {
    if (lines[k] >= 0 && /\S/.test(cp) && !ranks.has(lines[k])) ranks.set(lines[k], ranks.size + 1);
  });
  return ranks;
}

/** Asserts every documented guarantee of `splitSentences` for one input. */
function assertContract(input: string, spans: SentenceSpan[]): void {
  const codePoints = Array.from(input);
  const lines = lineNumbers(codePoints);
  const ranks = paragraphRanks(codePoints, lines);
  const covered = new Uint8Array(codePoints.length);
  let previous: SentenceSpan | undefined;

  for (const span of spans) {
    expect(span.text.length).toBeGreaterThan(0);
    expect(span.text).toBe(span.text.trim());
    expect(LINE_BREAK_RE.test(span.text)).toBe(false);
    expect(span.start).toBeLessThan(span.end);
    expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
    expect(lines[span.start]).toBe(lines[span.end - 1]);
    expect(span.paragraph).toBe(ranks.get(lines[span.start]));
    if (previous) {
      expect(span.start).toBeGreaterThanOrEqual(previous.end);
      expect(span.paragraph).toBeGreaterThanOrEqual(previous.paragraph);
    } else {
      expect(span.paragraph).toBe(1);
    }
    covered.fill(1, span.start, span.end);
    previous = span;
  }
  codePoints.forEach((cp, k) => {
    if (/\S/.test(cp) && !covered[k]) throw new Error(`code point ${k} (${JSON.stringify(cp)}) is not covered`);
  });
}

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const trickyChar = fc.constantFrom(
  'a', 'A', 'x', 'I', 'i', '1', '.', '.', ' ', ' ', '?', '!', '"', "'", '“', '”', '‘', '’', '(', ')', '[', ']',
  '…', '•', '⁃', '-', '—', ',', '\n', '\r', '\r\n', '\u2028', '\u2029', '\t', '\u00a0', '\ufeff', '😀', '\ud83d', '\ude00',
);

const WORDS = [
  'the', 'The', 'said', 'Senate', 'he', 'He', 'It', 'voted', 'on', 'Tuesday', 'in', 'iPhone', 'Putin', 'Russia',
  'officials', 'I', 'a', 'A', 'and', 'But', 'Smith', 'Mr.', 'Mrs.', 'Dr.', 'Sen.', 'Gen.', 'St.', 'No.', 'U.S.',
  'U.K.', 'D.C.', 'Inc.', 'Corp.', 'Co.', 'Ltd.', 'etc.', 'e.g.', 'i.e.', 'vs.', 'v.', 'Jan.', 'Sept.', 'Calif.',
  'Mass.', 'Ave.', 'Jr.', 'Ph.D.', 'a.m.', 'p.m.', 'p.', 'approx.', 'J.', 'R.', '3.5', '$1.5', '£2.3m', '2.5%',
  '1.2.3', '192.168.1.1', 'cnn.com', 'report.pdf', 'john.doe@gmail.com', 'https://x.org/a.b?c=d', '1.', '2.)',
  'a)', '(ii)', '•', '—', '(AP)', 'Yahoo!', '😀', '🇺🇸', '👍🏽',
];
const PUNCTUATION = ['.', '?', '!', '?!', '!!', '...', '…', '. . . .', '."', '.”', '?”', '!"', ".'", '.)', ')', ',', ';', ':'];
const SEPARATORS = [' ', ' ', ' ', '  ', '', '\t', '\u00a0', '\n', '\r\n', '\n\n', '\u2028', ' "', ' “', ' (', ' ‘'];

const newsToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2100 }).map(String) },
);
const newsText = fc
  .array(fc.tuple(newsToken, fc.constantFrom(...SEPARATORS)), { maxLength: 60 })
  .map((parts) => parts.map(([token, sep]) => token + sep).join(''));

/** Tokens glued together half of the time: "said.The", "U.S.Army", "foot.Th." at the very end. */
const gluedNewsText = fc
  .array(fc.tuple(newsToken, fc.constantFrom('', '', ' ', '\n')), { maxLength: 40 })
  .map((parts) => parts.map(([token, sep]) => token + sep).join(''));

const arbitraryTexts: Array<[string, fc.Arbitrary<string>]> = [
  ['any code points', fc.string({ unit: 'binary', maxLength: 120 })],
  ['any graphemes', fc.string({ unit: 'grapheme', maxLength: 80 })],
  ['any UTF-16 units, including lone surrogates', fc.string({ unit: utf16Unit, maxLength: 120 })],
  ['punctuation-heavy strings', fc.string({ unit: trickyChar, maxLength: 120 })],
  ['news-like text', newsText],
  ['news-like text with missing spaces', gluedNewsText],
];

describe('splitSentences: properties', () => {
  it.each(arbitraryTexts)('keeps the span contract on %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (input) => {
        assertContract(input, splitSentences(input));
      }),
      { numRuns: 1000 },
    );
  });

  it.each(arbitraryTexts)('is deterministic on %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (input) => {
        expect(splitSentences(input)).toEqual(splitSentences(input));
      }),
      { numRuns: 200 },
    );
  });

  it('splits each line independently of the lines around it', () => {
    fc.assert(
      fc.property(newsText, newsText, (first, second) => {
        const joined = splitSentences(`${first}\n${second}`);
        const a = splitSentences(first);
        const b = splitSentences(second);
        const shift = Array.from(first).length + 1;
        const paragraphs = a.length ? a[a.length - 1].paragraph : 0;
        expect(joined).toEqual([
          ...a,
          ...b.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift, paragraph: s.paragraph + paragraphs })),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('treats every kind of horizontal whitespace alike', () => {
    fc.assert(
      fc.property(newsText, fc.constantFrom('\t', '\u00a0', '\u2009', '\u3000', '\u202f'), (input, space) => {
        const variant = input.replace(/ /g, space);
        const positions = (text: string) => splitSentences(text).map(({ start, end, paragraph }) => ({ start, end, paragraph }));
        expect(positions(variant)).toEqual(positions(input));
      }),
      { numRuns: 300 },
    );
  });
});
