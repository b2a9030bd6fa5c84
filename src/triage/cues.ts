/**
 * Cues: cheap conditions that let the check-worthiness hint skip a feature's regular expression.
 *
 * A cue says "the pattern can only match if the sentence contains one of these words or one of these
 * characters": a necessary condition. A word is a maximal run of `[A-Za-z0-9_]` (what `\w` and `\b`
 * mean in a regex without the `u` flag) and is compared ignoring ASCII case, so a cue holds for
 * case-sensitive and case-insensitive patterns alike. Some cue words are also proof words: wherever one
 * occurs, the pattern matches (a sufficient condition). `CueIndex` reads a sentence once and tells which
 * features' cues it meets and which it proves. A feature whose cue is not met cannot fire; one whose
 * cue is proven fires; only the others run their pattern. Either way the result is the pattern's.
 *
 * A cue that is too broad, or a proof word left out, only costs time; a cue that is too narrow, or a
 * wrong proof word, would change scores. So cues are derived from the phrase lists (patterns.ts),
 * declared next to the few hand-written regex pieces, and checked against the patterns by
 * test/unit/triage/check-worthiness.equivalence.test.ts.
 */

/**
 * The pattern can only match if the sentence contains one of `words` (lowercase) or one of `chars`.
 * `proofWords` (also in `words`) go the other way: any one of them in the sentence proves a match, so
 * the pattern need not run to know that it fires.
 */
export interface WordsOrChars {
  readonly words: readonly string[];
  readonly chars: string;
  readonly proofWords: readonly string[];
}

/** No cheap condition is known: the pattern runs on every sentence. */
export const ALWAYS = 'always';

export type Cue = WordsOrChars | typeof ALWAYS;

export const DIGITS = '0123456789';

const WORD = /^\w+$/;

function checkedWords(words: readonly string[] = []): string[] {
  return words.map((word) => {
    if (!WORD.test(word)) throw new Error(`cue word ${JSON.stringify(word)} is not a single \\w+ word`);
    return word.toLowerCase();
  });
}

/**
 * A cue met by any of `words` (whole words, any ASCII case) or any character of `chars`. A word in
 * `proofWords` must be one that makes the pattern match wherever it occurs (see patterns.ts).
 */
export function cue(spec: { words?: readonly string[]; chars?: string; proofWords?: readonly string[] }): Cue {
  const words = checkedWords(spec.words);
  const chars = spec.chars ?? '';
  const proofWords = checkedWords(spec.proofWords);
  // An empty cue could never be met: it would silently switch its pattern off.
  if (words.length === 0 && chars.length === 0) throw new Error('a cue needs at least one word or character');
  if (proofWords.some((word) => !words.includes(word))) throw new Error('proof words must also be cue words');
  return { words, chars, proofWords };
}

/** The cue of an alternation: met when any alternative's cue is met, proven when any is proven. */
export function anyCue(cues: readonly Cue[]): Cue {
  if (cues.length === 0 || cues.some((c) => c === ALWAYS)) return ALWAYS;
  const parts = cues as readonly WordsOrChars[];
  return {
    words: [...new Set(parts.flatMap((c) => c.words))],
    chars: [...new Set(parts.map((c) => c.chars).join(''))].join(''),
    proofWords: [...new Set(parts.flatMap((c) => c.proofWords))],
  };
}

/** The same cue with no proof words: for a pattern in which they no longer prove a match. */
export function withoutProof(c: Cue): Cue {
  return c === ALWAYS ? c : { ...c, proofWords: [] };
}

/** The words of `text` in the cue sense: maximal runs of `[A-Za-z0-9_]`, lowercased. */
export function wordsOf(text: string): string[] {
  return (text.match(/\w+/g) ?? []).map((word) => word.toLowerCase());
}

/** 1 for the ASCII codes of `\w`: `[A-Za-z0-9_]`. */
const WORD_CHAR = new Uint8Array(128).map((_, code) => (/\w/.test(String.fromCharCode(code)) ? 1 : 0));

/**
 * Folds the case of a word character: `code | 0x20` maps A–Z onto a–z and leaves a–z and 0–9 alone,
 * and sends `_` to 0x7f, which no other word character reaches, so two words are equal ignoring
 * ASCII case exactly when their folded codes are.
 */
const fold = (code: number) => code | 0x20;

/** FNV-1a, one folded code unit at a time, as a signed 32-bit integer. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const hashStep = (hash: number, code: number) => Math.imul(hash ^ fold(code), 0x01000193);

function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** A bit per feature keeps a scan to a few integer operations per character. */
const MAX_FEATURES = 32;

/**
 * The cues of a list of features (at most 32), indexed by word and by character so that one pass over
 * a sentence finds every feature whose cue it meets, however many cue words there are.
 */
export class CueIndex {
  /**
   * Cue words in an open-addressing table: a word's slot is found by probing from its hash. A slot
   * holds the word, its hash, the features (bits) whose cue it is in, and those it proves; a slot with
   * no features is empty.
   */
  private readonly slotWords: string[];
  private readonly slotHashes: Int32Array;
  private readonly slotMet: Int32Array;
  private readonly slotProven: Int32Array;
  private readonly slotMask: number;
  /** The features (bits) whose cue has a character: ASCII ones by code, others in a map. */
  private readonly asciiMet = new Int32Array(128);
  private readonly otherCharMet = new Map<number, number>();
  private readonly alwaysMet: number;

  /** After `scan`: bit i is set when the sentence meets cue i (always so for an `ALWAYS` cue). */
  met = 0;
  /** After `scan`: bit i is set when the sentence has one of cue i's proof words. */
  proven = 0;

  constructor(cues: readonly Cue[]) {
    if (cues.length > MAX_FEATURES) throw new Error(`CueIndex takes at most ${MAX_FEATURES} cues, got ${cues.length}`);
    const byWord = new Map<string, { met: number; proven: number }>();
    let alwaysMet = 0;
    cues.forEach((c, feature) => {
      const bit = 1 << feature;
      if (c === ALWAYS) {
        alwaysMet |= bit;
        return;
      }
      for (const word of c.words) {
        const entry = byWord.get(word) ?? { met: 0, proven: 0 };
        entry.met |= bit;
        if (c.proofWords.includes(word)) entry.proven |= bit;
        byWord.set(word, entry);
      }
      for (let i = 0; i < c.chars.length; i++) {
        const code = c.chars.charCodeAt(i);
        if (code < 128) this.asciiMet[code] |= bit;
        else this.otherCharMet.set(code, (this.otherCharMet.get(code) ?? 0) | bit);
      }
    });
    this.alwaysMet = alwaysMet;
    // At most one slot in four is taken, so a lookup rarely probes more than one slot.
    let size = 16;
    while (size < byWord.size * 4) size *= 2;
    this.slotMask = size - 1;
    this.slotWords = new Array<string>(size).fill('');
    this.slotHashes = new Int32Array(size);
    this.slotMet = new Int32Array(size);
    this.slotProven = new Int32Array(size);
    for (const [word, { met, proven }] of byWord) {
      const hash = hashWord(word);
      let slot = hash & this.slotMask;
      while (this.slotMet[slot] !== 0) slot = (slot + 1) & this.slotMask;
      this.slotWords[slot] = word;
      this.slotHashes[slot] = hash;
      this.slotMet[slot] = met;
      this.slotProven[slot] = proven;
    }
  }

  /** Reads `sentence` once and sets `met` and `proven`. */
  scan(sentence: string): void {
    let met = this.alwaysMet;
    let proven = 0;
    let wordStart = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i < sentence.length; i++) {
      const code = sentence.charCodeAt(i);
      if (code < 128) {
        met |= this.asciiMet[code];
        if (WORD_CHAR[code] === 1) {
          if (wordStart < 0) {
            wordStart = i;
            hash = FNV_OFFSET;
          }
          hash = hashStep(hash, code);
          continue;
        }
      } else {
        met |= this.otherCharMet.get(code) ?? 0;
      }
      if (wordStart >= 0) {
        const slot = this.findWord(sentence, wordStart, i, hash);
        if (slot >= 0) {
          met |= this.slotMet[slot];
          proven |= this.slotProven[slot];
        }
        wordStart = -1;
      }
    }
    if (wordStart >= 0) {
      const slot = this.findWord(sentence, wordStart, sentence.length, hash);
      if (slot >= 0) {
        met |= this.slotMet[slot];
        proven |= this.slotProven[slot];
      }
    }
    this.met = met;
    this.proven = proven;
  }

  /** The slot of the cue word equal to `sentence[start, end)` (whose hash is `hash`), or -1. */
  private findWord(sentence: string, start: number, end: number, hash: number): number {
    for (let slot = hash & this.slotMask; this.slotMet[slot] !== 0; slot = (slot + 1) & this.slotMask) {
      if (this.slotHashes[slot] === hash && sameWord(this.slotWords[slot], sentence, start, end)) return slot;
    }
    return -1;
  }
}

/** Whether the word `text[start, end)` equals the word `key` ignoring ASCII case. */
function sameWord(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) {
    if (fold(text.charCodeAt(start + i)) !== fold(key.charCodeAt(i))) return false;
  }
  return true;
}
