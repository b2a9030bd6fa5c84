import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLabelledSentences } from '../../../bench/checkworthiness.bench';
import { splitSentences } from '../../../src/segmentation/sentence-splitter';
import {
  CHECK_WORTHINESS_BIAS,
  CHECK_WORTHINESS_DETECTORS,
  CHECK_WORTHINESS_FEATURES,
  type CheckWorthinessExplanation,
  type FiredFeature,
  checkWorthinessHint,
  explainCheckWorthiness,
} from '../../../src/triage/check-worthiness';
import { ALWAYS, type Cue, CueIndex, type WordsOrChars } from '../../../src/triage/cues';
import { type FeatureDetector } from '../../../src/triage/feature-detector';

/**
 * The hint skips a feature's pattern when a sentence does not meet the feature's cue, and skips the
 * test when a proof word shows it would match (src/triage/cues.ts). Both shortcuts must leave every
 * score and explanation exactly as the plain computation gives them: every detector's full test on
 * every sentence. That plain computation is kept here as the reference.
 */
const DETECTORS = CHECK_WORTHINESS_DETECTORS;

/** A detector's own test, never its cue: the pattern itself for regex features. */
const fullTest = (detector: FeatureDetector, text: string) =>
  detector.pattern ? detector.pattern.test(text) : detector.fires(text);

function referenceExplain(sentence: string): CheckWorthinessExplanation {
  const text = typeof sentence === 'string' ? sentence : '';
  let logit = CHECK_WORTHINESS_BIAS;
  const features: FiredFeature[] = [];
  for (const detector of DETECTORS) {
    if (!fullTest(detector, text)) continue;
    logit += detector.weight;
    features.push({ name: detector.name, weight: detector.weight, matched: detector.matches(text) });
  }
  return { score: Math.round(1000 / (1 + Math.exp(-logit))) / 1000, features };
}

function expectSameAsReference(sentence: string): void {
  const reference = referenceExplain(sentence);
  expect(explainCheckWorthiness(sentence)).toEqual(reference);
  expect(checkWorthinessHint(sentence)).toBe(reference.score);
}

// ---------------------------------------------------------------------------------------------------
// Inputs: the labelled sentences, the seed article, and strings built from the patterns themselves.

const seedArticle = readFileSync(join(__dirname, '../../../seed/seed-article.txt'), 'utf8');
const SENTENCES = [
  ...loadLabelledSentences('tune').map((row) => row.sentence),
  ...loadLabelledSentences('frozen').map((row) => row.sentence),
  ...splitSentences(seedArticle).map((span) => span.text),
];
/** Each sentence as written, in capitals and in lowercase: cues must hold in any case. */
const CORPUS = SENTENCES.flatMap((s) => [s, s.toUpperCase(), s.toLowerCase()]);

/**
 * The literal phrases in a pattern's source: its alternatives that are plain text once `\s`, `['’]`,
 * `[xX]` and `\.` are read as text. Taken from the patterns, not from the cues, so a phrase added to
 * a feature is generated here whatever its cue says.
 */
function literalPhrases(source: string): string[] {
  return source
    .replace(/\\b|\(\?:|\(\?<?[!=]|[()]/g, '|')
    .split('|')
    .map((alt) =>
      alt
        .replace(/\\s/g, ' ')
        .replace(/\['’\]/g, "'")
        .replace(/\[(\w)\w\]/g, '$1')
        .replace(/\\\./g, '.')
        .trim(),
    )
    .filter((alt) => /^[\w' .,-]+$/.test(alt));
}

/** Everything the features matched in the corpus ("3.5%", "$2", "one in five", "9 a.m."…). */
const SNIPPETS = [...new Set(CORPUS.flatMap((s) => referenceExplain(s).features.flatMap((f) => f.matched)))];
const PHRASES = [
  ...new Set(DETECTORS.flatMap((detector) => (detector.pattern ? literalPhrases(detector.pattern.source) : []))),
];
/** Each word of the phrases on its own ("mother" without "my"). */
const PHRASE_WORDS = [...new Set(PHRASES.flatMap((phrase) => phrase.match(/\w+/g) ?? []))];
const VOCABULARY = [...new Set([...PHRASES, ...SNIPPETS, ...PHRASE_WORDS])];

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const inAnyCase = (word: string) =>
  fc.constantFrom(word, word.toUpperCase(), word.toLowerCase(), capitalise(word.toLowerCase()));

const numberToken = fc.oneof(
  fc.nat({ max: 99_999 }).map(String),
  fc.integer({ min: 1750, max: 2099 }).map(String),
  fc.integer({ min: 1750, max: 2099 }).map((year) => `${year}s`),
  fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`),
  fc.nat({ max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
);
/** Characters around which the patterns and the cue scan make decisions, and Unicode that folds oddly. */
const SYMBOLS = [
  '%', '$', '£', '€', '¥', '"', '“', '”', "'", '’', '?', '!', '.', ',', ';', ':', '-', '(', ')', '_',
  'a.m.', 'p.m.', 'ſ', 'K', 'İ', 'ı', 'é', 'É', 'ß', 'ﬀ', '\u00a0', '\u2009', '\u3000', '\ufeff', '\n', '\t',
  '😀', '\ud83d', '\ude00',
];
const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY).chain(inAnyCase) },
  { weight: 2, arbitrary: numberToken },
  { weight: 3, arbitrary: fc.constantFrom(...SYMBOLS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,8}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
/** Mostly spaces, but also nothing at all, so that words and phrases run into each other. */
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '', '', '\u00a0', '\n', '-', "'", '’', '_', ', ');
const builtFromCues = fc
  .array(fc.tuple(token, separator), { maxLength: 30 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** A corpus sentence with a few characters deleted and tokens inserted, in a random case. */
const editedSentence = fc
  .tuple(
    fc.constantFrom(...CORPUS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.oneof(token, fc.constant(''))), { maxLength: 4 }),
  )
  .map(([sentence, edits]) =>
    edits.reduce((s, [at, cut, insert]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + insert + s.slice(i + cut);
    }, sentence),
  );

const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 }).map((codes) => String.fromCharCode(...codes)),
);

const anyInput = fc.oneof(
  { weight: 4, arbitrary: builtFromCues },
  { weight: 3, arbitrary: editedSentence },
  { weight: 2, arbitrary: unicodeText },
);

// ---------------------------------------------------------------------------------------------------
// Detector by detector: a cue must hold wherever the pattern matches, a proof word only where it does.

/** What the cues indexed in `index` get wrong on `inputs`, as readable lines (empty when nothing). */
function cueErrors(index: CueIndex, inputs: readonly string[]): string[] {
  const errors: string[] = [];
  for (const input of inputs) {
    index.scan(input);
    DETECTORS.forEach((detector, i) => {
      const matches = fullTest(detector, input);
      const bit = 1 << i;
      const where = `${detector.name} on ${JSON.stringify(input)}`;
      if (matches && (index.met & bit) === 0) errors.push(`${where}: matches, cue not met`);
      if (!matches && (index.proven & bit) !== 0) errors.push(`${where}: proven, no match`);
    });
  }
  return errors;
}

const CUES = DETECTORS.map((detector) => detector.cue);
const INDEX = new CueIndex(CUES);
/** A fixed sample, the same on every run, for the tests that a wrong cue is caught. */
const SAMPLE = [
  ...CORPUS,
  ...VOCABULARY.flatMap((text) => [text, text.toUpperCase()]),
  ...fc.sample(anyInput, { numRuns: 3000, seed: 20240917 }),
];

const dropWord = (c: WordsOrChars, word: string): WordsOrChars => ({
  ...c,
  words: c.words.filter((w) => w !== word),
  proofWords: c.proofWords.filter((w) => w !== word),
});
const addProofWord = (c: WordsOrChars, word: string): WordsOrChars => ({
  ...c,
  words: [...c.words, word],
  proofWords: [...c.proofWords, word],
});

/** Wrong cues, each a mistake a feature edit could make, for the tests that they are caught. */
const WRONG_CUES: Array<[mistake: string, feature: string, change: (cue: WordsOrChars) => WordsOrChars]> = [
  ['no digits', 'number', (c) => ({ ...c, chars: '' })],
  ['no "tax"', 'policy_topic', (c) => dropWord(c, 'tax')],
  ['no hand-declared "said"', 'attribution', (c) => dropWord(c, 'said')],
  ['no hand-declared "declined"', 'comparison_or_change', (c) => dropWord(c, 'declined')],
  ['no "1" and "2"', 'year_or_period', (c) => ({ ...c, chars: c.chars.replace(/[12]/g, '') })],
  ['no currency signs and digits', 'quantity', (c) => ({ ...c, chars: '%' })],
  ['no "m" (a.m., p.m.)', 'logistics', (c) => dropWord(c, 'm')],
  ['no curly quote', 'quoted_speech', (c) => ({ ...c, chars: '"' })],
  ['an empty cue', 'question', (c) => ({ ...c, chars: '' })],
  ['a proof word in a case-sensitive pattern', 'future_or_speculation', (c) => addProofWord(c, 'may')],
  ['a proof word that is one word of a phrase', 'personal_anecdote', (c) => addProofWord(c, 'mother')],
  ['a proof word that begins a phrase', 'procedure', (c) => addProofWord(c, 'declined')],
];

/** The real cues with one feature's cue changed. */
function withWrongCue(feature: string, change: (cue: WordsOrChars) => WordsOrChars): Cue[] {
  const index = DETECTORS.findIndex((detector) => detector.name === feature);
  const real = CUES[index];
  if (real === undefined || real === ALWAYS) throw new Error(`no feature ${feature} with a cue`);
  return CUES.map((c, i) => (i === index ? change(real) : c));
}

describe('check-worthiness cues', () => {
  it('covers every feature of the table, in order, with a regex of the kind the cues assume', () => {
    expect(DETECTORS.map(({ name, weight }) => ({ name, weight }))).toEqual(
      CHECK_WORTHINESS_FEATURES.map(({ name, weight }) => ({ name, weight })),
    );
    for (const detector of DETECTORS) {
      // No u/v flag (cues assume ASCII \w, \b and case folding) and no g/y flag (test keeps no state).
      if (detector.pattern) expect(detector.pattern.flags).toMatch(/^i?$/);
    }
  });

  it('relies only on what the regex engine does: ASCII \\w, \\d and case folding, for every code unit', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const ascii = code < 128;
      const word = ascii && /[A-Za-z0-9_]/.test(c);
      if (/\w/.test(c) !== word || /\w/i.test(c) !== word) differ.push(code);
      if (/\d/.test(c) !== (code >= 0x30 && code <= 0x39)) differ.push(code);
      // A non-ASCII character never matches an ASCII letter, even ignoring case (no `u` flag).
      if (/[a-z]/i.test(c) !== (ascii && /[A-Za-z]/.test(c))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });

  it('holds wherever a pattern matches, and proof words only where it does, on the corpus and a fixed sample', () => {
    expect(cueErrors(INDEX, SAMPLE)).toEqual([]);
  });

  it('holds on random inputs built from the patterns, edited sentences and arbitrary Unicode', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expect(cueErrors(INDEX, [input])).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  // The check above must be able to fail: each wrong cue is caught on the fixed sample.
  it.each(WRONG_CUES)('catches a wrong cue: %s for %s', (_mistake, feature, change) => {
    expect(cueErrors(new CueIndex(withWrongCue(feature, change)), SAMPLE).length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------
// End to end: the exported functions against the reference.

describe('checkWorthinessHint and explainCheckWorthiness: same results as the plain computation', () => {
  it('on every labelled sentence and seed-article sentence, as written, in capitals and in lowercase', () => {
    expect(SENTENCES.length).toBeGreaterThan(500);
    for (const sentence of CORPUS) expectSameAsReference(sentence);
  });

  it('on every phrase, snippet and phrase word of the patterns on its own', () => {
    for (const text of VOCABULARY) {
      for (const variant of [text, text.toUpperCase(), capitalise(text), `So ${text}.`, `x${text}x`]) {
        expectSameAsReference(variant);
      }
    }
  });

  it('on random inputs built from the patterns, edited sentences and arbitrary Unicode', () => {
    fc.assert(fc.property(anyInput, expectSameAsReference), { numRuns: 5000 });
  });

  it('on non-strings, which score like the empty string', () => {
    for (const input of [undefined, null, 42, {}]) {
      expect(explainCheckWorthiness(input as unknown as string)).toEqual(referenceExplain(''));
    }
  });
});
