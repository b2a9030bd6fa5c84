/**
 * Average precision of a ranking: the mean, over the positives, of precision at each positive's rank
 * once items are sorted by descending score. Ties are broken pessimistically (negatives before
 * positives within a tie), so a scorer gains nothing from giving many sentences the same score,
 * and the result does not depend on input order. Returns 0 when there is no positive.
 */
export interface ScoredLabel {
  score: number;
  label: 0 | 1;
}

export function averagePrecision(scored: ReadonlyArray<ScoredLabel>): number {
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.label - b.label);
  let positives = 0;
  let precisionSum = 0;
  ranked.forEach((item, index) => {
    if (item.label !== 1) return;
    positives++;
    precisionSum += positives / (index + 1);
  });
  return positives === 0 ? 0 : precisionSum / positives;
}
