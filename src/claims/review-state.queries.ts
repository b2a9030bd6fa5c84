import type { Pool } from 'pg';
import type { Prisma } from '../db/prisma';
import { queryRows } from '../db/sql';
import type { ClaimStatus } from '../domain/enums';

/** Who is assigned to a claim and who has submitted: what permission policies and the blind rule decide on. */
export interface ClaimAccessRow {
  id: string;
  articleId: string;
  status: ClaimStatus;
  assigneeIds: string[];
  submittedIds: string[];
}

const ACCESS_SQL = `SELECT c.id, c.article_id AS "articleId", c.status::text AS status,
    ARRAY(SELECT a.reviewer_id::text FROM assignments a WHERE a.claim_id = c.id) AS "assigneeIds",
    ARRAY(SELECT v.reviewer_id::text FROM verdicts v WHERE v.claim_id = c.id AND v.status = 'submitted') AS "submittedIds"
  FROM claims c WHERE c.id = $1`;

export async function findClaimAccess(pool: Pool, claimId: string): Promise<ClaimAccessRow | undefined> {
  const [row] = await queryRows<ClaimAccessRow>(pool, ACCESS_SQL, [claimId]);
  return row;
}

export async function lockedClaimAccess(tx: Prisma.TransactionClient, claimId: string): Promise<ClaimAccessRow | undefined> {
  const [row] = await tx.$queryRawUnsafe<ClaimAccessRow[]>(ACCESS_SQL, claimId);
  return row;
}

/** Assignments and submitted verdicts of a claim, counted inside the transaction that changes them. */
export async function reviewCounts(tx: Prisma.TransactionClient, claimId: string): Promise<{ assigned: number; submitted: number }> {
  const [row] = await tx.$queryRaw<Array<{ assigned: number; submitted: number }>>`
    SELECT (SELECT count(*) FROM assignments WHERE claim_id = ${claimId}::uuid)::int AS assigned,
           (SELECT count(*) FROM verdicts WHERE claim_id = ${claimId}::uuid AND status = 'submitted')::int AS submitted`;
  return row;
}

/** What is attached to these claims: sources, verdicts, assignments (any of them blocks merge, split, narrow). */
export async function attachedWork(tx: Prisma.TransactionClient, claimIds: string[]): Promise<{ sources: number; verdicts: number; assignments: number }> {
  const [row] = await tx.$queryRaw<Array<{ sources: number; verdicts: number; assignments: number }>>`
    SELECT (SELECT count(*) FROM claim_sources WHERE claim_id = ANY(${claimIds}::uuid[]))::int AS sources,
           (SELECT count(*) FROM verdicts WHERE claim_id = ANY(${claimIds}::uuid[]))::int AS verdicts,
           (SELECT count(*) FROM assignments WHERE claim_id = ANY(${claimIds}::uuid[]))::int AS assignments`;
  return row;
}

/** True when any claim of the article has a verdict or a final verdict (draft or not). */
export async function articleHasVerdicts(tx: Prisma.TransactionClient, articleId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM claims c WHERE c.article_id = ${articleId}::uuid
      AND (EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id) OR EXISTS (SELECT 1 FROM rulings r WHERE r.claim_id = c.id))
    LIMIT 1`;
  return rows.length > 0;
}
