/**
 * The claim workflow as the desk sees it: which editor decisions exist in which status, what "checked" means, and
 * how a refused step reads. TRANSITIONS mirrors src/workflow/claim-workflow.ts (a unit test keeps them equal), so
 * a button appears only in the statuses where the API allows its step.
 */
import type { ClaimStatus, LevelSummary } from '../api/types';
import { ApiFailure, joinWords } from './errors';
import { STATUS_INFO } from './status';

export const TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  unreviewed: ['in_review'],
  in_review: ['awaiting_approval', 'unreviewed'],
  awaiting_approval: ['approved', 'in_review'],
  approved: ['published', 'in_review'],
  published: ['correcting', 'retracted'],
  correcting: ['published'],
  retracted: [],
};

/** Moves the service makes by itself (assignments and submitted verdicts): no one clicks for them. */
const AUTOMATIC: readonly string[] = ['unreviewed>in_review', 'in_review>awaiting_approval', 'in_review>unreviewed'];

export type Decision = 'approve' | 'sendBack' | 'publish' | 'correct' | 'retract';

/** Each editor decision and the status it moves the claim to. */
export const DECISION_TARGET: Readonly<Record<Decision, ClaimStatus>> = {
  approve: 'approved',
  sendBack: 'in_review',
  publish: 'published',
  correct: 'correcting',
  retract: 'retracted',
};

const DECISION_ORDER: readonly Decision[] = ['approve', 'publish', 'sendBack', 'correct', 'retract'];

/** The editor's decisions that exist for a claim in `status`, in the order the panel offers them. */
export function availableDecisions(status: ClaimStatus): Decision[] {
  return DECISION_ORDER.filter((decision) => {
    const to = DECISION_TARGET[decision];
    return TRANSITIONS[status].includes(to) && !AUTOMATIC.includes(`${status}>${to}`);
  });
}

/** Approved or later: the desk has decided ("checked" in the article's progress). */
export const CHECKED_STATUSES: readonly ClaimStatus[] = ['approved', 'published', 'correcting', 'retracted'];
export const isChecked = (status: ClaimStatus) => CHECKED_STATUSES.includes(status);

/** Statuses in which reviewers are assigned and write verdicts. */
export const REVIEW_STATUSES: readonly ClaimStatus[] = ['unreviewed', 'in_review', 'awaiting_approval'];
export const isUnderReview = (status: ClaimStatus) => REVIEW_STATUSES.includes(status);
/** Verdicts are saved while a claim is in review or awaiting approval (the API refuses them otherwise). */
export const acceptsVerdicts = (status: ClaimStatus) => status === 'in_review' || status === 'awaiting_approval';

/** An article's progress after one claim moved from `before` to `after` (only "checked" can change). */
export function progressAfter<P extends { checked: number }>(progress: P, before: ClaimStatus, after: ClaimStatus): P {
  const delta = Number(isChecked(after)) - Number(isChecked(before));
  return delta === 0 ? progress : { ...progress, checked: Math.max(0, progress.checked + delta) };
}

const label = (status: string) => STATUS_INFO[status as ClaimStatus]?.label ?? status;

/**
 * A refused step (409 INVALID_TRANSITION) in words, with the statuses reachable from where the claim is now;
 * undefined for any other error.
 */
export function describeInvalidTransition(error: unknown): string | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'INVALID_TRANSITION') return undefined;
  const status = error.body?.status;
  const reachable = error.body?.reachable ?? [];
  const now = status ? `This claim is ${label(status)} now` : 'This claim has moved on';
  const next = reachable.length ? `from here it can become ${joinWords(reachable.map(label))}` : 'it is final: no step leads on from here';
  return `Not done: ${now}; ${next}. Reload the claim to see its current state.`;
}

/**
 * The level a checked claim shows in the text: its final verdict's (approved, or the published one); undefined
 * while it has none, or once retracted (a withdrawn fact-check shows its status instead).
 */
export function shownVerdict(claim: { status: ClaimStatus; finalVerdict: { level: LevelSummary } | null; publishedVerdicts: readonly { level: LevelSummary; state: string }[] }): LevelSummary | undefined {
  if (!isChecked(claim.status) || claim.status === 'retracted') return undefined;
  return claim.finalVerdict?.level ?? claim.publishedVerdicts.find((r) => r.state === 'published')?.level;
}
