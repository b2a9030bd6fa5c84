/**
 * Check-worthiness hint: how worth fact-checking a sentence looks, from 0 to 1.
 *
 * A triage aid, never a decision: it orders an imported article's claims so reviewers see likely
 * factual claims first. The score is a logistic function of a bias plus the weights of the named
 * features that fire (features-facts.ts, features-chatter.ts), so every score can be explained
 * feature by feature. Pure, deterministic and without I/O; see docs/check-worthiness.md.
 */
import { CueIndex } from './cues';
import { type CheckWorthinessFeature, type FeatureDetector } from './feature-detector';
import { CHATTER_FEATURES } from './features-chatter';
import { FACT_FEATURES } from './features-facts';

export type { CheckWorthinessFeature } from './feature-detector';

/** Log-odds of a sentence on which no feature fires: plain narration leans "not check-worthy". */
export const CHECK_WORTHINESS_BIAS = -1.8;

/** Every feature's detector, in table order. Exported for tests; use the functions below to score. */
export const CHECK_WORTHINESS_DETECTORS: readonly FeatureDetector[] = Object.freeze([
  ...FACT_FEATURES,
  ...CHATTER_FEATURES,
]);
const DETECTORS = CHECK_WORTHINESS_DETECTORS;

/** One pass over a sentence finds the detectors whose cue it meets (no other can fire) and proves. */
const CUES = new CueIndex(DETECTORS.map((detector) => detector.cue));

/** Every feature with its weight (log-odds) and a one-line description, in table order. */
export const CHECK_WORTHINESS_FEATURES: readonly CheckWorthinessFeature[] = Object.freeze(
  DETECTORS.map(({ name, weight, description }) => Object.freeze({ name, weight, description })),
);

export interface FiredFeature {
  name: string;
  weight: number;
  matched: string[];
}

export interface CheckWorthinessExplanation {
  score: number;
  features: FiredFeature[];
}

/**
 * The one scoring computation. With `fired` it also records each feature that fires and what it
 * matched, so explanations cannot drift from scores.
 */
function evaluate(sentence: string, fired?: FiredFeature[]): number {
  const text = typeof sentence === 'string' ? sentence : '';
  CUES.scan(text);
  const { met, proven } = CUES;
  let logit = CHECK_WORTHINESS_BIAS;
  for (let i = 0; i < DETECTORS.length; i++) {
    const detector = DETECTORS[i];
    const bit = 1 << i;
    // A detector whose cue is not met cannot fire; one with a proof word fires without a test.
    if ((met & bit) === 0 || ((proven & bit) === 0 && !detector.fires(text))) continue;
    logit += detector.weight;
    fired?.push({ name: detector.name, weight: detector.weight, matched: detector.matches(text) });
  }
  return Math.round(1000 / (1 + Math.exp(-logit))) / 1000;
}

/** Score in [0, 1], rounded to 3 decimals: higher means more likely to hold a checkable factual claim. */
export function checkWorthinessHint(sentence: string): number {
  return evaluate(sentence);
}

/** The score plus every feature that fired, its weight and the text it matched. */
export function explainCheckWorthiness(sentence: string): CheckWorthinessExplanation {
  const features: FiredFeature[] = [];
  const score = evaluate(sentence, features);
  return { score, features };
}
