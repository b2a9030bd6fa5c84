import type { Pool } from 'pg';
import type { Prisma } from '../db/prisma';
import { queryRows } from '../db/sql';
import type { SourceSnapshot } from '../sources/sources.presenter';

type Tx = Prisma.TransactionClient;

export interface RulingRow {
  id: string;
  claimId: string;
  revision: number;
  scaleId: string;
  levelId: string;
  levelKey: string;
  levelLabel: string;
  levelValue: number | null;
  levelColor: string;
  bestValue: number | null;
  worstValue: number | null;
  rationale: string;
  reason: string | null;
  correctionNote: string | null;
  consensusLevelKey: string | null;
  agreement: number | null;
  sourcesSnapshot: SourceSnapshot[] | null;
  approvedById: string | null;
  approvedByName: string | null;
  approvedAt: Date;
  publishedById: string | null;
  publishedByName: string | null;
  publishedAt: Date | null;
  supersededAt: Date | null;
}

export const RULING_COLUMNS = `r.id, r.claim_id AS "claimId", r.revision, r.scale_id AS "scaleId", r.level_id AS "levelId",
  r.level_key AS "levelKey", r.level_label AS "levelLabel", r.level_value AS "levelValue", r.level_color AS "levelColor",
  r.best_value AS "bestValue", r.worst_value AS "worstValue", r.rationale, r.reason, r.correction_note AS "correctionNote",
  r.consensus_level_key AS "consensusLevelKey", r.agreement, r.sources_snapshot AS "sourcesSnapshot",
  r.approved_by_id AS "approvedById", ua.name AS "approvedByName", r.approved_at AS "approvedAt",
  r.published_by_id AS "publishedById", up.name AS "publishedByName", r.published_at AS "publishedAt", r.superseded_at AS "supersededAt"`;
export const RULING_FROM = `rulings r LEFT JOIN users ua ON ua.id = r.approved_by_id LEFT JOIN users up ON up.id = r.published_by_id`;

/** Every ruling of a claim, newest revision first. */
export function listRulings(pool: Pool, claimId: string): Promise<RulingRow[]> {
  return queryRows<RulingRow>(pool, `SELECT ${RULING_COLUMNS} FROM ${RULING_FROM} WHERE r.claim_id = $1::uuid ORDER BY r.revision DESC`, [claimId]);
}

export function lockRulings(tx: Tx, claimId: string): Promise<RulingRow[]> {
  return tx.$queryRawUnsafe<RulingRow[]>(
    `SELECT ${RULING_COLUMNS} FROM ${RULING_FROM} WHERE r.claim_id = $1::uuid ORDER BY r.revision DESC FOR UPDATE OF r`,
    claimId,
  );
}

export type NewRuling = Omit<RulingRow, 'id' | 'approvedByName' | 'publishedById' | 'publishedByName' | 'publishedAt' | 'supersededAt' | 'sourcesSnapshot'>;

export async function insertRuling(tx: Tx, ruling: NewRuling): Promise<string> {
  const { id } = await tx.ruling.create({
    data: {
      claimId: ruling.claimId,
      revision: ruling.revision,
      scaleId: ruling.scaleId,
      levelId: ruling.levelId,
      levelKey: ruling.levelKey,
      levelLabel: ruling.levelLabel,
      levelValue: ruling.levelValue,
      levelColor: ruling.levelColor,
      bestValue: ruling.bestValue,
      worstValue: ruling.worstValue,
      rationale: ruling.rationale,
      reason: ruling.reason,
      correctionNote: ruling.correctionNote,
      consensusLevelKey: ruling.consensusLevelKey,
      agreement: ruling.agreement,
      approvedById: ruling.approvedById,
      approvedAt: ruling.approvedAt,
    },
    select: { id: true },
  });
  return id;
}

export async function markPublished(tx: Tx, id: string, by: string, at: Date, sources: SourceSnapshot[]): Promise<void> {
  await tx.ruling.update({ where: { id }, data: { publishedById: by, publishedAt: at, sourcesSnapshot: sources as unknown as Prisma.InputJsonValue }, select: { id: true } });
}

export async function markSuperseded(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.ruling.update({ where: { id }, data: { supersededAt: at }, select: { id: true } });
}

/** An approved ruling that was never published is withdrawn when the claim goes back to review. */
export async function deleteUnpublishedRuling(tx: Tx, id: string): Promise<void> {
  await tx.ruling.delete({ where: { id, publishedAt: null }, select: { id: true } });
}
