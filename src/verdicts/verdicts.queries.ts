import type { Pool } from 'pg';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import type { Prisma } from '../db/prisma';
import { queryRows, SqlConditions } from '../db/sql';

type Tx = Prisma.TransactionClient;

export interface VerdictRow {
  id: string;
  claimId: string;
  reviewerId: string;
  reviewerName: string;
  levelId: string | null;
  levelKey: string | null;
  levelLabel: string | null;
  levelValue: number | null;
  levelColor: string | null;
  rationale: string;
  status: 'draft' | 'submitted';
  submittedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  sourceIds: string[];
}

const VERDICT_COLUMNS = `v.id, v.claim_id AS "claimId", v.reviewer_id AS "reviewerId", u.name AS "reviewerName",
  v.level_id AS "levelId", l.key AS "levelKey", l.label AS "levelLabel", l.value AS "levelValue", l.color AS "levelColor",
  v.rationale, v.status::text AS status, v.submitted_at AS "submittedAt", v.version, v.created_at AS "createdAt",
  v.updated_at AS "updatedAt", ARRAY(SELECT vs.source_id::text FROM verdict_sources vs WHERE vs.verdict_id = v.id ORDER BY vs.source_id) AS "sourceIds"`;
const VERDICT_FROM = `verdicts v JOIN users u ON u.id = v.reviewer_id LEFT JOIN rating_levels l ON l.id = v.level_id`;

/** What a viewer may see of a claim's verdicts (the blind rule, applied in the query so pages stay whole). */
export interface VerdictFilter {
  viewerId: string;
  submitted: boolean;
  drafts: boolean;
}

export function listVerdicts(pool: Pool, claimId: string, visible: VerdictFilter, after: { createdAt: string; id: string } | undefined, limit: number) {
  const where = new SqlConditions().add('v.claim_id = ?::uuid', claimId);
  where.add(
    `(v.reviewer_id = ?::uuid OR (?::boolean AND v.status = 'submitted') OR (?::boolean AND v.status = 'draft'))`,
    visible.viewerId,
    visible.submitted,
    visible.drafts,
  );
  if (after) where.add('(v.created_at, v.id) > (?::timestamptz, ?::uuid)', after.createdAt, after.id);
  return queryRows<VerdictRow>(
    pool,
    `SELECT ${VERDICT_COLUMNS} FROM ${VERDICT_FROM} ${where.toSql()} ORDER BY v.created_at, v.id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}

/** Submitted verdicts' levels: the votes of the consensus. */
export function submittedVotes(db: Pool, claimId: string) {
  return queryRows<{ levelKey: string }>(
    db,
    `SELECT l.key AS "levelKey" FROM verdicts v JOIN rating_levels l ON l.id = v.level_id WHERE v.claim_id = $1::uuid AND v.status = 'submitted'`,
    [claimId],
  );
}

export function submittedVotesInTx(tx: Tx, claimId: string) {
  return tx.$queryRaw<Array<{ levelKey: string }>>`
    SELECT l.key AS "levelKey" FROM verdicts v JOIN rating_levels l ON l.id = v.level_id
    WHERE v.claim_id = ${claimId}::uuid AND v.status = 'submitted'`;
}

export async function lockVerdictOf(tx: Tx, claimId: string, reviewerId: string): Promise<VerdictRow | undefined> {
  const [row] = await tx.$queryRawUnsafe<VerdictRow[]>(
    `SELECT ${VERDICT_COLUMNS} FROM ${VERDICT_FROM} WHERE v.claim_id = $1::uuid AND v.reviewer_id = $2::uuid FOR UPDATE OF v`,
    claimId,
    reviewerId,
  );
  return row;
}

export async function lockVerdictById(tx: Tx, claimId: string, verdictId: string): Promise<VerdictRow | undefined> {
  const [row] = await tx.$queryRawUnsafe<VerdictRow[]>(
    `SELECT ${VERDICT_COLUMNS} FROM ${VERDICT_FROM} WHERE v.claim_id = $1::uuid AND v.id = $2::uuid FOR UPDATE OF v`,
    claimId,
    verdictId,
  );
  return row;
}

/** All submitted verdicts of a claim, locked (sending a claim back reopens them). */
export function lockSubmittedVerdicts(tx: Tx, claimId: string): Promise<VerdictRow[]> {
  return tx.$queryRawUnsafe<VerdictRow[]>(
    `SELECT ${VERDICT_COLUMNS} FROM ${VERDICT_FROM} WHERE v.claim_id = $1::uuid AND v.status = 'submitted' ORDER BY v.id FOR UPDATE OF v`,
    claimId,
  );
}

export async function insertVerdict(
  tx: Tx,
  data: { claimId: string; reviewerId: string; levelId: string | null; rationale: string; status?: 'draft' | 'submitted'; submittedAt?: Date },
): Promise<string> {
  // Raw SQL: the ORM's create costs a millisecond of CPU more, on the path every reviewer saves through.
  const now = new Date();
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO verdicts (claim_id, reviewer_id, level_id, rationale, status, submitted_at, created_at, updated_at)
    VALUES (${data.claimId}::uuid, ${data.reviewerId}::uuid, ${data.levelId}::uuid, ${data.rationale}, ${data.status ?? 'draft'}::"VerdictStatus",
            ${data.submittedAt ?? null}, ${now}, ${now})
    RETURNING id`;
  return row.id;
}

export async function updateVerdictRow(
  tx: Tx,
  id: string,
  data: { levelId?: string | null; rationale?: string; status?: 'draft' | 'submitted'; submittedAt?: Date | null },
): Promise<void> {
  await tx.verdict.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: { id: true } });
}

export async function setVerdictSources(tx: Tx, verdictId: string, sourceIds: string[]): Promise<void> {
  await tx.verdictSource.deleteMany({ where: { verdictId } });
  if (sourceIds.length) await tx.verdictSource.createMany({ data: sourceIds.map((sourceId) => ({ verdictId, sourceId })) });
}

export async function findVerdictInTx(tx: Tx, id: string): Promise<VerdictRow> {
  const [row] = await tx.$queryRawUnsafe<VerdictRow[]>(`SELECT ${VERDICT_COLUMNS} FROM ${VERDICT_FROM} WHERE v.id = $1::uuid`, id);
  return row;
}

/** What the audit trail keeps of a verdict. */
export const auditableVerdict = (v: VerdictRow) => ({
  reviewerId: v.reviewerId,
  levelKey: v.levelKey,
  rationale: v.rationale,
  sourceIds: v.sourceIds,
  status: v.status,
  version: v.version,
});

/** A removed assignee's draft goes with them (a submitted verdict never does). */
export async function discardDraftVerdict(tx: Tx, claimId: string, reviewerId: string, actor: Actor): Promise<void> {
  const draft = await lockVerdictOf(tx, claimId, reviewerId);
  if (!draft || draft.status !== 'draft') return;
  await tx.verdict.delete({ where: { id: draft.id }, select: { id: true } });
  await recordAudit(tx, actor, { entityType: 'verdict', entityId: draft.id, claimId, action: 'verdict.discarded', before: auditableVerdict(draft), after: null });
}
