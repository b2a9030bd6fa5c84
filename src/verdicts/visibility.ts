import type { Actor } from '../auth/actor';
import { isEditor } from '../domain/enums';

/**
 * The blind-review rule. Until a reviewer has submitted their own verdict, nothing shows them another
 * reviewer's verdict, vote, the consensus or a verdict event. Editors see everything. Reviewers not assigned to a
 * claim see only its final (approved or published) verdict, never the individual verdicts.
 */
export interface ClaimReviewState {
  /** Ids of the users assigned to the claim. */
  assigneeIds: readonly string[];
  /** Ids of the users whose verdict on the claim is submitted. */
  submittedIds: readonly string[];
}

export interface VerdictVisibility {
  /** Everyone's submitted verdicts (and so the consensus and the verdict events). */
  submittedVerdicts: boolean;
  /** Other reviewers' drafts. */
  drafts: boolean;
  /** The approved-but-unpublished final verdict (published ones are public). */
  unpublishedRuling: boolean;
  /** The viewer's own verdict. */
  own: boolean;
}

export function verdictVisibility(viewer: Actor, state: ClaimReviewState): VerdictVisibility {
  if (isEditor(viewer.role)) return { submittedVerdicts: true, drafts: true, unpublishedRuling: true, own: true };
  const assigned = state.assigneeIds.includes(viewer.userId);
  const submitted = state.submittedIds.includes(viewer.userId);
  if (!assigned) return { submittedVerdicts: false, drafts: false, unpublishedRuling: true, own: submitted };
  return { submittedVerdicts: submitted, drafts: false, unpublishedRuling: submitted, own: true };
}
