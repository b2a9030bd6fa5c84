/**
 * The shape shared by every check-worthiness feature, and the two ways to build one: from a
 * precompiled regular expression, or from a small hand-written scan.
 */
import { type Cue } from './cues';
import { type CuedPattern } from './patterns';

export interface CheckWorthinessFeature {
  readonly name: string;
  /** Added to the log-odds when the feature fires (once per sentence, however often it matches). */
  readonly weight: number;
  readonly description: string;
}

export interface FeatureDetector extends CheckWorthinessFeature {
  /** Cheap yes/no test: the only thing the score depends on. */
  readonly fires: (sentence: string) => boolean;
  /** The snippets shown in explanations; only called after `fires` returned true. */
  readonly matches: (sentence: string) => string[];
  /** A necessary condition for `fires` (cues.ts): a sentence that does not meet it need not be tested. */
  readonly cue: Cue;
  /** The regular expression behind `fires`, for regex features. */
  readonly pattern?: RegExp;
}

/** Explanations list at most this many snippets per feature. */
const MAX_SNIPPETS = 5;

/**
 * A feature that fires when `pattern` matches. `pattern` must be neither global nor sticky, so
 * `test` keeps no state between calls; a global twin made once here collects the snippets.
 */
export function regexFeature(
  name: string,
  weight: number,
  description: string,
  { pattern, cue }: CuedPattern,
): FeatureDetector {
  const all = new RegExp(pattern.source, pattern.flags + 'g');
  return {
    name,
    weight,
    description,
    cue,
    pattern,
    fires: (sentence) => pattern.test(sentence),
    matches: (sentence) => {
      const found: string[] = [];
      for (const match of sentence.matchAll(all)) {
        // A capture group, when the pattern has one, marks the part worth showing.
        found.push(match[1] ?? match[0]);
        if (found.length === MAX_SNIPPETS) break;
      }
      return found;
    },
  };
}

/**
 * A feature computed by a scan; `describe` says what was seen, for explanations. `cue` must hold
 * whenever `fires` returns true.
 */
export function scanFeature(
  name: string,
  weight: number,
  description: string,
  cue: Cue,
  fires: (sentence: string) => boolean,
  describe: (sentence: string) => string,
): FeatureDetector {
  return { name, weight, description, cue, fires, matches: (sentence) => [describe(sentence)] };
}
