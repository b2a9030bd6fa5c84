/**
 * /api/rating-scales: the scales verdicts are given on. Everyone reads them; admins add scales and relabel,
 * recolour, archive or add levels. A level's value never changes and nothing rewrites a recorded verdict.
 */
import { admins, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { created, defineRoute, ok } from '../http/route';
import { etagOf } from '../http/versions';
import { pageOf } from '../openapi/registry';
import { presentScale } from './rating-scales.presenter';
import { CreateScaleBody, ListScalesQuery, RatingScaleResponse, UpdateScaleBody } from './rating-scales.schema';

export const ratingScaleRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/rating-scales',
    operationId: 'listRatingScales',
    tags: ['Rating scales'],
    summary: 'List rating scales with their levels',
    access: signedIn,
    request: { query: ListScalesQuery },
    responses: { 200: { description: 'A page of scales', schema: pageOf(RatingScaleResponse) } },
    handler: async ({ query, services }) => ok(await services.ratingScales.list(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rating-scales/:id',
    operationId: 'getRatingScale',
    tags: ['Rating scales'],
    summary: 'Read a rating scale',
    access: signedIn,
    request: { params: IdParams },
    responses: { 200: { description: 'The scale', schema: RatingScaleResponse } },
    handler: async ({ params, services }) => {
      const scale = await services.ratingScales.get(params.id);
      return ok(presentScale(scale), { ETag: etagOf(scale.version) });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/rating-scales',
    operationId: 'createRatingScale',
    tags: ['Rating scales'],
    summary: 'Add a rating scale',
    description: 'Levels are listed in order; best and worst derive from their values. Keys are unique within the scale.',
    access: admins,
    errors: [409],
    request: { body: CreateScaleBody },
    responses: { 201: { description: 'Created', schema: RatingScaleResponse } },
    handler: async ({ body, actor, services }) => {
      const scale = await services.ratingScales.create(body, actor);
      return created(presentScale(scale), `/api/rating-scales/${scale.id}`);
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/rating-scales/:id',
    operationId: 'updateRatingScale',
    tags: ['Rating scales'],
    summary: 'Rename a scale; relabel, recolour, archive or add levels',
    access: admins,
    versioned: true,
    request: { params: IdParams, body: UpdateScaleBody },
    responses: { 200: { description: 'The scale', schema: RatingScaleResponse } },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const scale = await services.ratingScales.update(params.id, body, expectedVersion, actor);
      return ok(presentScale(scale), { ETag: etagOf(scale.version) });
    },
  }),
];
