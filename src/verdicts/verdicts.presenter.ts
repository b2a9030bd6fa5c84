import type { VerdictRow } from './verdicts.queries';

export function presentVerdict(row: VerdictRow, viewerId: string) {
  return {
    id: row.id,
    claimId: row.claimId,
    reviewer: { id: row.reviewerId, name: row.reviewerName },
    mine: row.reviewerId === viewerId,
    level: row.levelKey ? { key: row.levelKey, label: row.levelLabel!, value: row.levelValue, color: row.levelColor! } : null,
    rationale: row.rationale,
    status: row.status,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    sourceIds: row.sourceIds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type VerdictView = ReturnType<typeof presentVerdict>;
