import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { IdParams } from '../http/common-schemas';
import { errorResponses, json } from '../openapi/registry';
import { UpdateClaimBody } from './claims.schema';
import type { ClaimView } from './claims.service';

export const ClaimResponse = z
  .object({
    id: z.uuid(),
    articleId: z.uuid(),
    position: z.number().int().meta({ description: '1-based order of the sentence in the article' }),
    paragraph: z.number().int().meta({ description: '1-based paragraph number' }),
    text: z.string(),
    start: z.number().int().meta({ description: 'Code-point offset of the first character in the body' }),
    end: z.number().int().meta({ description: 'Code-point offset just past the last character (exclusive)' }),
    checkWorthy: z.boolean(),
    status: z.enum(['unreviewed', 'in_review', 'awaiting_approval', 'approved']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Claim' });

// Compile-time proof that the documented shape is what the presenter returns.
export const claimResponseMatchesPresenter = (claim: ClaimView): z.infer<typeof ClaimResponse> => claim;

export function registerClaimPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/claims/{id}',
    tags: ['Claims'],
    summary: 'Read one claim',
    request: { params: IdParams },
    responses: {
      200: { description: 'The claim', content: json(ClaimResponse) },
      ...errorResponses(400, 401, 404),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/claims/{id}',
    tags: ['Claims'],
    summary: 'Mark a claim as worth checking or not (reviewers, editors, admins)',
    request: { params: IdParams, body: { required: true, content: json(UpdateClaimBody) } },
    responses: {
      200: { description: 'The updated claim', content: json(ClaimResponse) },
      ...errorResponses(400, 401, 403, 404, 415),
    },
  });
}
