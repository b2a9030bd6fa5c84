import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ClaimResponse } from '../claims/claims.openapi';
import { IdParams } from '../http/common-schemas';
import { errorResponses, pageOf, json } from '../openapi/registry';
import { CreateArticleBody, CreateArticleTextQuery, ListArticlesQuery } from './articles.schema';
import type { ArticleSummaryView, ArticleView } from './articles.service';

const ArticleSummaryResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    contentHash: z.string().meta({ description: 'SHA-256 of the body (hex)' }),
    createdById: z.uuid().nullable(),
    claimCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ArticleSummary' });

const ArticleResponse = ArticleSummaryResponse.extend({
  body: z.string().meta({ description: 'The text exactly as imported' }),
  claims: z.array(ClaimResponse),
}).meta({ id: 'Article' });

export const articleResponsesMatchPresenter = {
  summary: (a: ArticleSummaryView): z.infer<typeof ArticleSummaryResponse> => a,
  detail: (a: ArticleView): z.infer<typeof ArticleResponse> => a,
};

export function registerArticlePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/api/articles',
    tags: ['Articles'],
    summary: 'Import an article and split it into claims',
    description:
      'Send JSON, or the article as text/plain with the metadata in the query string (title required). ' +
      'The article and all its claims are stored in one transaction. The same body imported again returns ' +
      'the existing article with 200.',
    request: {
      query: CreateArticleTextQuery.partial(),
      body: {
        required: true,
        content: {
          'application/json': { schema: CreateArticleBody },
          'text/plain': { schema: z.string().meta({ description: 'The article text' }) },
        },
      },
    },
    responses: {
      201: { description: 'Imported', content: json(ArticleResponse) },
      200: { description: 'This exact body was imported before; the existing article', content: json(ArticleResponse) },
      ...errorResponses(400, 401, 403, 413, 415),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/articles',
    tags: ['Articles'],
    summary: 'List articles, newest first',
    request: { query: ListArticlesQuery },
    responses: { 200: { description: 'A page of articles', content: json(pageOf(ArticleSummaryResponse)) }, ...errorResponses(400, 401) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/articles/{id}',
    tags: ['Articles'],
    summary: 'Read an article with its claims in order',
    request: { params: IdParams },
    responses: { 200: { description: 'The article', content: json(ArticleResponse) }, ...errorResponses(400, 401, 404) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/articles/{id}',
    tags: ['Articles'],
    summary: 'Delete an article and its claims',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
  });
}
