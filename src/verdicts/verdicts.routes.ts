/**
 * Verdicts: each assignee's own verdict on a claim. Listing follows the blind rule: until you have submitted, you see
 * only your own; editors see everything; reviewers not assigned see none (only the final verdict, in the claim).
 */
import { byPolicy, editors, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, ok } from '../http/route';
import { etagOf } from '../http/versions';
import { pageOf } from '../openapi/registry';
import { assignedToClaim } from '../claims/claim-policies';
import { presentVerdict } from './verdicts.presenter';
import { ListVerdictsQuery, PutMyVerdictBody, VerdictParams, VerdictResponse } from './verdicts.schema';

export const verdictRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/claims/:id/verdicts',
    operationId: 'listClaimVerdicts',
    tags: ['Verdicts'],
    summary: "A claim's individual verdicts, as the blind rule lets you see them",
    access: signedIn,
    request: { params: IdParams, query: ListVerdictsQuery },
    responses: { 200: { description: 'A page of verdicts', schema: pageOf(VerdictResponse) } },
    handler: async ({ params, query, actor, services }) => ok(await services.verdicts.list(params.id, actor, query)),
  }),
  defineRoute({
    method: 'put',
    path: '/api/claims/:id/verdicts/mine',
    operationId: 'saveMyVerdict',
    tags: ['Verdicts'],
    summary: 'Save (and optionally submit) your own verdict on a claim you are assigned to',
    description:
      'Creating needs no version; updating a saved draft needs the version you read. `submit: true` freezes it ' +
      '(409 VERDICT_SUBMITTED afterwards, until an editor reopens it); enough submitted verdicts move the claim to awaiting_approval.',
    access: byPolicy(assignedToClaim),
    versioned: 'optional',
    errors: [409, 428],
    request: { params: IdParams, body: PutMyVerdictBody },
    responses: {
      201: { description: 'Created', schema: VerdictResponse },
      200: { description: 'Updated', schema: VerdictResponse },
    },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const { verdict, created } = await services.verdicts.putMine(params.id, body, expectedVersion, actor);
      return { status: created ? 201 : 200, body: presentVerdict(verdict, actor.userId), headers: { ETag: etagOf(verdict.version) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/verdicts/:verdictId/reopen',
    operationId: 'reopenVerdict',
    tags: ['Verdicts'],
    summary: 'Reopen a submitted verdict so its reviewer can revise it',
    access: editors,
    errors: [409],
    request: { params: VerdictParams },
    responses: { 200: { description: 'The verdict, a draft again', schema: VerdictResponse } },
    handler: async ({ params, actor, services }) => ok(presentVerdict(await services.verdicts.reopen(params.id, params.verdictId, actor), actor.userId)),
  }),
];
