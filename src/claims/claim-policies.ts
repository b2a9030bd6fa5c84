import type { Actor } from '../auth/actor';
import { isEditor } from '../domain/enums';
import type { Policy } from '../http/access';
import type { Services } from '../services';
import type { ClaimAccessRow } from './review-state.queries';

/** Permission rules that look at the claim: who is assigned to it. Loaded before the check (404 first). */

const loadClaim = ({ id }: { id: string }, services: Services): Promise<ClaimAccessRow> => services.claims.access(id);

export const isAssigned = (actor: Actor, claim: ClaimAccessRow) => claim.assigneeIds.includes(actor.userId);

/** Evidence: sources are attached by the claim's assigned reviewers and by editors. */
export const assignedReviewerOrEditor: Policy<ClaimAccessRow, { id: string }> = {
  name: 'assignedReviewerOrEditor',
  description: 'a reviewer assigned to this claim, or an editor',
  who: ['assignedReviewer', 'editor', 'admin'],
  load: loadClaim,
  allows: (actor, claim) => isEditor(actor.role) || isAssigned(actor, claim),
};

/** A verdict of one's own: only people assigned to the claim (reviewers, or editors who assigned themselves). */
export const assignedToClaim: Policy<ClaimAccessRow, { id: string }> = {
  name: 'assignedToClaim',
  description: 'someone assigned to this claim (a reviewer, or an editor who is assigned)',
  who: ['assignedReviewer'],
  load: loadClaim,
  allows: isAssigned,
};
