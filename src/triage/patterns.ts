/**
 * Helpers that turn readable word lists into the precompiled regular expressions the
 * check-worthiness features use, each with its cue (cues.ts): a cheap necessary condition for it to
 * match. Every pattern built here is linear in the input: alternatives of fixed words between word
 * boundaries, and only bounded repetition, so a long or hostile sentence cannot trigger catastrophic
 * backtracking.
 */
import { ALWAYS, type Cue, anyCue, cue, withoutProof, wordsOf } from './cues';

/** A piece of regex source that is one whole alternative, with a cue that holds whenever it matches. */
export interface CuedSource {
  readonly source: string;
  readonly cue: Cue;
}

/** A compiled pattern with a cue that holds whenever it matches. */
export interface CuedPattern {
  readonly pattern: RegExp;
  readonly cue: Cue;
}

/**
 * A hand-written piece of regex with its cue, declared side by side. The cue must hold for every
 * string the piece matches, in any case: check-worthiness.equivalence.test.ts tests each one.
 */
export function cued(spec: { words?: readonly string[]; chars?: string }, source: string): CuedSource {
  return { source, cue: cue(spec) };
}

/** A hand-written piece of regex with no known cue: it runs on every sentence. */
export function uncued(source: string): CuedSource {
  return { source, cue: ALWAYS };
}

/**
 * Frequent words, most frequent first. A phrase's cue word is its rarest word: one not listed here if
 * it has any (the longest of those), else the one listed last. Words of one or two letters ("s" of
 * "it's") count as the most frequent of all.
 */
const COMMON_WORDS = (
  'the and that for with this from have will you they was are has his her their not but one can would who ' +
  'what when all were been had did our its them out about into over off than then more most only first last ' +
  'time year'
).split(' ');

/** Higher for a word less likely to be in a sentence: unlisted words above listed ones, longer first. */
function rarity(word: string): number {
  if (word.length <= 2) return -1;
  const rank = COMMON_WORDS.indexOf(word);
  return rank >= 0 ? rank : COMMON_WORDS.length + word.length;
}

/**
 * The cue of a phrase list: for each phrase, its rarest word (see `COMMON_WORDS`). Any word of a
 * phrase is a whole word of any text the phrase matches: a phrase that begins or ends with a letter
 * or digit gets a word boundary there, and the characters between its words (space, apostrophe,
 * hyphen, period) stay non-word characters in the match, in any case. A phrase of one word is also a
 * proof word: wherever that word occurs, the phrase matches (if the pattern ignores case; `anyOf`
 * drops proof words from patterns that do not).
 */
function phraseListCue(phrases: readonly string[]): Cue {
  return anyCue(
    phrases.map((phrase) => {
      const words = wordsOf(phrase);
      if (words.length === 0) return ALWAYS;
      const word = words.reduce((rarest, w) => (rarity(w) > rarity(rarest) ? w : rarest));
      return cue({ words: [word], proofWords: /^\w+$/.test(phrase) ? [word] : [] });
    }),
  );
}

/** Escapes regex syntax, lets `'` match a typographic apostrophe and a space match any one space. */
function phraseSource(phrase: string): string {
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/ /g, '\\s');
}

/** `inspector general` → `[iI]nspector [gG]eneral`, for lists that share a case-sensitive pattern with acronyms. */
function initialCaseSource(source: string): string {
  return source.replace(/(^|\\s)([a-z])/g, (_m, before: string, c: string) => `${before}[${c}${c.toUpperCase()}]`);
}

/**
 * Source of an alternation of comma-separated phrases between word boundaries. A boundary is only
 * required where a phrase begins or ends with a letter or digit ("Jan." must still match before a
 * space). Phrases that need both boundaries share one outer `\b(?:…)\b`, which lets the regex
 * engine skip quickly to plausible first letters. Longer phrases come first so the matched text
 * shown in explanations is the whole phrase ("more than", not "more").
 */
export function phrasesSource(list: string, anyInitialCase = false): CuedSource {
  const phrases = list
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
  const source = (phrase: string) =>
    anyInitialCase ? initialCaseSource(phraseSource(phrase)) : phraseSource(phrase);
  const bounded = phrases.filter((p) => /^\w/.test(p) && /\w$/.test(p)).map(source);
  const others = phrases
    .filter((p) => !(/^\w/.test(p) && /\w$/.test(p)))
    .map((p) => (/^\w/.test(p) ? '\\b' : '') + source(p) + (/\w$/.test(p) ? '\\b' : ''));
  const alternatives = bounded.length > 0 ? [`\\b(?:${bounded.join('|')})\\b`, ...others] : others;
  return { source: `(?:${alternatives.join('|')})`, cue: phraseListCue(phrases) };
}

/**
 * `\b(?:Congress|Supreme Court|…)\b`: exactly these comma-separated names, case-sensitively and in
 * list order, each a whole word or words separated by single spaces.
 */
export function namesSource(list: string): CuedSource {
  const names = list.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!/^\w+(?: \w+)*$/.test(name)) throw new Error(`name ${JSON.stringify(name)} is not words separated by spaces`);
  }
  return { source: `\\b(?:${names.join('|')})\\b`, cue: phraseListCue(names) };
}

/**
 * The alternation of `parts` with `flags`: '' (case-sensitive) or 'i'. Cues assume a regex without
 * the `u` or `v` flag (ASCII `\w` and `\b`, ASCII letters matching only ASCII letters), and `regexFeature`
 * needs one that is neither global nor sticky. The pattern matches when one of the parts does, so its
 * cue is met when one of theirs is; a proof word proves a match only when case is ignored.
 */
export function anyOf(flags: '' | 'i', ...parts: CuedSource[]): CuedPattern {
  const cue = anyCue(parts.map((part) => part.cue));
  return {
    pattern: new RegExp(parts.map((part) => part.source).join('|'), flags),
    cue: flags === 'i' ? cue : withoutProof(cue),
  };
}

/** Case-insensitive matcher for comma-separated phrases, with optional extra hand-written pieces. */
export function phrases(list: string, ...extra: CuedSource[]): CuedPattern {
  return anyOf('i', phrasesSource(list), ...extra);
}
