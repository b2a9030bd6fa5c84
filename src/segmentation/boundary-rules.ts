/**
 * Decides whether a run of sentence-final punctuation ends a sentence, from the token before it
 * (is it an abbreviation, and of which kind?) and the token after it (capitalised? a likely
 * sentence opener? a digit?). All look-arounds are bounded, so the scan stays linear.
 */
import {
  type AbbreviationKind,
  classifyAbbreviation,
  isAbbreviation,
  isDateAbbreviation,
  isStateAbbreviation,
  isStateHomograph,
  isTitleStarter,
} from './abbreviations';
import {
  DOT,
  ELLIPSIS,
  followsMarkAndSpace,
  isApostrophe,
  isAsciiDigit,
  isAsciiLetter,
  isAsciiLower,
  isAsciiUpper,
  isCloser,
  isContinuationPunct,
  isLetterAt,
  isNumberSign,
  isOpener,
  isQuote,
  isStrongTerminator,
  isTerminator,
  isWhitespace,
  letterCaseAt,
} from './char-classes';
import {
  COMPASS_POINTS,
  EXCLAMATION_NAMES,
  INSTITUTION_PARTS,
  INTRO_PHRASE_LEADS,
  LETTER_DESIGNATIONS,
  NAME_CONTINUATIONS,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
  STRICT_STARTERS,
  SUBJECT_NOUNS,
  TIME_CONTINUATIONS,
} from './word-lists';

export interface LineContext {
  readonly text: string;
  readonly lineStart: number;
  readonly lineEnd: number;
}

/** A run of terminators plus the closing quotes/brackets that trail it: `."`, `?!`, `. . . .`, `…)`. */
export interface Cluster {
  /** Index of the first terminator. */
  start: number;
  /** Index after the last terminator or closer. */
  end: number;
  dots: number;
  /** Contains `?`, `!` or a similar mark. */
  strong: boolean;
  /** An ellipsis: `…`, or two or more periods. */
  ellipsis: boolean;
  /** A spaced ellipsis (`. . .`). */
  spaced: boolean;
  /** A closing quotation mark trails the terminator. */
  quoteClosed: boolean;
}

type NextKind = 'end' | 'upper' | 'lower' | 'digit' | 'punct' | 'symbol';

/** The first token after a candidate boundary. */
interface NextToken {
  kind: NextKind;
  /** First opening quote/bracket before the word, or 0. */
  opener: number;
  /** Index of the first non-whitespace character. */
  start: number;
  /** Index after the word (letters, apostrophes, inner hyphens) that begins the token. */
  wordEnd: number;
  /** That word with apostrophes normalised to `'`; may be empty. */
  word: string;
}

const MAX_WORD = 40;
const MAX_INTRO_PHRASE = 40;
const COMMA = 0x2c;
const OPEN_PAREN = 0x28;
const OPEN_BRACKET = 0x5b;

function skipWhitespace(text: string, i: number, end: number): number {
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Is `text[k]` one dot of a spaced ellipsis (a dot not glued to a following word)? */
function isSpacedDot(text: string, k: number, end: number): boolean {
  if (k >= end || text.charCodeAt(k) !== DOT) return false;
  if (k + 1 >= end) return true;
  const c = text.charCodeAt(k + 1);
  return isWhitespace(c) || isTerminator(c) || isCloser(c);
}

export function readCluster(text: string, start: number, end: number): Cluster {
  let j = start;
  let dots = 0;
  let strong = false;
  let ellipsisChar = false;
  let spaced = false;
  let quoteClosed = false;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === DOT) dots++;
    else if (c === ELLIPSIS) ellipsisChar = true;
    else if (isStrongTerminator(c)) strong = true;
    else if (isCloser(c)) quoteClosed ||= isQuote(c);
    else if (isWhitespace(c) && text.charCodeAt(j - 1) === DOT && isSpacedDot(text, j + 1, end)) spaced = true;
    else break;
    j++;
  }
  return { start, end: j, dots, strong, ellipsis: ellipsisChar || dots >= 2, spaced, quoteClosed };
}

function readWord(text: string, i: number, end: number): { word: string; end: number } {
  let j = i;
  let word = '';
  while (j < end && j - i < MAX_WORD) {
    const c = text.charCodeAt(j);
    if (isLetterAt(text, j)) {
      const step = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      word += text.slice(j, j + step);
      j += step;
    } else if ((isApostrophe(c) || c === 0x2d) && j > i && j + 1 < end && isLetterAt(text, j + 1)) {
      word += c === 0x2d ? '-' : "'";
      j++;
    } else {
      break;
    }
  }
  return { word, end: j };
}

/** Lowercase letters directly followed by a capital start a brand that begins sentences: iPhone, eBay, xAI. */
function isCamelCaseBrand(text: string, i: number, end: number): boolean {
  for (let j = i + 1; j < end && j <= i + 2; j++) {
    const lc = letterCaseAt(text, j);
    if (lc === 'upper') return true;
    if (lc !== 'lower') return false;
  }
  return false;
}

function classifyStart(text: string, i: number, end: number): NextKind {
  const c = text.charCodeAt(i);
  if (isAsciiDigit(c) || isNumberSign(c)) return 'digit';
  // "@AP_Politics covers elections.": a handle starts a sentence like a name.
  if (c === 0x40 && i + 1 < end && isLetterAt(text, i + 1)) return 'upper';
  if (isContinuationPunct(c)) return 'punct';
  switch (letterCaseAt(text, i)) {
    case 'upper':
    case 'uncased':
      return 'upper';
    case 'lower':
      return isCamelCaseBrand(text, i, end) ? 'upper' : 'lower';
    default:
      return 'symbol';
  }
}

function readNextToken(text: string, from: number, end: number): NextToken {
  const start = skipWhitespace(text, from, end);
  if (start >= end) return { kind: 'end', opener: 0, start, wordEnd: start, word: '' };
  let w = start;
  const opener = isOpener(text.charCodeAt(w)) ? text.charCodeAt(w) : 0;
  while (w < end && w - start < 3 && isOpener(text.charCodeAt(w))) w++;
  if (w >= end || isWhitespace(text.charCodeAt(w))) return { kind: 'symbol', opener, start, wordEnd: w, word: '' };
  const kind = classifyStart(text, w, end);
  const { word, end: wordEnd } = readWord(text, w, end);
  return { kind, opener, start, wordEnd, word };
}

function endOfToken(text: string, i: number, end: number): number {
  while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** The word is followed by a period and is an initial or a known abbreviation ("J.", "Gov.", "Inc."). */
function isAbbreviatedWord(text: string, tok: NextToken): boolean {
  return text.charCodeAt(tok.wordEnd) === DOT && tok.word.length > 0 && (tok.word.length === 1 || isAbbreviation(tok.word));
}

function isSentenceStarter(text: string, tok: NextToken): boolean {
  if (tok.kind !== 'upper' || tok.word === '') return false;
  if (isAbbreviatedWord(text, tok)) return isTitleStarter(tok.word);
  return SENTENCE_STARTERS.has(tok.word.toLowerCase());
}

/** After a title only a word that cannot be a name counts ("the Rev. Dr. King" continues). */
function isStrictStarter(text: string, tok: NextToken): boolean {
  if (tok.kind !== 'upper' || isAbbreviatedWord(text, tok)) return false;
  return STRICT_STARTERS.has(tok.word.toLowerCase());
}

/**
 * "Officials said", "Shares fell", "Police found": a plural or mass noun followed by a lowercase
 * word is the subject of a new sentence, not the next word of a name ("the U.S. Army said").
 */
function opensWithSubjectNoun(ctx: LineContext, tok: NextToken): boolean {
  if (tok.kind !== 'upper' || !SUBJECT_NOUNS.has(tok.word.toLowerCase())) return false;
  if (!isWhitespace(ctx.text.charCodeAt(tok.wordEnd))) return false;
  return readNextToken(ctx.text, tok.wordEnd, ctx.lineEnd).kind === 'lower';
}

/** After a `starter` or `number` abbreviation: a common opener or a subject noun ("… in the U.S. Officials said"). */
function isLikelyOpener(ctx: LineContext, tok: NextToken): boolean {
  return isSentenceStarter(ctx.text, tok) || opensWithSubjectNoun(ctx, tok);
}

/** "Jan. 6", "Sat. Oct. 5", "Fri. January 5": a month or weekday only continues into a date. */
function continuesDate(text: string, tok: NextToken): boolean {
  return isAbbreviatedWord(text, tok) || TIME_CONTINUATIONS.has(tok.word.toLowerCase());
}

function continuesName(text: string, tok: NextToken, kind: AbbreviationKind): boolean {
  const lower = tok.word.toLowerCase();
  if (NAME_CONTINUATIONS.has(lower)) return true;
  if (kind === 'place' && COMPASS_POINTS.has(lower)) return true;
  // "Goldman Sachs & Co. LLC", "Johns Hopkins Univ. School of Medicine".
  if (kind === 'company' && (INSTITUTION_PARTS.has(lower) || classifyAbbreviation(tok.word) === 'company')) return true;
  if (!isAbbreviatedWord(text, tok)) return false;
  // "Co. Ltd.", "Main St. Apt. 4" continue; a title after a name ("… Tampa, Fla. Gov. Ron DeSantis
  // declared …", "… Acme Corp. Sen. Smith …") starts a new sentence.
  const next = classifyAbbreviation(tok.word);
  return next === 'company' || (kind === 'place' && next === 'number');
}

/**
 * A state abbreviation closes a place name after a comma ("… in Tampa, Fla. Residents …"). Without
 * one it usually modifies what follows ("Calif. Gov. Gavin Newsom", "the N.Y. Times") and is judged
 * like a starter — unless it is also an English word ("… celebrated Mass. Hundreds attended.").
 */
function placeBoundary(ctx: LineContext, prev: PrevToken, tok: NextToken): boolean {
  if (!isStateAbbreviation(prev.core) || followsMarkAndSpace(ctx.text, ctx.lineStart, prev.start, COMMA)) return !continuesName(ctx.text, tok, 'place');
  if (isAbbreviatedWord(ctx.text, tok)) return false;
  return isStateHomograph(prev.core) ? !continuesName(ctx.text, tok, 'place') : isLikelyOpener(ctx, tok);
}

/**
 * "At 5 a.m. Mr. Smith went …", "In the U.S. Mr. Biden is popular.": a sentence so far consisting
 * of a short prepositional phrase has no verb yet, so the abbreviation cannot end it.
 */
function isIntroductoryPhrase(text: string, sentStart: number, tokenStart: number): boolean {
  if (tokenStart - sentStart > MAX_INTRO_PHRASE) return false;
  const words = text.slice(sentStart, tokenStart).trim().split(/\s+/);
  const lead = words[0].replace(/^[^A-Za-z]+/, '').toLowerCase();
  return words.length <= 4 && INTRO_PHRASE_LEADS.has(lead);
}

/** Is the token at `tokenStart` the first word of the sentence (after opening quotes/brackets)? */
function opensSentence(text: string, sentStart: number, tokenStart: number): boolean {
  if (tokenStart - sentStart > 3) return false;
  for (let k = sentStart; k < tokenStart; k++) if (!isOpener(text.charCodeAt(k))) return false;
  return true;
}

function continuesTime(ctx: LineContext, tok: NextToken): boolean {
  if (TIME_CONTINUATIONS.has(tok.word.toLowerCase())) return true;
  const after = readNextToken(ctx.text, tok.wordEnd, ctx.lineEnd);
  return after.opener === 0 && after.word === 'time'; // "3 p.m. Moscow time"
}

/**
 * `"Is it over?" Smith asked.` / `"Why?" Sen. Ted Cruz said.` — the quotation is part of a longer
 * sentence. With `attributionOnly`, the speech verb must also end the clause (`"I won." Smith said.`),
 * so that `"We won." Smith said the team …` still splits.
 */
function looksLikeAttribution(ctx: LineContext, tok: NextToken, attributionOnly: boolean): boolean {
  const { text, lineEnd } = ctx;
  let pos = tok.start;
  // "“What now?” Nobody answered." — a pronoun or other sentence opener is not a speaker's name.
  if (tok.opener !== 0 || SENTENCE_STARTERS.has(tok.word.toLowerCase())) return false;
  for (let names = 0; names <= 4; ) {
    const { word, end } = readWord(text, pos, lineEnd);
    if (word === '') return false;
    if (letterCaseAt(text, pos) !== 'upper') {
      if (names === 0 || !SPEECH_VERBS.has(word.toLowerCase())) return false;
      const after = text.charCodeAt(end);
      return !attributionOnly || end >= lineEnd || after === DOT || after === 0x2c /* , */;
    }
    names++;
    pos = end;
    if (text.charCodeAt(pos) === DOT) pos++;
    if (pos >= lineEnd || !isWhitespace(text.charCodeAt(pos))) return false;
    pos = skipWhitespace(text, pos, lineEnd);
  }
  return false;
}

const MAX_QUOTE_SCAN = 500;

/** Index of the quotation mark that opens the quotation closed at `closeAt`, or -1 (bounded scan). */
function openingQuoteBefore(ctx: LineContext, sentStart: number, closeAt: number): number {
  const { text } = ctx;
  const stop = Math.max(sentStart, closeAt - MAX_QUOTE_SCAN);
  for (let k = closeAt - 1; k >= stop; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x201c || c === 0xab) return k;
    if ((c === 0x2018 || c === 0x27) && (k === ctx.lineStart || isWhitespace(text.charCodeAt(k - 1)))) return k;
  }
  return -1;
}

/**
 * The quotation was already attributed before it opened (`The judge asked, "Guilty?"`), so a
 * capitalised name after it starts a new sentence: `… "Guilty?" Smith replied, "Yes."`.
 */
function isIntroducedQuote(ctx: LineContext, sentStart: number, clusterStart: number): boolean {
  const open = openingQuoteBefore(ctx, sentStart, clusterStart);
  if (open <= sentStart) return false;
  let k = open;
  while (k > sentStart && isWhitespace(ctx.text.charCodeAt(k - 1))) k--;
  const before = ctx.text.charCodeAt(k - 1);
  return k > sentStart && (before === 0x2c || before === 0x3a);
}

/** `"Is it over?" Smith asked.`: the words after a closing quote attribute it, so the sentence goes on. */
function isAttribution(ctx: LineContext, sentStart: number, cluster: Cluster, tok: NextToken, attributionOnly: boolean): boolean {
  return cluster.quoteClosed && looksLikeAttribution(ctx, tok, attributionOnly) && !isIntroducedQuote(ctx, sentStart, cluster.start);
}

interface PrevToken {
  /** Index where the token starts (after opening quotes/brackets). */
  start: number;
  /** The token without the terminator, e.g. "U.S", "Mr", "$100.00". */
  core: string;
  kind: AbbreviationKind;
}

const TIME_GLUED_RE = /^\d{1,2}(?::\d\d)?[ap]\.m$/i;
const LETTERS_RE = /^\p{L}+$/u;
const ORDINAL_RE = /^\d+(?:st|nd|rd|th)$/;
const MAX_WORD_BEFORE = 12;
const MAX_PREV_TOKEN = 64;

/** The token right before `pos` after one space, up to 12 letters/digits ("Plan" in "Plan B."), or "". */
function wordBefore(ctx: LineContext, pos: number): string {
  const { text, lineStart } = ctx;
  const end = pos > lineStart && isWhitespace(text.charCodeAt(pos - 1)) ? pos - 1 : pos;
  let k = end;
  while (k > lineStart && end - k < MAX_WORD_BEFORE && (isAsciiLetter(text.charCodeAt(k - 1)) || isAsciiDigit(text.charCodeAt(k - 1)))) k--;
  return end - k < MAX_WORD_BEFORE ? text.slice(k, end) : '';
}

/**
 * Context that overrides the lexicon for a starter:
 * - "Plan B.", "Vitamin C.", "Terminal B.": a letter named by the word before it is no initial;
 * - "42nd St.", "79th St.": after an ordinal, "St." is a street, not "Saint".
 */
function starterInContext(ctx: LineContext, core: string, start: number): AbbreviationKind {
  if (core.length === 1 && isAsciiUpper(core.charCodeAt(0))) {
    return LETTER_DESIGNATIONS.has(wordBefore(ctx, start).toLowerCase()) ? 'ordinary' : 'starter';
  }
  if (core === 'St' && ORDINAL_RE.test(wordBefore(ctx, start))) return 'place';
  return 'starter';
}

function readPrevToken(ctx: LineContext, pos: number): PrevToken {
  const { text, lineStart } = ctx;
  let s = pos;
  while (s > lineStart && pos - s < MAX_PREV_TOKEN) {
    const c = text.charCodeAt(s - 1);
    if (isWhitespace(c) || c === 0x2014 || c === 0x2013) break;
    s--;
  }
  // Longer tokens (URLs, glued junk such as "x.Ab.Ab.Ab…") are words; the bound keeps the scan linear.
  if (pos - s >= MAX_PREV_TOKEN) return { start: s, core: text.slice(s, pos), kind: 'ordinary' };
  while (s < pos && isOpener(text.charCodeAt(s))) s++;
  let core = text.slice(s, pos);
  // A period after a closing quote/bracket ("… a farce".) follows a complete word.
  if (core === '' || isCloser(text.charCodeAt(pos - 1))) return { start: s, core, kind: 'ordinary' };
  // "(AP Photo/J. Scott Applewhite)": after "Word/" a capitalised part behind the slash is the token
  // ("y/y", "and/or" and URLs stay whole).
  const slash = core.lastIndexOf('/');
  if (slash > 1 && isAsciiUpper(core.charCodeAt(slash + 1)) && LETTERS_RE.test(core.slice(0, slash))) {
    s += slash + 1;
    core = core.slice(slash + 1);
  }
  let kind = TIME_GLUED_RE.test(core) ? 'time' : classifyAbbreviation(core);
  if (kind === 'starter') kind = starterInContext(ctx, core, s);
  return { start: s, core, kind };
}

function periodBoundary(ctx: LineContext, prev: PrevToken, tok: NextToken, sentStart: number): boolean {
  const kind = prev.kind;
  switch (tok.kind) {
    case 'end':
      return true;
    case 'lower':
    case 'punct':
    case 'symbol':
      return false;
    case 'digit':
      // "at 3 p.m. (1900 GMT) on Friday": a bracketed number after an abbreviation continues it.
      if (tok.opener !== 0) return kind === 'ordinary';
      return kind === 'ordinary' || kind === 'company' || kind === 'time';
    case 'upper':
      break;
  }
  if (kind === 'ordinary' || kind === 'numberOrWord' || kind === 'unit') return true;
  if (kind === 'never' || isIntroductoryPhrase(ctx.text, sentStart, prev.start)) return false;
  // "Calif. Democrats want …", "U.S. Officials said …": an abbreviation is never a sentence by itself.
  if (opensSentence(ctx.text, sentStart, prev.start)) return false;
  // "SAN JOSE, Calif. (AP) —": a parenthesis after an abbreviation is usually part of the sentence.
  if (tok.opener === OPEN_PAREN) return isSentenceStarter(ctx.text, tok);
  switch (kind) {
    case 'title':
      // "… on Sunset Dr. Police said …": "Dr." was "Drive"; no name starts with such a noun.
      return isStrictStarter(ctx.text, tok) || opensWithSubjectNoun(ctx, tok);
    case 'number':
      return isLikelyOpener(ctx, tok);
    case 'starter':
      return isDateAbbreviation(prev.core) ? !continuesDate(ctx.text, tok) : isLikelyOpener(ctx, tok);
    case 'company':
      return !continuesName(ctx.text, tok, kind);
    case 'place':
      return placeBoundary(ctx, prev, tok);
    case 'time':
      return !continuesTime(ctx, tok);
  }
}

function strongBoundary(ctx: LineContext, sentStart: number, cluster: Cluster, tok: NextToken): boolean {
  switch (tok.kind) {
    case 'end':
    case 'digit':
      return true;
    case 'lower':
    case 'punct':
    case 'symbol':
      return false;
    case 'upper':
      break;
  }
  if (isAttribution(ctx, sentStart, cluster, tok, false)) return false;
  const prev = readPrevToken(ctx, cluster.start);
  if (repeatsWord(ctx, prev, tok)) return false;
  return !(EXCLAMATION_NAMES.has(prev.core.toLowerCase()) && !isSentenceStarter(ctx.text, tok));
}

/** A chant repeats its word: `"Fight! Fight! Fight!"`, `"U.S.A.! U.S.A.!"`, `"No! No!"`. */
function repeatsWord(ctx: LineContext, prev: PrevToken, tok: NextToken): boolean {
  const { text } = ctx;
  const { core } = prev;
  const w = tok.start + (tok.opener === 0 ? 0 : 1);
  if (core === '' || w + core.length > ctx.lineEnd || isLetterAt(text, w + core.length)) return false;
  return text.slice(w, w + core.length).toLowerCase() === core.toLowerCase();
}

function isFirstPersonI(word: string): boolean {
  return word === 'I' || word.startsWith("I'");
}

/** Returns the boundary index for an ellipsis, or -1. */
function ellipsisBoundary(ctx: LineContext, sentStart: number, cluster: Cluster, tok: NextToken): number {
  const before = ctx.text.charCodeAt(cluster.start - 1);
  if (cluster.start > ctx.lineStart && (before === OPEN_BRACKET || before === OPEN_PAREN)) return -1; // "[...]"
  if (tok.kind === 'end') return cluster.end;
  if (tok.kind !== 'upper') return -1;
  if (isAttribution(ctx, sentStart, cluster, tok, false)) return -1; // `"Well…" Smith said.`
  // "I" is capitalised anywhere, so after a plain ellipsis it is no evidence of a new sentence.
  if (isFirstPersonI(tok.word) && cluster.dots < 4) return -1;
  // "compounds. . . . The practice": the glued period ends the sentence, the ellipsis opens the next one.
  if (cluster.spaced && cluster.dots >= 4 && cluster.start > ctx.lineStart && !isWhitespace(before)) return cluster.start + 1;
  return cluster.end;
}

/**
 * A trailing emoji or symbol stays with the sentence it follows ("We won! 🎉 Next game …"):
 * decide on the token after it and put the boundary after the symbol.
 */
function skipSymbols(ctx: LineContext, tok: NextToken): { tok: NextToken; boundary: number } | null {
  let boundary = -1;
  for (let n = 0; n < 3 && tok.kind === 'symbol' && tok.opener === 0; n++) {
    boundary = endOfToken(ctx.text, tok.start, ctx.lineEnd);
    tok = readNextToken(ctx.text, boundary, ctx.lineEnd);
  }
  if (boundary < 0 || tok.kind === 'end' || tok.kind === 'symbol') return null;
  return { tok, boundary };
}

const GLUED_TOKEN_RE = /^[A-Za-z][a-z'’-]*[a-z]$/;

/**
 * "He fled on foot.The police chased him." — scraped copy often loses the space between sentences.
 * A glued period or question mark splits only between a plain lowercase word and a capitalised
 * word, so "Mr.Smith", "ASP.NET", "Node.js", "U.S.Army" and "www.Example.com" stay whole.
 */
function isGluedBoundary(ctx: LineContext, cluster: Cluster): boolean {
  const { text, lineEnd } = ctx;
  // A glued quote after the period may open the next sentence ('said."The'), so closers opt out.
  if (cluster.ellipsis || cluster.end - cluster.start !== 1 || text.charCodeAt(cluster.start) === 0x21 /* ! */) return false;
  if (cluster.end + 1 >= lineEnd || !isAsciiUpper(text.charCodeAt(cluster.end)) || !isAsciiLower(text.charCodeAt(cluster.end + 1))) return false;
  const prev = readPrevToken(ctx, cluster.start);
  if (prev.kind !== 'ordinary' || !GLUED_TOKEN_RE.test(prev.core) || prev.core === 'www') return false;
  const { end } = readWord(text, cluster.end, lineEnd);
  if (end >= lineEnd) return true;
  const after = text.charCodeAt(end);
  const continuesDomain = after === DOT && end + 1 < lineEnd && isLetterAt(text, end + 1);
  return !continuesDomain && after !== 0x40 /* @ */;
}

/**
 * Returns the index where the sentence ends if `cluster` is a sentence boundary, or -1.
 * The index is usually `cluster.end`; it differs for a period glued before a spaced ellipsis and
 * for trailing emoji.
 */
export function findBoundary(ctx: LineContext, sentStart: number, cluster: Cluster): number {
  const { text, lineEnd } = ctx;
  if (cluster.end >= lineEnd) return lineEnd;
  if (!isWhitespace(text.charCodeAt(cluster.end))) return isGluedBoundary(ctx, cluster) ? cluster.end : -1;

  let tok = readNextToken(text, cluster.end, lineEnd);
  let boundary = cluster.end;
  if (cluster.strong) {
    if (tok.kind === 'symbol') {
      const skipped = skipSymbols(ctx, tok);
      if (!skipped) return -1;
      ({ tok, boundary } = skipped);
    }
    return strongBoundary(ctx, sentStart, cluster, tok) ? boundary : -1;
  }
  if (cluster.ellipsis) return ellipsisBoundary(ctx, sentStart, cluster, tok);

  if (tok.kind === 'upper' && isAttribution(ctx, sentStart, cluster, tok, true)) return -1;
  const prev = readPrevToken(ctx, cluster.start);
  if (tok.kind === 'symbol' && prev.kind === 'ordinary') {
    const skipped = skipSymbols(ctx, tok);
    if (!skipped) return -1;
    ({ tok, boundary } = skipped);
  }
  return periodBoundary(ctx, prev, tok, sentStart) ? boundary : -1;
}
