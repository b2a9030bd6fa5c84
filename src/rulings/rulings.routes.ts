/**
 * The editor's decisions on a claim: approve a final verdict, publish it, send the claim back to review, open a
 * correction (then publish again), retract. Editors and admins only. Each answers the claim as it now stands; a step
 * the workflow does not allow from the claim's status is 409 INVALID_TRANSITION with the statuses reachable.
 */
import { editors } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, ok, type Reply } from '../http/route';
import { etagOf } from '../http/versions';
import type { Actor } from '../auth/actor';
import type { Services } from '../services';
import { ClaimDetailResponse } from '../claims/claim-detail.schema';
import { ApproveBody, CorrectionBody, PublishBody, RetractBody, ReturnBody } from './rulings.schema';

const decision = (summary: string, description: string) => ({
  tags: ['Decisions'],
  summary,
  description,
  access: editors,
  versioned: 'optional' as const,
  errors: [409],
  responses: { 200: { description: 'The claim as it now stands', schema: ClaimDetailResponse } },
});

async function claimReply(services: Services, claimId: string, actor: Actor): Promise<Reply> {
  const { claim, view } = await services.claimDetail.get(claimId, actor);
  return ok(view, { ETag: etagOf(claim.version) });
}

export const rulingRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/approve',
    operationId: 'approveClaim',
    ...decision(
      'Approve a final verdict (awaiting_approval → approved)',
      'Level and public rationale; a written `reason` is required when the level differs from the consensus or there is none (400 REASON_REQUIRED).',
    ),
    request: { params: IdParams, body: ApproveBody },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      await services.rulings.approve(params.id, body, expectedVersion, actor);
      return claimReply(services, params.id, actor);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/publish',
    operationId: 'publishClaim',
    ...decision(
      'Publish the approved verdict, or a correction (approved or correcting → published)',
      'The sources the verdict rests on are frozen with it: later edits never change a published fact-check.',
    ),
    request: { params: IdParams, body: PublishBody, bodyRequired: false },
    handler: async ({ params, expectedVersion, actor, services }) => {
      await services.rulings.publish(params.id, expectedVersion, actor);
      return claimReply(services, params.id, actor);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/return',
    operationId: 'returnClaim',
    ...decision(
      'Send a claim back to review with a note (awaiting_approval or approved → in_review)',
      'Submitted verdicts reopen so reviewers can revise them; an approval not yet published is withdrawn; the note is added to the desk notes.',
    ),
    request: { params: IdParams, body: ReturnBody },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      await services.rulings.sendBack(params.id, body.note, expectedVersion, actor);
      return claimReply(services, params.id, actor);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/corrections',
    operationId: 'openCorrection',
    ...decision(
      'Open a correction of a published verdict (published → correcting)',
      'A new level and/or rationale with a public correction note; publish it to make it current. Earlier published versions stay readable.',
    ),
    request: { params: IdParams, body: CorrectionBody },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      await services.rulings.openCorrection(params.id, body, expectedVersion, actor);
      return claimReply(services, params.id, actor);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/retract',
    operationId: 'retractClaim',
    ...decision('Withdraw a published fact-check with a public note (published → retracted)', 'The published verdicts stay readable, marked retracted.'),
    request: { params: IdParams, body: RetractBody },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      await services.rulings.retract(params.id, body.note, expectedVersion, actor);
      return claimReply(services, params.id, actor);
    },
  }),
];
