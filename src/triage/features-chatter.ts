/**
 * Features that mark talk with nothing to check: questions, exclamations, opinions and feelings,
 * predictions and promises, pleasantries, debate and hearing procedure, logistics, personal anecdotes
 * and fragments. All weights are negative log-odds, set by hand on test/fixtures/checkworthiness/tune.tsv.
 */
import { type FeatureDetector, regexFeature, scanFeature } from './feature-detector';
import { ALWAYS, cue } from './cues';
import { anyOf, cued, phrases, phrasesSource } from './patterns';

/** Whitespace, closing quotes and closing brackets that may follow the final mark of a sentence. */
function isTrailing(code: number): boolean {
  return (
    code <= 0x20 || code === 0xa0 || code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d ||
    code === 0xbb || code === 0x2019 || code === 0x201d || code === 0x3000 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b)
  );
}

/** The sentence's final mark, skipping trailing quotes, brackets and spaces: `"Why?" ` → `?`. */
function finalMark(sentence: string): string {
  for (let i = sentence.length - 1; i >= 0; i--) {
    if (!isTrailing(sentence.charCodeAt(i))) return sentence[i];
  }
  return '';
}

/** Counts whitespace-separated words, stopping at `limit` so a long sentence costs nothing extra. */
function countWords(sentence: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < sentence.length && words < limit; i++) {
    const code = sentence.charCodeAt(i);
    const space = code <= 0x20 || code === 0xa0;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const SHORT_WORDS = 5;

const QUESTION = scanFeature(
  'question',
  -2.0,
  'Ends with a question mark (a question asks for facts; it does not state one).',
  cue({ chars: '?' }),
  (sentence) => finalMark(sentence) === '?',
  () => '?',
);

const EXCLAMATION = scanFeature(
  'exclamation',
  -1.0,
  'Ends with an exclamation mark: rally cries, cheers, outrage.',
  cue({ chars: '!' }),
  (sentence) => finalMark(sentence) === '!',
  () => '!',
);

const SHORT = scanFeature(
  'short',
  -1.5,
  `Fewer than ${SHORT_WORDS} words: interjections, crosstalk and fragments ("Next question, please.").`,
  ALWAYS,
  (sentence) => countWords(sentence, SHORT_WORDS) < SHORT_WORDS,
  (sentence) => `${countWords(sentence, SHORT_WORDS)} words`,
);

const OPINION = regexFeature(
  'first_person_opinion',
  -1.5,
  'The speaker\'s own view or feeling: "I think", "I believe", "I feel", "in my view", "frankly".',
  phrases(
    "I think, I believe, I feel, I guess, I suppose, I know, I hope, I wish, I want, I love, I'd love, " +
      "I'm confident, I'm sure, I'm convinced, I'm glad, I'm proud, I'm humbled, I'm so grateful, I'm tired, " +
      'we believe, we think, we feel, in my view, in my opinion, frankly, honestly, personally, to be honest',
  ),
);

const EVALUATIVE = regexFeature(
  'evaluative_word',
  -0.8,
  'A value judgement: "great", "terrible", "wonderful", "amazing", "disaster", "reckless", "wrong".',
  phrases(
    'great, greatest, terrible, wonderful, amazing, incredible, beautiful, fantastic, awful, horrible, ' +
      'disaster, disgrace, crazy, reckless, dangerous, sad, shame, shameful, ashamed, proud, best, nice, ' +
      'decent, wrong, love, tired, exhausted, exhausting, important, moral, failure, outrageous, ridiculous, ' +
      'thrilled, hopeful, disappointed, pleased, honored, excited, deserve, deserves',
  ),
);

const OBLIGATION = regexFeature(
  'obligation',
  -1.0,
  'A call to act rather than a fact: "we should", "must", "ought to", "need to", "it\'s time".',
  phrases("should, shouldn't, must, ought to, need to, needs to, have to, has to, it's time, time for"),
);

const FUTURE = regexFeature(
  'future_or_speculation',
  -1.0,
  'A prediction, plan, promise or guess: "will", "going to", "might", "could", "hope", "if".',
  // Case-sensitive for "may", so the month of May is not a guess.
  anyOf(
    '',
    phrasesSource(
      "will, won't, 'll, going to, gonna, might, could, would, maybe, perhaps, probably, hope, hopes, " +
        'hoped, hoping, expect, expects, expected, if, imagine, plan to, promise',
      true,
    ),
    cued({ words: ['may'] }, '\\bmay\\b'),
  ),
);

const PLEASANTRY = regexFeature(
  'pleasantry',
  -2.0,
  'Greetings, thanks, blessings and audience reactions: "thank you", "good evening", "(Applause.)".',
  phrases(
    'thank you, thanks, thank, welcome, good morning, good afternoon, good evening, good night, hello, ' +
      'god bless, congratulations, cheers, applause, laughter, happy thanksgiving, happy holidays, ' +
      'happy new year, pleasure to be, great to be, good to be, glad to be, thoughts and prayers, give it up',
  ),
);

const PROCEDURE = regexFeature(
  'procedure',
  -1.5,
  'Debate, hearing and newsroom procedure: "let me", "next question", "the floor is yours", "declined to comment".',
  phrases(
    "let me, let's, let us, let him, next question, go ahead, the floor, rebuttal, to respond, yield, " +
      'the chair, without objection, unanimous consent, come to order, panel of witnesses, next panel, ' +
      'right back, short break, out of time, housekeeping, before we begin, silence your, check back, ' +
      'contributed to this report, developing story, did not immediately respond, declined to comment, ' +
      'declined to answer, condition of anonymity, closing statement, closing statements, one at a time, ' +
      'moderator, moderators, questions, excuse me, fair enough, leave it there',
  ),
);

const LOGISTICS = regexFeature(
  'logistics',
  -1.0,
  'Times, places and arrangements: "begins at 9 a.m.", "tickets", "parking", "page 12", "chapter 3".',
  phrases(
    'scheduled, will be held, begins at, starts at, doors open, tickets, parking, refreshments, kicks off, ' +
      "is closed on, o'clock",
    // The "m" of "a.m." and "p.m." is a word of its own.
    cued({ words: ['m'] }, '\\b\\d{1,2}(?::\\d\\d)? ?[ap]\\.m\\.'),
    cued({ words: ['page', 'chapter', 'section', 'room'] }, '\\b(?:page|chapter|section|room) \\d'),
  ),
);

const ANECDOTE = regexFeature(
  'personal_anecdote',
  -1.0,
  'The speaker\'s family or life story: "my wife", "my mother", "when I was", "I remember", "I met".',
  phrases(
    'my wife, my husband, my mom, my mother, my dad, my father, my kids, my children, my family, my son, ' +
      'my daughter, my grandmother, my grandfather, my first job, when I was, I remember, a story, I met, ' +
      'I visited, I had lunch, I grew up, my whole life',
  ),
);

export const CHATTER_FEATURES: readonly FeatureDetector[] = [
  QUESTION,
  EXCLAMATION,
  SHORT,
  OPINION,
  EVALUATIVE,
  OBLIGATION,
  FUTURE,
  PLEASANTRY,
  PROCEDURE,
  LOGISTICS,
  ANECDOTE,
];
