import type { RulingRow } from './rulings.queries';

export type RulingState = 'approved' | 'published' | 'superseded';

export const rulingState = (r: Pick<RulingRow, 'publishedAt' | 'supersededAt'>): RulingState =>
  r.supersededAt ? 'superseded' : r.publishedAt ? 'published' : 'approved';

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** `showConsensus` is false while the blind rule hides the consensus from the viewer. */
export function presentRuling(r: RulingRow, showConsensus: boolean) {
  return {
    id: r.id,
    revision: r.revision,
    state: rulingState(r),
    level: { key: r.levelKey, label: r.levelLabel, value: r.levelValue, color: r.levelColor },
    scale: { id: r.scaleId, bestValue: r.bestValue, worstValue: r.worstValue },
    rationale: r.rationale,
    reason: r.reason,
    correctionNote: r.correctionNote,
    consensus: showConsensus ? { levelKey: r.consensusLevelKey, agreement: r.agreement } : null,
    sources: r.sourcesSnapshot,
    approvedBy: person(r.approvedById, r.approvedByName),
    approvedAt: r.approvedAt.toISOString(),
    publishedBy: person(r.publishedById, r.publishedByName),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    supersededAt: r.supersededAt?.toISOString() ?? null,
  };
}

export type RulingView = ReturnType<typeof presentRuling>;

export const auditableRuling = (r: Pick<RulingRow, 'revision' | 'levelKey' | 'levelLabel' | 'rationale' | 'reason' | 'correctionNote'> & { publishedAt?: Date | null }) => ({
  revision: r.revision,
  levelKey: r.levelKey,
  levelLabel: r.levelLabel,
  rationale: r.rationale,
  reason: r.reason,
  correctionNote: r.correctionNote,
  publishedAt: r.publishedAt?.toISOString() ?? null,
});
