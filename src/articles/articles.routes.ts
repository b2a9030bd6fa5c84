/**
 * /api/articles: import an article (JSON or text/plain), list, read with its claims, delete.
 * Importing and deleting: editors and admins; reading: every signed-in user.
 * Re-importing an identical body answers 200 with the existing article instead of creating a duplicate.
 */
import { Router, type Request, type Response, type NextFunction } from 'express';
import { actorOf } from '../http/authenticate';
import { authorize } from '../http/authorize';
import { IdParams } from '../http/common-schemas';
import { handle } from '../http/handle';
import type { ArticleService, ImportResult } from './articles.service';
import {
  CreateArticleBody,
  CreateArticleTextBody,
  CreateArticleTextQuery,
  ListArticlesQuery,
} from './articles.schema';

function sendImportResult(res: Response, result: ImportResult) {
  res
    .status(result.created ? 201 : 200)
    .location(`/api/articles/${result.article.id}`)
    .json(result.article);
}

export function articlesRouter(articles: ArticleService): Router {
  const router = Router();

  const importJson = handle({ body: CreateArticleBody }, async ({ body }, req, res) => {
    sendImportResult(res, await articles.importArticle(body, actorOf(req)));
  });
  const importText = handle(
    { query: CreateArticleTextQuery, body: CreateArticleTextBody, accepts: ['text/plain'] },
    async ({ query, body }, req, res) => {
      sendImportResult(res, await articles.importArticle({ ...query, body }, actorOf(req)));
    },
  );
  router.post('/', authorize('articles:write'), (req: Request, res: Response, next: NextFunction) =>
    (req.is('text/plain') ? importText : importJson)(req, res, next),
  );

  router.get(
    '/',
    authorize('articles:read'),
    handle({ query: ListArticlesQuery }, async ({ query }, _req, res) => {
      res.json(await articles.listArticlePage(query));
    }),
  );

  router.get(
    '/:id',
    authorize('articles:read'),
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      res.json(await articles.getArticle(params.id));
    }),
  );

  router.delete(
    '/:id',
    authorize('articles:write'),
    handle({ params: IdParams }, async ({ params }, req, res) => {
      await articles.deleteArticle(params.id, actorOf(req));
      res.status(204).end();
    }),
  );

  return router;
}
