import type { Actor } from '../auth/actor';
import { isEditor } from '../domain/enums';
import { listClaimAssignments } from '../assignments/assignments.queries';
import { presentAssignment } from '../assignments/assignments.presenter';
import type { Db } from '../db/sql';
import { NotFoundError } from '../errors';
import { findScaleOfArticle, type LevelRow } from '../rating-scales/rating-scales.queries';
import { presentRuling } from '../rulings/rulings.presenter';
import { listRulings } from '../rulings/rulings.queries';
import { computeConsensus, type ConsensusRule } from '../verdicts/consensus';
import { submittedVotes } from '../verdicts/verdicts.queries';
import { verdictVisibility } from '../verdicts/visibility';
import { requiredFor, type RequiredVerdicts } from '../workflow/claim-workflow';
import { presentClaimDetail } from './claims.presenter';
import { claimAttachmentCounts, findClaim, nextClaimInParagraph } from './claims.queries';
import { findClaimAccess } from './review-state.queries';

const levelSummary = (level: LevelRow | undefined, key: string) =>
  level ? { key: level.key, label: level.label, value: level.value, color: level.color } : { key, label: key, value: null, color: '#57606a' };

/**
 * Everything the claim panel shows, for one viewer: the claim, who is assigned and how far they are, the consensus
 * (hidden by the blind rule until the viewer has submitted), the final verdict the viewer may see, and every
 * published revision with its dates.
 */
export function createClaimDetailService({ pool, prisma }: Db, review: { consensusRule: ConsensusRule; requiredVerdicts: RequiredVerdicts }) {
  async function get(id: string, viewer: Actor) {
    const [claim, access] = await Promise.all([findClaim(pool, id, isEditor(viewer.role)), findClaimAccess(pool, id)]);
    if (!claim || !access) throw new NotFoundError('claim', id);
    const visible = verdictVisibility(viewer, access);
    const [assignments, rulings, scale, counts, votes, nextClaimId] = await Promise.all([
      listClaimAssignments(pool, id),
      listRulings(pool, id),
      findScaleOfArticle(prisma, claim.articleId),
      claimAttachmentCounts(pool, id),
      visible.submittedVerdicts ? submittedVotes(pool, id) : Promise.resolve(undefined),
      nextClaimInParagraph(pool, claim),
    ]);
    const levels = new Map((scale?.levels ?? []).map((l) => [l.key, l]));
    const consensus = votes && computeConsensus(votes, review.consensusRule);
    const shown = rulings.filter((r) => r.publishedAt || visible.unpublishedRuling);
    const current = shown.find((r) => !r.supersededAt) ?? null;
    return {
      claim,
      view: {
        ...presentClaimDetail(claim),
        nextClaimId,
        ratingScale: scale ? { id: scale.id, name: scale.name } : null,
        assignments: assignments.map(presentAssignment),
        review: {
          requiredVerdicts: requiredFor(review.requiredVerdicts, { assigned: access.assigneeIds.length, submitted: access.submittedIds.length }),
          submittedVerdicts: access.submittedIds.length,
          consensus: consensus
            ? {
                rule: consensus.rule,
                level: consensus.levelKey ? levelSummary(levels.get(consensus.levelKey), consensus.levelKey) : null,
                distribution: consensus.distribution.map((d) => ({ level: levelSummary(levels.get(d.levelKey), d.levelKey), count: d.count })),
                agreement: consensus.agreement,
                submitted: consensus.submitted,
              }
            : null,
        },
        finalVerdict: current ? presentRuling(current, visible.submittedVerdicts) : null,
        publishedVerdicts: rulings.filter((r) => r.publishedAt).map((r) => presentRuling(r, visible.submittedVerdicts)),
        sourceCount: counts.sources,
        noteCount: counts.notes,
      },
    };
  }

  return { get };
}

export type ClaimDetailService = ReturnType<typeof createClaimDetailService>;
export type ClaimDetailView = Awaited<ReturnType<ClaimDetailService['get']>>['view'];
