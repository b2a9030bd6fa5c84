import { splitSentences } from '../../src/segmentation/sentence-splitter';

/** A table case: the input text and the exact sentences it must split into. */
export type SplitCase = [input: string, expected: string[]];

/** Asserts that every span's code-point offsets slice the input back to the span's text. */
export function expectOffsetsSliceBack(input: string, spans: ReadonlyArray<{ start: number; end: number; text: string }>): void {
  const codePoints = Array.from(input);
  for (const span of spans) {
    expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
  }
}

/** Asserts the exact sentence texts and that every span's code-point offsets slice back to its text. */
export function expectSplit(input: string, expected: string[]): void {
  const spans = splitSentences(input);
  expect(spans.map((s) => s.text)).toEqual(expected);
  expectOffsetsSliceBack(input, spans);
}
