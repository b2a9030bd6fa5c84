import type { Pool } from 'pg';
import { CLAIM_COLUMNS, verdictSummaryJoin, VERDICT_SUMMARY_COLUMNS, type QueueRow } from '../claims/claims.queries';
import type { Prisma } from '../db/prisma';
import { queryRows, SqlConditions } from '../db/sql';
import type { Role } from '../domain/enums';
import { OVERDUE_SQL } from './overdue';

export interface AssignmentRow {
  id: string;
  claimId: string;
  reviewerId: string;
  reviewerName: string;
  reviewerEmail: string;
  reviewerRole: Role;
  dueAt: Date | null;
  assignedById: string | null;
  assignedByName: string | null;
  createdAt: Date;
  verdict: 'none' | 'draft' | 'submitted';
  /** Past due, verdict not submitted, claim still under review. */
  overdue: boolean;
}


const ASSIGNMENT_COLUMNS = `a.id, a.claim_id AS "claimId", a.reviewer_id AS "reviewerId", u.name AS "reviewerName",
  u.email::text AS "reviewerEmail", u.role::text AS "reviewerRole", a.due_at AS "dueAt", a.assigned_by_id AS "assignedById",
  b.name AS "assignedByName", a.created_at AS "createdAt", COALESCE(v.status::text, 'none') AS verdict, ${OVERDUE_SQL} AS overdue`;

const ASSIGNMENT_FROM = `assignments a JOIN users u ON u.id = a.reviewer_id LEFT JOIN users b ON b.id = a.assigned_by_id
  JOIN claims c ON c.id = a.claim_id LEFT JOIN verdicts v ON v.claim_id = a.claim_id AND v.reviewer_id = a.reviewer_id`;

export function listClaimAssignments(pool: Pool, claimId: string): Promise<AssignmentRow[]> {
  return queryRows<AssignmentRow>(pool, `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.claim_id = $1 ORDER BY a.created_at, a.id`, [claimId]);
}

export async function findAssignment(tx: Prisma.TransactionClient, claimId: string, reviewerId: string): Promise<AssignmentRow | undefined> {
  const [row] = await tx.$queryRawUnsafe<AssignmentRow[]>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.claim_id = $1::uuid AND a.reviewer_id = $2::uuid`,
    claimId,
    reviewerId,
  );
  return row;
}

export async function upsertAssignment(
  tx: Prisma.TransactionClient,
  row: { claimId: string; reviewerId: string; dueAt: Date | null; assignedById: string },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO assignments (claim_id, reviewer_id, due_at, assigned_by_id)
    VALUES (${row.claimId}::uuid, ${row.reviewerId}::uuid, ${row.dueAt}, ${row.assignedById}::uuid)
    ON CONFLICT (claim_id, reviewer_id) DO UPDATE SET due_at = EXCLUDED.due_at`;
}

export async function deleteAssignment(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.assignment.delete({ where: { id }, select: { id: true } });
}

export function findAssignableUser(tx: Prisma.TransactionClient, id: string) {
  return tx.user.findUnique({ where: { id }, select: { id: true, active: true, name: true } });
}

export type MyAssignmentRow = QueueRow & {
  assignmentId: string;
  dueAt: Date | null;
  assignedAt: Date;
  verdict: 'none' | 'draft' | 'submitted';
  overdue: boolean;
};

/** One page (limit + 1) of a user's assignments: due soonest first, undated last. */
export function listUserAssignments(
  pool: Pool,
  userId: string,
  filters: { pending?: boolean; overdue?: boolean },
  after: { dueAt: string | null; id: string } | undefined,
  limit: number,
): Promise<MyAssignmentRow[]> {
  const where = new SqlConditions().add('a.reviewer_id = ?::uuid', userId);
  if (filters.pending === true) where.add(`(v.status IS NULL OR v.status <> 'submitted')`);
  if (filters.pending === false) where.add(`v.status = 'submitted'`);
  if (filters.overdue === true) where.add(OVERDUE_SQL);
  if (filters.overdue === false) where.add(`NOT ${OVERDUE_SQL}`);
  if (after) {
    where.add(
      `(COALESCE(a.due_at, 'infinity'::timestamptz), a.id) > (COALESCE(?::timestamptz, 'infinity'::timestamptz), ?::uuid)`,
      after.dueAt,
      after.id,
    );
  }
  return queryRows<MyAssignmentRow>(
    pool,
    `SELECT ${CLAIM_COLUMNS}, ${VERDICT_SUMMARY_COLUMNS}, art.title AS "articleTitle", a.id AS "assignmentId", a.due_at AS "dueAt",
            a.created_at AS "assignedAt", COALESCE(v.status::text, 'none') AS verdict, ${OVERDUE_SQL} AS overdue
     FROM assignments a JOIN claims c ON c.id = a.claim_id JOIN articles art ON art.id = c.article_id
     ${verdictSummaryJoin('false')}
     LEFT JOIN verdicts v ON v.claim_id = a.claim_id AND v.reviewer_id = a.reviewer_id
     ${where.toSql()}
     ORDER BY COALESCE(a.due_at, 'infinity'::timestamptz), a.id LIMIT ${where.param(limit + 1)}`,
    where.values,
  );
}
