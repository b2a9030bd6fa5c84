import type { Actor } from '../auth/actor';
import { changesSince } from '../audit/audit.queries';
import { recordAudit } from '../audit/audit.recorder';
import { lockClaim, type ClaimRow } from '../claims/claims.queries';
import type { Prisma } from '../db/prisma';
import type { Db } from '../db/sql';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { assertVersion, type ExpectedVersion } from '../http/versions';
import { writeNote } from '../notes/notes.service';
import { scaleRange } from '../rating-scales/rating-scales.presenter';
import { findScaleOfArticle, type LevelRow } from '../rating-scales/rating-scales.queries';
import { snapshotSource } from '../sources/sources.presenter';
import { allClaimSources } from '../sources/sources.queries';
import { computeConsensus, type ConsensusRule } from '../verdicts/consensus';
import { lockSubmittedVerdicts, submittedVotesInTx } from '../verdicts/verdicts.queries';
import { reopenVerdict } from '../verdicts/verdicts.service';
import { assertTransition } from '../workflow/claim-workflow';
import { moveClaim } from '../workflow/claim-moves';
import { auditableRuling } from './rulings.presenter';
import { deleteUnpublishedRuling, insertRuling, lockRulings, markPublished, markSuperseded, type RulingRow } from './rulings.queries';
import type { ApproveInput, CorrectionInput } from './rulings.schema';

type Tx = Prisma.TransactionClient;

/**
 * The editor's decisions on a claim: approve a final verdict (a written reason when it departs from the consensus
 * or there is none), publish it (its sources frozen with it), send the claim back to review with a note, open a
 * correction and republish, or retract with a public note. Earlier published revisions stay readable. The version
 * is optional here (If-Match or `version`): when sent it is checked, and the workflow table refuses a double step.
 */
export function createRulingService({ prisma }: Db, consensusRule: ConsensusRule) {
  async function decide<T>(claimId: string, expected: ExpectedVersion | undefined, fn: (tx: Tx, claim: ClaimRow) => Promise<T>): Promise<T> {
    return prisma.$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      if (!claim) throw new NotFoundError('claim', claimId);
      if (expected) await assertVersion(expected, claim.version, 'claim', (v) => changesSince(tx, 'claim', claimId, v));
      return fn(tx, claim);
    });
  }

  function approve(claimId: string, input: ApproveInput, expected: ExpectedVersion | undefined, actor: Actor) {
    return decide(claimId, expected, async (tx, claim) => {
      assertTransition(claim.status, 'approved');
      const { scaleId, level, range } = await levelOf(tx, claim.articleId, input.levelKey);
      const consensus = computeConsensus(await submittedVotesInTx(tx, claimId), consensusRule);
      if (consensus.levelKey !== input.levelKey && !input.reason) {
        const why = consensus.levelKey ? `the consensus is "${consensus.levelKey}"` : 'there is no consensus';
        throw new ValidationError(`A written reason is required: ${why}`, [{ path: 'body.reason', message: `is required because ${why}` }], 'REASON_REQUIRED');
      }
      const published = (await lockRulings(tx, claimId)).filter((r) => r.publishedAt);
      const ruling = {
        claimId,
        revision: (published[0]?.revision ?? 0) + 1,
        ...levelSnapshot(scaleId, level, range),
        rationale: input.rationale,
        reason: input.reason ?? null,
        correctionNote: null,
        consensusLevelKey: consensus.levelKey,
        agreement: consensus.agreement,
        approvedById: actor.userId,
        approvedAt: new Date(),
      };
      const id = await insertRuling(tx, ruling);
      await recordAudit(tx, actor, { entityType: 'ruling', entityId: id, claimId, action: 'ruling.approved', after: auditableRuling(ruling) });
      return moveClaim(tx, claim, 'approved', actor, { rulingId: id });
    });
  }

  function publish(claimId: string, expected: ExpectedVersion | undefined, actor: Actor) {
    return decide(claimId, expected, async (tx, claim) => {
      assertTransition(claim.status, 'published');
      const rulings = await lockRulings(tx, claimId);
      const pending = rulings.find((r) => !r.publishedAt);
      if (!pending) throw new ConflictError('NOTHING_TO_PUBLISH', 'There is no approved verdict to publish');
      const now = new Date();
      const sources = (await allClaimSources(tx, claimId)).map(snapshotSource);
      await markPublished(tx, pending.id, actor.userId, now, sources);
      const previous = rulings.find((r) => r.publishedAt && !r.supersededAt);
      if (previous) await markSuperseded(tx, previous.id, now);
      await recordAudit(tx, actor, {
        entityType: 'ruling',
        entityId: pending.id,
        claimId,
        action: previous ? 'ruling.republished' : 'ruling.published',
        before: auditableRuling(pending),
        after: auditableRuling({ ...pending, publishedAt: now }),
        context: { sourceCount: sources.length, supersedes: previous?.id ?? null },
      });
      return moveClaim(tx, claim, 'published', actor, { rulingId: pending.id, revision: pending.revision });
    });
  }

  /** Back to review with a note to the reviewers; their submitted verdicts reopen and an unpublished approval is withdrawn. */
  function sendBack(claimId: string, note: string, expected: ExpectedVersion | undefined, actor: Actor) {
    return decide(claimId, expected, async (tx, claim) => {
      assertTransition(claim.status, 'in_review');
      if (claim.status === 'approved') await withdrawApproval(tx, claimId, actor);
      for (const verdict of await lockSubmittedVerdicts(tx, claimId)) await reopenVerdict(tx, verdict, actor);
      const moved = await moveClaim(tx, claim, 'in_review', actor, { note, sentBack: true });
      await writeNote(tx, claimId, `Sent back to review: ${note}`, actor);
      return moved;
    });
  }

  function openCorrection(claimId: string, input: CorrectionInput, expected: ExpectedVersion | undefined, actor: Actor) {
    return decide(claimId, expected, async (tx, claim) => {
      assertTransition(claim.status, 'correcting');
      const current = (await lockRulings(tx, claimId)).find((r) => r.publishedAt && !r.supersededAt);
      if (!current) throw new ConflictError('NOTHING_PUBLISHED', 'This claim has no published verdict to correct');
      const { level, range, scaleId } = input.levelKey
        ? await levelOf(tx, claim.articleId, input.levelKey)
        : { level: { id: current.levelId, key: current.levelKey, label: current.levelLabel, value: current.levelValue, color: current.levelColor }, range: { bestValue: current.bestValue, worstValue: current.worstValue }, scaleId: current.scaleId };
      const ruling = {
        claimId,
        revision: current.revision + 1,
        ...levelSnapshot(scaleId, level, range),
        rationale: input.rationale ?? current.rationale,
        reason: null,
        correctionNote: input.note,
        consensusLevelKey: current.consensusLevelKey,
        agreement: current.agreement,
        approvedById: actor.userId,
        approvedAt: new Date(),
      };
      const id = await insertRuling(tx, ruling);
      await recordAudit(tx, actor, {
        entityType: 'ruling',
        entityId: id,
        claimId,
        action: 'ruling.correction_opened',
        before: auditableRuling(current),
        after: auditableRuling(ruling),
      });
      return moveClaim(tx, claim, 'correcting', actor, { rulingId: id, revision: ruling.revision, note: input.note });
    });
  }

  function retract(claimId: string, note: string, expected: ExpectedVersion | undefined, actor: Actor) {
    return decide(claimId, expected, async (tx, claim) => {
      assertTransition(claim.status, 'retracted');
      return moveClaim(tx, claim, 'retracted', actor, { note }, { retractionNote: note, retractedAt: new Date() });
    });
  }

  return { approve, publish, sendBack, openCorrection, retract };
}

export type RulingService = ReturnType<typeof createRulingService>;

async function withdrawApproval(tx: Tx, claimId: string, actor: Actor): Promise<void> {
  const pending = (await lockRulings(tx, claimId)).find((r: RulingRow) => !r.publishedAt);
  if (!pending) return;
  await deleteUnpublishedRuling(tx, pending.id);
  await recordAudit(tx, actor, { entityType: 'ruling', entityId: pending.id, claimId, action: 'ruling.withdrawn', before: auditableRuling(pending), after: null });
}

/** What a ruling records of its level and scale, so relabelling a level later never rewrites it. */
function levelSnapshot(scaleId: string, level: Pick<LevelRow, 'id' | 'key' | 'label' | 'value' | 'color'>, range: ReturnType<typeof scaleRange>) {
  return {
    scaleId,
    levelId: level.id,
    levelKey: level.key,
    levelLabel: level.label,
    levelValue: level.value,
    levelColor: level.color,
    ...range,
  };
}

/** A level of the article's scale that is in use (not archived), with the scale's range. */
async function levelOf(tx: Tx, articleId: string, levelKey: string): Promise<{ scaleId: string; level: LevelRow; range: ReturnType<typeof scaleRange> }> {
  const scale = await findScaleOfArticle(tx, articleId);
  const level = scale?.levels.find((l) => l.key === levelKey && !l.archived);
  if (!scale || !level) {
    const keys = scale?.levels.filter((l) => !l.archived).map((l) => l.key).join(', ') ?? '';
    throw new ValidationError('Unknown rating level', [{ path: 'body.levelKey', message: `must be one of this article's scale: ${keys}` }]);
  }
  return { scaleId: scale.id, level, range: scaleRange(scale.levels) };
}
