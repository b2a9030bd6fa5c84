import { presentQueueItem } from '../claims/claims.presenter';
import type { AssignmentRow, MyAssignmentRow } from './assignments.queries';

export function presentAssignment(row: AssignmentRow) {
  return {
    claimId: row.claimId,
    reviewer: { id: row.reviewerId, name: row.reviewerName, email: row.reviewerEmail, role: row.reviewerRole },
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.overdue,
    verdict: row.verdict,
    assignedBy: row.assignedById ? { id: row.assignedById, name: row.assignedByName ?? '' } : null,
    assignedAt: row.createdAt.toISOString(),
  };
}

export type AssignmentView = ReturnType<typeof presentAssignment>;

export function presentMyAssignment(row: MyAssignmentRow) {
  return {
    claim: presentQueueItem(row),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.overdue,
    verdict: row.verdict,
    assignedAt: row.assignedAt.toISOString(),
  };
}

export const auditableAssignment = (row: { reviewerId: string; dueAt: Date | null }) => ({
  reviewerId: row.reviewerId,
  dueAt: row.dueAt?.toISOString() ?? null,
});
