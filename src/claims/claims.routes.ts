/**
 * Claims: one checkable statement of an article, with its offsets into the article body.
 * Reading (a claim, an article's claims, the desk queue, a claim's history): every signed-in user.
 * Triage (check-worthiness, narrowing, claimant, merge, split): editors and admins, with the version they read.
 */
import { z } from 'zod';
import { editors, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, ok } from '../http/route';
import { etagOf } from '../http/versions';
import { pageOf } from '../openapi/registry';
import { AuditEventResponse, HistoryQuery } from '../audit/audit.schema';
import { presentClaim } from './claims.presenter';
import { ClaimDetailResponse } from './claim-detail.schema';
import {
  ClaimQueueItem,
  ClaimQueueQuery,
  ClaimResponse,
  ListArticleClaimsQuery,
  MergeClaimBody,
  SplitClaimBody,
  UpdateClaimBody,
} from './claims.schema';

const claimReply = (claim: Parameters<typeof presentClaim>[0]) => ok(presentClaim(claim), { ETag: etagOf(claim.version) });
const withEtag = { ETag: { description: 'The claim version, for If-Match' } };

export const claimRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/articles/:id/claims',
    operationId: 'listArticleClaims',
    tags: ['Claims'],
    summary: "An article's claims, in article order or by check-worthiness hint",
    access: signedIn,
    request: { params: IdParams, query: ListArticleClaimsQuery },
    responses: { 200: { description: 'A page of claims', schema: pageOf(ClaimResponse) } },
    handler: async ({ params, query, actor, services }) => ok(await services.claims.listForArticle(params.id, query, actor)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/claims',
    operationId: 'listClaimQueue',
    tags: ['Claims'],
    summary: 'The desk queue: claims across articles, longest in their status first',
    description: 'E.g. `?status=awaiting_approval` for everything waiting for an editor, `?assignee=me&overdue=true` for my overdue work.',
    access: signedIn,
    request: { query: ClaimQueueQuery },
    responses: { 200: { description: 'A page of claims', schema: pageOf(ClaimQueueItem) } },
    handler: async ({ query, actor, services }) => ok(await services.claims.queue(query, actor)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/claims/:id',
    operationId: 'getClaim',
    tags: ['Claims'],
    summary: 'Read one claim',
    access: signedIn,
    request: { params: IdParams },
    description:
      'With its assignments, the consensus (hidden by the blind rule until you have submitted, if you are assigned), ' +
      'the final verdict you may see, and every published revision.',
    responses: { 200: { description: 'The claim', schema: ClaimDetailResponse, headers: withEtag } },
    handler: async ({ params, actor, services }) => {
      const { claim, view } = await services.claimDetail.get(params.id, actor);
      return ok(view, { ETag: etagOf(claim.version) });
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/claims/:id',
    operationId: 'updateClaim',
    tags: ['Claims'],
    summary: 'Triage a claim: check-worthiness, narrowing, claimant and date',
    description:
      'Narrowing sets `start`/`end` within the original sentence (`sentenceStart`–`sentenceEnd`); sending the ' +
      'sentence span back undoes it. Refused with 409 CLAIM_HAS_WORK once the claim has sources, verdicts or assignments.',
    access: editors,
    versioned: true,
    request: { params: IdParams, body: UpdateClaimBody },
    responses: { 200: { description: 'The claim as it now is (unchanged when nothing changed)', schema: ClaimResponse, headers: withEtag } },
    handler: async ({ params, body, expectedVersion, actor, services }) =>
      claimReply(await services.triage.updateClaim(params.id, body, expectedVersion, actor)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/merge-next',
    operationId: 'mergeClaimWithNext',
    tags: ['Claims'],
    summary: 'Merge a claim with the next claim of its paragraph',
    description: 'The merged claim keeps this id; the next claim is removed and positions close up.',
    access: editors,
    versioned: true,
    errors: [409],
    request: { params: IdParams, body: MergeClaimBody, bodyRequired: false },
    responses: { 200: { description: 'The merged claim', schema: ClaimResponse, headers: withEtag } },
    handler: async ({ params, expectedVersion, actor, services }) =>
      claimReply(await services.triage.mergeNext(params.id, expectedVersion, actor)),
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/split',
    operationId: 'splitClaim',
    tags: ['Claims'],
    summary: 'Split a claim in two at a code-point offset',
    description: 'The first part keeps this id, the second gets a new one; whitespace at the cut belongs to neither.',
    access: editors,
    versioned: true,
    errors: [409],
    request: { params: IdParams, body: SplitClaimBody },
    responses: { 200: { description: 'The two claims', schema: z.object({ claims: z.array(ClaimResponse).length(2) }) } },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const claims = await services.triage.split(params.id, body.offset, expectedVersion, actor);
      return ok({ claims: claims.map(presentClaim) });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/claims/:id/history',
    operationId: 'getClaimHistory',
    tags: ['Claims'],
    summary: "A claim's history, newest first, starting with its article's import",
    access: signedIn,
    request: { params: IdParams, query: HistoryQuery },
    responses: { 200: { description: 'A page of events', schema: pageOf(AuditEventResponse) } },
    handler: async ({ params, query, actor, services }) => ok(await services.claims.history(params.id, query, actor)),
  }),
];
