import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import { lockClaim } from '../claims/claims.queries';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { cursorParts, decodeCursor, toPage, type Page } from '../http/keyset';
import { isUnderReview, type RequiredVerdicts } from '../workflow/claim-workflow';
import { settleReviewStatus } from '../workflow/claim-moves';
import { discardDraftVerdict } from '../verdicts/verdicts.queries';
import { auditableAssignment, presentAssignment, presentMyAssignment, type AssignmentView } from './assignments.presenter';
import {
  deleteAssignment,
  findAssignableUser,
  findAssignment,
  listClaimAssignments,
  listUserAssignments,
  upsertAssignment,
  type AssignmentRow,
} from './assignments.queries';
import type { AssignInput, MyAssignmentsQuery } from './assignments.schema';

const ORDERING = 'assignments:due';
const CursorKey = z.tuple([cursorParts.nullableTimestamp, cursorParts.uuid]);

/**
 * Editors assign reviewers (or editors) to a claim, with an optional due date, and remove them while they have not
 * submitted. The first assignment starts the review; removing the last one before any verdict undoes that.
 */
export function createAssignmentService({ prisma, pool }: Db, requiredVerdicts: RequiredVerdicts) {
  async function listForClaim(claimId: string): Promise<AssignmentView[]> {
    return (await listClaimAssignments(pool, claimId)).map(presentAssignment);
  }

  /** Assigns, or changes the due date of an existing assignment; `created` tells which. */
  async function assign(claimId: string, input: AssignInput, actor: Actor): Promise<{ assignment: AssignmentRow; created: boolean }> {
    return prisma.$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      if (!claim) throw new NotFoundError('claim', claimId);
      if (!isUnderReview(claim.status)) {
        throw new ConflictError('CLAIM_DECIDED', `This claim is ${claim.status}; assignments close once a claim is approved`);
      }
      const user = await findAssignableUser(tx, input.reviewerId);
      if (!user || !user.active) {
        throw new ValidationError('No such active user', [{ path: 'body.reviewerId', message: 'is not an active user of the desk' }]);
      }
      const before = await findAssignment(tx, claimId, input.reviewerId);
      const dueAt = input.dueAt === undefined ? (before?.dueAt ?? null) : input.dueAt;
      if (before && (before.dueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null)) return { assignment: before, created: false };
      await upsertAssignment(tx, { claimId, reviewerId: input.reviewerId, dueAt, assignedById: actor.userId });
      const after = (await findAssignment(tx, claimId, input.reviewerId))!;
      await recordAudit(tx, actor, {
        entityType: 'assignment',
        entityId: after.id,
        claimId,
        action: before ? 'assignment.updated' : 'assignment.created',
        before: before ? auditableAssignment(before) : null,
        after: auditableAssignment(after),
      });
      await settleReviewStatus(tx, claimId, actor, requiredVerdicts);
      return { assignment: after, created: !before };
    });
  }

  /** Removes an assignee who has not submitted; their draft verdict, if any, goes with them. */
  async function unassign(claimId: string, reviewerId: string, actor: Actor): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      if (!claim) throw new NotFoundError('claim', claimId);
      const assignment = await findAssignment(tx, claimId, reviewerId);
      if (!assignment) throw new NotFoundError('assignment');
      if (assignment.verdict === 'submitted') {
        throw new ConflictError('ASSIGNEE_SUBMITTED', `${assignment.reviewerName} has submitted a verdict; ask an editor to reopen it first`);
      }
      if (!isUnderReview(claim.status)) {
        throw new ConflictError('CLAIM_DECIDED', `This claim is ${claim.status}; assignments close once a claim is approved`);
      }
      if (assignment.verdict === 'draft') await discardDraftVerdict(tx, claimId, reviewerId, actor);
      await deleteAssignment(tx, assignment.id);
      await recordAudit(tx, actor, {
        entityType: 'assignment',
        entityId: assignment.id,
        claimId,
        action: 'assignment.removed',
        before: auditableAssignment(assignment),
        after: null,
      });
      await settleReviewStatus(tx, claimId, actor, requiredVerdicts);
    });
  }

  async function mine(actor: Actor, query: MyAssignmentsQuery) {
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listUserAssignments(
      pool,
      actor.userId,
      { pending: query.pending, overdue: query.overdue },
      key && { dueAt: key[0], id: key[1] },
      query.limit,
    );
    return toPage(rows, query.limit, ORDERING, (r) => [r.dueAt?.toISOString() ?? null, r.assignmentId], presentMyAssignment);
  }

  return { listForClaim, assign, unassign, mine };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
export type MyAssignmentsPage = Page<ReturnType<typeof presentMyAssignment>>;
