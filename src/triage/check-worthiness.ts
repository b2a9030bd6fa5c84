/**
 * Check-worthiness hint: how worth fact-checking a sentence looks, from 0 to 1.
 *
 * A triage aid, never a decision: it orders an imported article's claims so reviewers see likely
 * factual claims first. The score is a logistic function of a bias plus the weights of the named
 * features that fire (features-facts.ts, features-chatter.ts), so every score can be explained
 * feature by feature. Pure, deterministic and without I/O; see docs/check-worthiness.md.
 */
import { type CheckWorthinessFeature, type FeatureDetector } from './feature-detector';
import { CHATTER_FEATURES } from './features-chatter';
import { FACT_FEATURES } from './features-facts';

export type { CheckWorthinessFeature } from './feature-detector';

/** Log-odds of a sentence on which no feature fires: plain narration leans "not check-worthy". */
export const CHECK_WORTHINESS_BIAS = -1.8;

const DETECTORS: readonly FeatureDetector[] = [...FACT_FEATURES, ...CHATTER_FEATURES];

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
  let logit = CHECK_WORTHINESS_BIAS;
  for (const detector of DETECTORS) {
    if (!detector.fires(text)) continue;
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
