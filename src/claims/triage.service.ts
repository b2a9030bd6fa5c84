import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import type { Prisma } from '../db/prisma';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { sliceCodePoints } from '../segmentation/code-points';
import { auditableClaim } from './claims.presenter';
import {
  adjustClaimCount,
  articleIdOfClaim,
  deleteClaimRow,
  insertClaimRow,
  lockArticleForClaims,
  lockClaim,
  lockNextClaim,
  readArticleBody,
  shiftPositions,
  updateClaimRow,
  type ClaimChanges,
  type ClaimRow,
} from './claims.queries';
import type { UpdateClaimInput } from './claims.schema';
import { claimWorkBlockingTriage, hintFor } from './triage.rules';

/**
 * Triage is the editors' decision: check-worthiness, claimant and date, narrowing a claim to the checkable part
 * of its sentence, merging it with the next claim, splitting it. Every change locks the rows it changes, checks
 * the version the editor read, writes nothing when nothing changes, and records its audit event in the same
 * transaction.
 */
export function createTriageService({ prisma }: Db) {
  const transaction = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => prisma.$transaction(fn, { timeout: 30_000 });

  async function lockForUpdate(tx: Prisma.TransactionClient, id: string, expected: ExpectedVersion | undefined) {
    const claim = await lockClaim(tx, id);
    if (!claim) throw new NotFoundError('claim', id);
    await assertVersion(expected, claim.version, 'claim', (v) => changesSince(tx, 'claim', id, v));
    return claim;
  }

  async function updateClaim(id: string, input: UpdateClaimInput, expected: ExpectedVersion | undefined, actor: Actor): Promise<ClaimRow> {
    return transaction(async (tx) => {
      const before = await lockForUpdate(tx, id, expected);
      const changes: ClaimChanges = {};
      if (input.checkWorthy !== undefined && input.checkWorthy !== before.checkWorthy) changes.checkWorthy = input.checkWorthy;
      if (input.claimant !== undefined) {
        const name = input.claimant?.name ?? null;
        const role = input.claimant?.role ?? null;
        if (name !== before.claimantName || role !== before.claimantRole) Object.assign(changes, { claimantName: name, claimantRole: role });
      }
      if (input.claimDate !== undefined && input.claimDate !== before.claimDate) changes.claimDate = input.claimDate;
      if (input.start !== undefined || input.end !== undefined) {
        Object.assign(changes, await narrowing(tx, before, input.start ?? before.start, input.end ?? before.end));
      }
      if (Object.keys(changes).length === 0) return before;
      const after = await updateClaimRow(tx, id, changes);
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: id,
        action: changes.text !== undefined ? 'claim.narrowed' : 'claim.updated',
        before: auditableClaim(before),
        after: auditableClaim(after),
      });
      return after;
    });
  }

  /** New offsets within the sentence: the text comes from the body, exactly, and the hint is recomputed. */
  async function narrowing(tx: Prisma.TransactionClient, claim: ClaimRow, start: number, end: number): Promise<ClaimChanges> {
    if (start === claim.start && end === claim.end) return {};
    if (!(claim.sentenceStart <= start && start < end && end <= claim.sentenceEnd)) {
      throw new ValidationError('A claim can only be narrowed within its sentence', [
        { path: 'body.start', message: `start and end must satisfy ${claim.sentenceStart} ≤ start < end ≤ ${claim.sentenceEnd}` },
      ]);
    }
    // The body never changes after import, so narrowing reads it without locking the article.
    const body = await readArticleBody(tx, claim.articleId);
    const text = sliceCodePoints(body, start, end);
    if (text.trim() !== text) {
      throw new ValidationError('A claim must not begin or end with whitespace', [
        { path: 'body.start', message: 'the span from start to end begins or ends with whitespace' },
      ]);
    }
    await refuseIfWorkedOn(tx, [claim]);
    return { start, end, text, hint: hintFor(text) };
  }

  /** Joins a claim with the next one of its paragraph; the first keeps its id, positions close up. */
  async function mergeNext(id: string, expected: ExpectedVersion | undefined, actor: Actor): Promise<ClaimRow> {
    return transaction(async (tx) => {
      const { body } = await lockArticleOf(tx, id);
      const first = await lockForUpdate(tx, id, expected);
      const next = await lockNextClaim(tx, first.articleId, first.position);
      if (!next || next.paragraph !== first.paragraph) {
        throw new ConflictError('NO_NEXT_CLAIM', 'This is the last claim of its paragraph; there is nothing to merge it with');
      }
      await refuseIfWorkedOn(tx, [first, next]);
      const text = sliceCodePoints(body, first.start, next.end);
      await deleteClaimRow(tx, next.id);
      const merged = await updateClaimRow(tx, first.id, {
        end: next.end,
        sentenceEnd: next.sentenceEnd,
        text,
        hint: hintFor(text),
        checkWorthy: first.checkWorthy || next.checkWorthy,
      });
      await shiftPositions(tx, first.articleId, next.position, -1);
      await adjustClaimCount(tx, first.articleId, -1);
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: first.id,
        action: 'claim.merged',
        before: auditableClaim(first),
        after: auditableClaim(merged),
        context: { mergedClaimId: next.id, mergedText: next.text },
      });
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: next.id,
        action: 'claim.merged_into',
        before: auditableClaim(next),
        after: null,
        context: { intoClaimId: first.id },
      });
      return merged;
    });
  }

  /** Cuts a claim in two at a code-point offset; the first part keeps the id, the second gets a new one. */
  async function split(id: string, offset: number, expected: ExpectedVersion | undefined, actor: Actor): Promise<[ClaimRow, ClaimRow]> {
    return transaction(async (tx) => {
      const { body } = await lockArticleOf(tx, id);
      const claim = await lockForUpdate(tx, id, expected);
      const parts = splitSpans(body, claim, offset);
      await refuseIfWorkedOn(tx, [claim]);
      const first = await updateClaimRow(tx, claim.id, { ...parts.first, hint: hintFor(parts.first.text) });
      await shiftPositions(tx, claim.articleId, claim.position, 1);
      const secondId = await insertClaimRow(tx, {
        articleId: claim.articleId,
        position: claim.position + 1,
        paragraph: claim.paragraph,
        checkWorthy: claim.checkWorthy,
        hint: hintFor(parts.second.text),
        ...parts.second,
      });
      await adjustClaimCount(tx, claim.articleId, 1);
      const second = (await lockClaim(tx, secondId))!;
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: claim.id,
        action: 'claim.split',
        before: auditableClaim(claim),
        after: auditableClaim(first),
        context: { newClaimId: secondId, offset },
      });
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: secondId,
        action: 'claim.created',
        before: null,
        after: auditableClaim(second),
        context: { splitFromClaimId: claim.id, offset },
      });
      return [first, second];
    });
  }

  return { updateClaim, mergeNext, split };
}

export type TriageService = ReturnType<typeof createTriageService>;

/** Merges and splits renumber the article's claims: lock the article first, always in that order. */
async function lockArticleOf(tx: Prisma.TransactionClient, claimId: string) {
  const articleId = await articleIdOfClaim(tx, claimId);
  if (!articleId) throw new NotFoundError('claim', claimId);
  return lockArticleForClaims(tx, articleId);
}

async function refuseIfWorkedOn(tx: Prisma.TransactionClient, claims: ClaimRow[]): Promise<void> {
  const blocking = await claimWorkBlockingTriage(tx, claims.map((c) => c.id));
  if (blocking.length > 0) {
    throw new ConflictError(
      'CLAIM_HAS_WORK',
      `Merging, splitting and narrowing are refused once a claim has ${blocking.join(', ')}; remove them first`,
    );
  }
}

/** The two spans of a split: whitespace around the cut belongs to neither. */
export function splitSpans(body: string, claim: ClaimRow, offset: number) {
  const invalid = (message: string) => new ValidationError('Cannot split the claim there', [{ path: 'body.offset', message }]);
  if (!(claim.start < offset && offset < claim.end)) {
    throw invalid(`must fall strictly inside the claim, between ${claim.start} and ${claim.end}`);
  }
  const head = sliceCodePoints(body, claim.start, offset);
  const tail = sliceCodePoints(body, offset, claim.end);
  const headText = head.trimEnd();
  const tailText = tail.trimStart();
  if (!headText || !tailText) throw invalid('would leave an empty claim on one side');
  const firstEnd = claim.start + Array.from(headText).length;
  const secondStart = offset + (Array.from(tail).length - Array.from(tailText).length);
  return {
    first: { end: firstEnd, sentenceEnd: firstEnd, text: headText },
    second: { start: secondStart, end: claim.end, sentenceStart: secondStart, sentenceEnd: claim.sentenceEnd, text: tailText },
  };
}
