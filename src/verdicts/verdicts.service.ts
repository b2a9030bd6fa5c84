import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import { lockClaim, lockClaimState } from '../claims/claims.queries';
import type { ClaimService } from '../claims/claims.service';
import type { Prisma } from '../db/prisma';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { cursorParts, decodeCursor, toPage, type PageQuery } from '../http/keyset';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { levelsOfArticleScale } from '../rating-scales/rating-scales.queries';
import { linkedSourceIds } from '../sources/sources.queries';
import { isUnderReview, type RequiredVerdicts } from '../workflow/claim-workflow';
import { settleReviewStatus } from '../workflow/claim-moves';
import { presentVerdict } from './verdicts.presenter';
import {
  auditableVerdict,
  findVerdictInTx,
  insertVerdict,
  listVerdicts,
  lockVerdictById,
  lockVerdictOf,
  setVerdictSources,
  updateVerdictRow,
  type VerdictRow,
} from './verdicts.queries';
import type { PutMyVerdictInput } from './verdicts.schema';
import { verdictVisibility } from './visibility';

const ORDERING = 'verdicts:oldest';
const CursorKey = z.tuple([cursorParts.timestamp, cursorParts.uuid]);
type Tx = Prisma.TransactionClient;

/**
 * Each assignee keeps their own verdict: level, rationale and the sources it rests on, saved as a draft, then
 * submitted and frozen unless an editor reopens it. Listing applies the blind rule (visibility.ts).
 */
export function createVerdictService({ prisma, pool }: Db, claims: ClaimService, requiredVerdicts: RequiredVerdicts) {
  async function list(claimId: string, viewer: Actor, query: PageQuery) {
    const access = await claims.access(claimId);
    const visible = verdictVisibility(viewer, access);
    const key = query.cursor ? decodeCursor(ORDERING, query.cursor, CursorKey) : undefined;
    const rows = await listVerdicts(
      pool,
      claimId,
      { viewerId: viewer.userId, submitted: visible.submittedVerdicts, drafts: visible.drafts },
      key && { createdAt: key[0], id: key[1] },
      query.limit,
    );
    return toPage(rows, query.limit, ORDERING, (r) => [r.createdAt.toISOString(), r.id], (r) => presentVerdict(r, viewer.userId));
  }

  /** Creates or updates the caller's own verdict; `created` tells which. */
  async function putMine(claimId: string, input: PutMyVerdictInput, expected: ExpectedVersion | undefined, actor: Actor) {
    return prisma.$transaction(async (tx) => {
      const claim = await lockClaimState(tx, claimId);
      if (!claim) throw new NotFoundError('claim', claimId);
      if (claim.status !== 'in_review' && claim.status !== 'awaiting_approval') {
        throw new ConflictError('CLAIM_NOT_IN_REVIEW', `This claim is ${claim.status}; verdicts are written while it is in review`);
      }
      const before = await lockVerdictOf(tx, claimId, actor.userId);
      if (before) {
        await assertVersion(expected, before.version, 'verdict', (v) => changesSince(tx, 'verdict', before.id, v));
        if (before.status === 'submitted') {
          throw new ConflictError('VERDICT_SUBMITTED', 'Your verdict is submitted and frozen; an editor can reopen it');
        }
      }
      const levelId = input.levelKey === undefined ? undefined : await levelIdFor(tx, claim.articleId, input.levelKey);
      const sourceIds = input.sourceIds === undefined ? undefined : await assertLinked(tx, claimId, input.sourceIds);
      if (before && !changes(before, levelId, input.rationale, sourceIds) && !input.submit) return { verdict: before, created: false };
      const fields = {
        levelId: levelId === undefined ? (before?.levelId ?? null) : levelId,
        rationale: input.rationale ?? before?.rationale ?? '',
        ...(input.submit ? { status: 'submitted' as const, submittedAt: new Date() } : {}),
      };
      if (input.submit) assertSubmittable(fields.levelId, fields.rationale);
      const id = before ? before.id : await insertVerdict(tx, { claimId, reviewerId: actor.userId, ...fields });
      if (before) await updateVerdictRow(tx, id, fields);
      if (sourceIds) await setVerdictSources(tx, id, sourceIds);
      const after = await findVerdictInTx(tx, id);
      await recordAudit(tx, actor, {
        entityType: 'verdict',
        entityId: id,
        claimId,
        action: input.submit ? 'verdict.submitted' : before ? 'verdict.updated' : 'verdict.created',
        before: before ? auditableVerdict(before) : null,
        after: auditableVerdict(after),
      });
      if (input.submit) await settleReviewStatus(tx, claimId, actor, requiredVerdicts);
      return { verdict: after, created: !before };
    });
  }

  /** An editor reopens a submitted verdict so its reviewer can revise it; the claim goes back in review if needed. */
  async function reopen(claimId: string, verdictId: string, actor: Actor): Promise<VerdictRow> {
    return prisma.$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      if (!claim) throw new NotFoundError('claim', claimId);
      if (!isUnderReview(claim.status)) {
        throw new ConflictError('CLAIM_DECIDED', `This claim is ${claim.status}; send it back to review first`);
      }
      const verdict = await lockVerdictById(tx, claimId, verdictId);
      if (!verdict) throw new NotFoundError('verdict', verdictId);
      if (verdict.status !== 'submitted') throw new ConflictError('VERDICT_NOT_SUBMITTED', 'This verdict is a draft already');
      const after = await reopenVerdict(tx, verdict, actor);
      await settleReviewStatus(tx, claimId, actor, requiredVerdicts);
      return after;
    });
  }

  return { list, putMine, reopen };
}

export type VerdictService = ReturnType<typeof createVerdictService>;

/** Back to draft, with its event (also used when an editor sends a whole claim back). */
export async function reopenVerdict(tx: Tx, verdict: VerdictRow, actor: Actor): Promise<VerdictRow> {
  await updateVerdictRow(tx, verdict.id, { status: 'draft', submittedAt: null });
  const after = await findVerdictInTx(tx, verdict.id);
  await recordAudit(tx, actor, {
    entityType: 'verdict',
    entityId: verdict.id,
    claimId: verdict.claimId,
    action: 'verdict.reopened',
    before: auditableVerdict(verdict),
    after: auditableVerdict(after),
  });
  return after;
}

async function levelIdFor(tx: Tx, articleId: string, levelKey: string | null): Promise<string | null> {
  if (levelKey === null) return null;
  const levels = await levelsOfArticleScale(tx, articleId);
  const level = levels.find((l) => l.key === levelKey && !l.archived);
  if (!level) {
    const keys = levels.filter((l) => !l.archived).map((l) => l.key).join(', ');
    throw new ValidationError('Unknown rating level', [{ path: 'body.levelKey', message: `must be one of this article's scale: ${keys}` }]);
  }
  return level.id;
}

async function assertLinked(tx: Tx, claimId: string, sourceIds: string[]): Promise<string[]> {
  const linked = new Set(await linkedSourceIds(tx, claimId, sourceIds));
  const index = sourceIds.findIndex((id) => !linked.has(id));
  if (index >= 0) {
    throw new ValidationError('A verdict rests only on sources attached to its claim', [
      { path: `body.sourceIds.${index}`, message: 'is not a source of this claim; attach it first' },
    ]);
  }
  return [...sourceIds].sort();
}

function changes(before: VerdictRow, levelId: string | null | undefined, rationale: string | undefined, sourceIds: string[] | undefined): boolean {
  return (
    (levelId !== undefined && levelId !== before.levelId) ||
    (rationale !== undefined && rationale !== before.rationale) ||
    (sourceIds !== undefined && sourceIds.join() !== before.sourceIds.join())
  );
}

/** Submitting needs a level and a rationale, also when they come from the saved draft. */
function assertSubmittable(levelId: string | null, rationale: string): void {
  const details = [];
  if (!levelId) details.push({ path: 'body.levelKey', message: 'is required to submit' });
  if (!rationale.trim()) details.push({ path: 'body.rationale', message: 'is required to submit' });
  if (details.length) throw new ValidationError('A verdict needs a level and a rationale to be submitted', details);
}
