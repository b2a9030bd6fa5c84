import fc from 'fast-check';
import {
  CHECK_WORTHINESS_BIAS,
  CHECK_WORTHINESS_FEATURES,
  checkWorthinessHint,
  explainCheckWorthiness,
} from '../../../src/triage/check-worthiness';

const WORDS = [
  'The', 'Senate', 'voted', '51-49', 'on', 'Tuesday', 'I', 'think', 'will', 'May', 'percent', '3.5%', '$2', 'million',
  'according', 'to', 'said', '"', '“', '”', '?', '!', '.', ',', 'thank', 'you', 'record', 'highest', '2009', 'more',
  'than', 'tax', 'jobs', '😀', '\ud83d', '\ude00', '\u00a0', '\n', 'É', 'ß', 'İ',
];
const newsy = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((words) => words.join(' '));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  newsy,
);
const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { maxLength: 20 })
  .map((codes) => String.fromCharCode(...codes) + ' voted');

const logistic = (logit: number) => Math.round(1000 / (1 + Math.exp(-logit))) / 1000;

describe('checkWorthinessHint: properties', () => {
  it('returns a number in [0, 1] with at most 3 decimals for any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, loneSurrogates), (text) => {
        const score = checkWorthinessHint(text);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 1000) / 1000).toBe(score);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic and agrees with its explanation', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, loneSurrogates), (text) => {
        const explained = explainCheckWorthiness(text);
        expect(checkWorthinessHint(text)).toBe(checkWorthinessHint(text));
        expect(explainCheckWorthiness(text)).toEqual(explained);
        expect(explained.score).toBe(checkWorthinessHint(text));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the logistic of the bias plus the weights of the features that fire', () => {
    fc.assert(
      fc.property(newsy, (text) => {
        const { score, features } = explainCheckWorthiness(text);
        const logit = features.reduce((sum, feature) => sum + feature.weight, CHECK_WORTHINESS_BIAS);
        expect(score).toBe(logistic(logit));
        for (const feature of features) expect(feature.matched.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on empty, whitespace-only or non-string input', () => {
    for (const text of ['', ' ', '\n\t', '\ud800', '\udfff\ud800']) expect(checkWorthinessHint(text)).toBeLessThan(0.5);
    expect(checkWorthinessHint(undefined as unknown as string)).toBe(checkWorthinessHint(''));
  });

  it('exposes a frozen feature table', () => {
    expect(Object.isFrozen(CHECK_WORTHINESS_FEATURES)).toBe(true);
    expect(Object.isFrozen(CHECK_WORTHINESS_FEATURES[0])).toBe(true);
  });
});
