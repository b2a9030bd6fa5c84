/** The web desk's highlighting: claims + body → pieces, by code-point offsets (the API's), not UTF-16 indices. */
import fc from 'fast-check';
import { segmentText } from '../../../web/src/lib/segments';
import { codePointLength, sliceCodePoints, toCodePointOffset, toUtf16Indices, trimSpan } from '../../../web/src/lib/text';
import { splitSentences } from '../../../src/segmentation/sentence-splitter';

const claim = (id: string, start: number, end: number) => ({ id, start, end });
const pieces = (body: string, items: { id: string; start: number; end: number }[]) =>
  segmentText(body, items).map((s) => [s.text, s.item?.id ?? null]);

describe('segmentText', () => {
  it('cuts the body into claims and the text between them', () => {
    const body = 'One. Two!\nThree?';
    expect(pieces(body, [claim('a', 0, 4), claim('b', 5, 9), claim('c', 10, 16)])).toEqual([
      ['One.', 'a'],
      [' ', null],
      ['Two!', 'b'],
      ['\n', null],
      ['Three?', 'c'],
    ]);
  });

  it('uses code points: an emoji before a claim is one offset, two UTF-16 units', () => {
    const body = '😀 Rates rose 3%. “Quoted” 👍🏽 claim.';
    // Offsets as the API gives them: Array.from(body).slice(start, end).join('') === text.
    const points = Array.from(body);
    const first = { id: 'a', start: 2, end: 16 };
    const second = { id: 'b', start: 17, end: points.length };
    expect(points.slice(first.start, first.end).join('')).toBe('Rates rose 3%.');
    expect(pieces(body, [second, first])).toEqual([
      ['😀 ', null],
      ['Rates rose 3%.', 'a'],
      [' ', null],
      ['“Quoted” 👍🏽 claim.', 'b'],
    ]);
  });

  it('keeps the offsets of each piece and leaves text after the last claim', () => {
    const segments = segmentText('ab😀cd', [claim('x', 1, 3)]);
    expect(segments.map((s) => [s.text, s.start, s.end])).toEqual([
      ['a', 0, 1],
      ['b😀', 1, 3],
      ['cd', 3, 5],
    ]);
  });

  it('clips overlapping or out-of-range claims instead of repeating text', () => {
    const body = 'abcdefghij';
    expect(pieces(body, [claim('a', 0, 5), claim('b', 3, 8), claim('c', 9, 40), claim('d', 50, 60)])).toEqual([
      ['abcde', 'a'],
      ['fgh', 'b'],
      ['i', null],
      ['j', 'c'],
    ]);
  });

  it('with no claims is the whole body', () => {
    expect(pieces('Plain text.', [])).toEqual([['Plain text.', null]]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('joined, is exactly the body, and each claim piece is its text (splitter claims on arbitrary Unicode)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (body) => {
        const claims = splitSentences(body).map((s, i) => ({ id: String(i), start: s.start, end: s.end, text: s.text }));
        const segments = segmentText(body, claims);
        expect(segments.map((s) => s.text).join('')).toBe(body);
        for (const s of segments) if (s.item) expect(s.text).toBe((s.item as (typeof claims)[number]).text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('code-point helpers', () => {
  const text = 'a😀b👍🏽c';

  it('count, slice and convert like Array.from', () => {
    expect(codePointLength(text)).toBe(Array.from(text).length);
    expect(sliceCodePoints(text, 1, 3)).toBe('😀b');
    expect(toUtf16Indices(text, [0, 1, 2, 3, 99, -1])).toEqual([0, 1, 3, 4, 9, 0]);
    expect(toCodePointOffset(text, 3)).toBe(2);
    expect(codePointLength('\ud800x')).toBe(2); // a lone surrogate counts as one, like Array.from
  });

  it('trim a selection so it neither starts nor ends with whitespace', () => {
    expect(trimSpan('  Hello world  ', 0, 15)).toEqual({ start: 2, end: 13 });
    expect(trimSpan('😀 x 😀', 1, 4)).toEqual({ start: 2, end: 3 });
    expect(trimSpan('a   b', 1, 4)).toBeNull();
  });
});
