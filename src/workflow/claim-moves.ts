import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import { auditableClaim } from '../claims/claims.presenter';
import { lockClaim, setClaimStatus, type ClaimRow } from '../claims/claims.queries';
import { reviewCounts } from '../claims/review-state.queries';
import type { Prisma } from '../db/prisma';
import type { ClaimStatus } from '../domain/enums';
import { NotFoundError } from '../errors';
import { assertTransition, automaticStatus, type RequiredVerdicts } from './claim-workflow';

type Tx = Prisma.TransactionClient;

/** One step of the workflow on a locked claim, with its audit event; refuses a step the table does not allow. */
export async function moveClaim(
  tx: Tx,
  claim: ClaimRow,
  to: ClaimStatus,
  actor: Actor | null,
  context?: Record<string, unknown>,
  extra?: { retractionNote?: string; retractedAt?: Date },
): Promise<ClaimRow> {
  assertTransition(claim.status, to);
  const after = await setClaimStatus(tx, claim.id, to, extra);
  await recordAudit(tx, actor, {
    entityType: 'claim',
    entityId: claim.id,
    action: 'claim.status_changed',
    before: auditableClaim(claim),
    after: auditableClaim(after),
    context: context ? (context as Prisma.InputJsonValue) : null,
  });
  return after;
}

/**
 * The automatic part of the workflow, after assignments or verdicts changed: the first assignment starts the
 * review, enough submitted verdicts make it await approval, and undoing either moves it back.
 */
export async function settleReviewStatus(tx: Tx, claimId: string, actor: Actor, rule: RequiredVerdicts): Promise<ClaimRow> {
  const claim = await lockClaim(tx, claimId);
  if (!claim) throw new NotFoundError('claim', claimId);
  const counts = await reviewCounts(tx, claimId);
  const to = automaticStatus(claim.status, counts, rule);
  return to === claim.status ? claim : moveClaim(tx, claim, to, actor, { automatic: true, ...counts });
}
