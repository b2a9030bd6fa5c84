/**
 * Consensus of the submitted verdicts on a claim, by the desk's rule:
 * - `majority` (default): the level more than half of the submitted verdicts chose;
 * - `unanimous`: the level every submitted verdict chose;
 * - `editor`: no automatic consensus; the editor decides from the distribution.
 * A tie never has a consensus. Agreement is the share of submitted verdicts on the modal level.
 */
export type ConsensusRule = 'majority' | 'unanimous' | 'editor';

export interface Vote {
  levelKey: string;
}

export interface Consensus {
  rule: ConsensusRule;
  /** The consensus level's key, or null (a tie, too few agreeing, or the editor rule). */
  levelKey: string | null;
  /** Votes per level key, most votes first (ties by key). */
  distribution: Array<{ levelKey: string; count: number }>;
  /** Share of submitted verdicts on the modal level, 0–1; null with no verdicts. */
  agreement: number | null;
  submitted: number;
}

export function computeConsensus(votes: readonly Vote[], rule: ConsensusRule): Consensus {
  const counts = new Map<string, number>();
  for (const vote of votes) counts.set(vote.levelKey, (counts.get(vote.levelKey) ?? 0) + 1);
  const distribution = [...counts.entries()]
    .map(([levelKey, count]) => ({ levelKey, count }))
    .sort((a, b) => b.count - a.count || a.levelKey.localeCompare(b.levelKey));
  const submitted = votes.length;
  const top = distribution[0];
  const tied = distribution.length > 1 && distribution[1].count === top.count;
  const agreement = submitted === 0 ? null : Math.round((top.count / submitted) * 1000) / 1000;
  let levelKey: string | null = null;
  if (top && !tied) {
    if (rule === 'majority' && top.count * 2 > submitted) levelKey = top.levelKey;
    if (rule === 'unanimous' && top.count === submitted) levelKey = top.levelKey;
  }
  return { rule, levelKey, distribution, agreement, submitted };
}
