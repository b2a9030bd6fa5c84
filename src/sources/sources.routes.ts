/**
 * Sources: evidence attached to claims. Everyone reads them; assigned reviewers and editors attach them; whoever
 * attached a source (or an editor) edits its stance and excerpt or removes it; editors edit the source record.
 */
import { editors, byPolicy, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { PageQuery } from '../http/keyset';
import { created, defineRoute, noContent, ok } from '../http/route';
import { etagOf } from '../http/versions';
import { pageOf } from '../openapi/registry';
import { assignedReviewerOrEditor } from '../claims/claim-policies';
import { linkAuthorOrEditor } from './source-policies';
import { presentClaimSource } from './sources.presenter';
import {
  AddClaimSourceBody,
  ClaimSourceParams,
  ClaimSourceResponse,
  ListSourcesQuery,
  SourceDetailResponse,
  SourceResponse,
  UpdateClaimSourceBody,
  UpdateSourceBody,
} from './sources.schema';

export const sourceRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/claims/:id/sources',
    operationId: 'listClaimSources',
    tags: ['Sources'],
    summary: "A claim's sources, in the order they were attached",
    access: signedIn,
    request: { params: IdParams, query: PageQuery },
    responses: { 200: { description: 'A page of sources', schema: pageOf(ClaimSourceResponse) } },
    handler: async ({ params, query, services }) => {
      await services.claims.access(params.id);
      return ok(await services.sources.listForClaim(params.id, query));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/claims/:id/sources',
    operationId: 'addClaimSource',
    tags: ['Sources'],
    summary: 'Attach a source to a claim',
    description:
      'The URL is normalised; a URL the desk already uses links the existing record (whose fields stay as they are). ' +
      '409 SOURCE_ALREADY_LINKED when this claim has it already.',
    access: byPolicy(assignedReviewerOrEditor),
    errors: [409],
    request: { params: IdParams, body: AddClaimSourceBody },
    responses: { 201: { description: 'Attached', schema: ClaimSourceResponse } },
    handler: async ({ params, body, actor, services }) => {
      const link = await services.sources.add(params.id, body, actor);
      return created(presentClaimSource(link), `/api/claims/${params.id}/sources/${link.sourceId}`);
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/claims/:id/sources/:sourceId',
    operationId: 'updateClaimSource',
    tags: ['Sources'],
    summary: "Change a source's stance or excerpt on this claim",
    access: byPolicy(linkAuthorOrEditor),
    versioned: true,
    request: { params: ClaimSourceParams, body: UpdateClaimSourceBody },
    responses: { 200: { description: 'The source on this claim', schema: ClaimSourceResponse } },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const link = await services.sources.updateLink(params.id, params.sourceId, body, expectedVersion, actor);
      return ok(presentClaimSource(link), { ETag: etagOf(link.version) });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/claims/:id/sources/:sourceId',
    operationId: 'removeClaimSource',
    tags: ['Sources'],
    summary: 'Detach a source from a claim',
    description: '409 SOURCE_IN_USE while a submitted verdict rests on it. Drafts citing it drop it.',
    access: byPolicy(linkAuthorOrEditor),
    errors: [409],
    request: { params: ClaimSourceParams },
    responses: { 204: { description: 'Detached' } },
    handler: async ({ params, actor, services }) => {
      await services.sources.removeLink(params.id, params.sourceId, actor);
      return noContent();
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/sources',
    operationId: 'listSources',
    tags: ['Sources'],
    summary: "The desk's sources, newest first, with how many claims use each",
    access: signedIn,
    request: { query: ListSourcesQuery },
    responses: { 200: { description: 'A page of sources', schema: pageOf(SourceResponse) } },
    handler: async ({ query, services }) => ok(await services.sources.list(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/sources/:id',
    operationId: 'getSource',
    tags: ['Sources'],
    summary: 'A source record and everywhere the desk used it',
    access: signedIn,
    request: { params: IdParams },
    responses: { 200: { description: 'The source', schema: SourceDetailResponse } },
    handler: async ({ params, services }) => {
      const source = await services.sources.get(params.id);
      return ok(source, { ETag: etagOf(source.version) });
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/sources/:id',
    operationId: 'updateSource',
    tags: ['Sources'],
    summary: "Correct a source record's title, publisher, type, date accessed or archived copy",
    description: 'Published fact-checks keep the snapshot they were published with.',
    access: editors,
    versioned: true,
    request: { params: IdParams, body: UpdateSourceBody },
    responses: { 200: { description: 'The source', schema: SourceDetailResponse } },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const source = await services.sources.updateSource(params.id, body, expectedVersion, actor);
      return ok(source, { ETag: etagOf(source.version) });
    },
  }),
];
