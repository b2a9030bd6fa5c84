import type { ClaimStatus } from '../domain/enums';
import { ConflictError } from '../errors';

/**
 * The claim workflow, in one place:
 *
 *   unreviewed → in_review → awaiting_approval → approved → published → correcting → published
 *                                                                      ↘ retracted
 *
 * The first assignment moves a claim to in_review and the required number of submitted verdicts to
 * awaiting_approval (both automatic); an editor approves, publishes, sends a claim back to in_review (from
 * awaiting_approval or approved), opens a correction, or retracts. Anything else skips a step: 409.
 */
export const TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  unreviewed: ['in_review'],
  in_review: ['awaiting_approval', 'unreviewed'],
  awaiting_approval: ['approved', 'in_review'],
  approved: ['published', 'in_review'],
  published: ['correcting', 'retracted'],
  correcting: ['published'],
  retracted: [],
};

export class InvalidTransitionError extends ConflictError {
  constructor(from: ClaimStatus, to: ClaimStatus) {
    const reachable = TRANSITIONS[from];
    super(
      'INVALID_TRANSITION',
      `A claim that is ${from} cannot become ${to}` +
        (reachable.length ? `; from here it can become ${reachable.join(' or ')}` : '; it is final'),
      { status: from, reachable: [...reachable] },
    );
  }
}

export function assertTransition(from: ClaimStatus, to: ClaimStatus): void {
  if (!TRANSITIONS[from].includes(to)) throw new InvalidTransitionError(from, to);
}

/** Statuses in which reviewers are assigned and verdicts written. */
export const REVIEW_STATUSES: readonly ClaimStatus[] = ['unreviewed', 'in_review', 'awaiting_approval'];
export const isUnderReview = (status: ClaimStatus) => REVIEW_STATUSES.includes(status);

export interface ReviewCounts {
  assigned: number;
  submitted: number;
}

/** How many submitted verdicts move a claim to awaiting approval: every assignee, or a configured number. */
export type RequiredVerdicts = 'all' | number;

export function requiredFor(rule: RequiredVerdicts, counts: ReviewCounts): number {
  return rule === 'all' ? counts.assigned : rule;
}

/**
 * Where the automatic part of the workflow puts a claim, given its assignments and submitted verdicts; the same
 * status when nothing should move. Editors' decisions (approved and later) are never moved automatically.
 */
export function automaticStatus(status: ClaimStatus, counts: ReviewCounts, rule: RequiredVerdicts): ClaimStatus {
  if (!isUnderReview(status)) return status;
  const required = requiredFor(rule, counts);
  const ready = counts.submitted > 0 && counts.submitted >= required;
  if (status === 'unreviewed') return counts.assigned > 0 ? 'in_review' : status;
  if (status === 'in_review') {
    if (ready) return 'awaiting_approval';
    return counts.assigned === 0 && counts.submitted === 0 ? 'unreviewed' : status;
  }
  return ready ? status : 'in_review';
}
