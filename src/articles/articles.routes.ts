/**
 * /api/articles: import an article (JSON or text/plain), list, read with its first claims, correct metadata, delete.
 * Importing, editing and deleting: editors and admins; reading: every signed-in user.
 * Re-importing an identical body answers 200 with the existing article instead of creating a duplicate.
 */
import { editors, signedIn } from '../http/access';
import { IdParams } from '../http/common-schemas';
import { defineRoute, noContent, ok, type Reply } from '../http/route';
import { etagOf } from '../http/versions';
import { pageOf } from '../openapi/registry';
import type { ImportResult } from './articles.service';
import {
  ArticleResponse,
  ArticleSummaryResponse,
  CreateArticleBody,
  CreateArticleTextBody,
  CreateArticleTextQuery,
  ListArticlesQuery,
  UpdateArticleBody,
  type CreateArticleInput,
} from './articles.schema';

const importReply = ({ article, created }: ImportResult): Reply => ({
  status: created ? 201 : 200,
  body: article,
  headers: { Location: `/api/articles/${article.id}`, ETag: etagOf(article.version) },
});
const withEtag = { ETag: { description: 'The article version, for If-Match' } };

export const articleRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/articles',
    operationId: 'importArticle',
    tags: ['Articles'],
    summary: 'Import an article and split it into claims',
    description:
      'Send JSON, or the article as text/plain with the metadata in the query string (title required). ' +
      'The article and all its claims are stored in one transaction. The same body imported again returns ' +
      'the existing article with 200. The response embeds the first 200 claims.',
    access: editors,
    request: {
      body: CreateArticleBody,
      alternatives: { 'text/plain': { body: CreateArticleTextBody, query: CreateArticleTextQuery } },
      bodySize: 'article',
    },
    responses: {
      201: { description: 'Imported', schema: ArticleResponse, headers: { Location: { description: 'The new article' }, ...withEtag } },
      200: { description: 'This exact body was imported before; the existing article', schema: ArticleResponse, headers: withEtag },
    },
    handler: async ({ body, alternative, actor, services }) => {
      const input = alternative
        ? ({ ...(alternative.query as object), body: alternative.body } as CreateArticleInput)
        : body;
      return importReply(await services.articles.importArticle(input, actor));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/articles',
    operationId: 'listArticles',
    tags: ['Articles'],
    summary: 'List articles, newest first, with their progress',
    access: signedIn,
    request: { query: ListArticlesQuery },
    responses: { 200: { description: 'A page of articles', schema: pageOf(ArticleSummaryResponse) } },
    handler: async ({ query, services }) => ok(await services.articles.listArticlePage(query)),
  }),
  defineRoute({
    method: 'get',
    path: '/api/articles/:id',
    operationId: 'getArticle',
    tags: ['Articles'],
    summary: 'Read an article with its first 200 claims in order',
    access: signedIn,
    request: { params: IdParams },
    responses: { 200: { description: 'The article', schema: ArticleResponse, headers: withEtag } },
    handler: async ({ params, actor, services }) => {
      const article = await services.articles.getArticle(params.id, actor);
      return ok(article, { ETag: etagOf(article.version) });
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/articles/:id',
    operationId: 'updateArticle',
    tags: ['Articles'],
    summary: "Correct an article's metadata (title, URL, outlet, author, date)",
    description: "The body never changes. The author and date are the default claimant and claim date of the article's claims.",
    access: editors,
    versioned: true,
    request: { params: IdParams, body: UpdateArticleBody },
    responses: { 200: { description: 'The article', schema: ArticleResponse, headers: withEtag } },
    handler: async ({ params, body, expectedVersion, actor, services }) => {
      const article = await services.articles.updateArticle(params.id, body, expectedVersion, actor);
      return ok(article, { ETag: etagOf(article.version) });
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/articles/:id',
    operationId: 'deleteArticle',
    tags: ['Articles'],
    summary: 'Delete an article and its claims',
    description: 'Refused with 409 once any of its claims has a verdict: published fact-checks are never wiped.',
    access: editors,
    errors: [409],
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ params, actor, services }) => {
      await services.articles.deleteArticle(params.id, actor);
      return noContent();
    },
  }),
];
