/**
 * /api/articles: import an article (JSON or text/plain), list, read with its claims, delete.
 * Re-importing an identical body answers 200 with the existing article instead of creating a duplicate.
 */
import { Router, type Request, type Response, type NextFunction } from 'express';
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

  const importJson = handle({ body: CreateArticleBody }, async ({ body }, _req, res) => {
    sendImportResult(res, await articles.importArticle(body));
  });
  const importText = handle(
    { query: CreateArticleTextQuery, body: CreateArticleTextBody, accepts: ['text/plain'] },
    async ({ query, body }, _req, res) => {
      sendImportResult(res, await articles.importArticle({ ...query, body }));
    },
  );
  router.post('/', (req: Request, res: Response, next: NextFunction) =>
    (req.is('text/plain') ? importText : importJson)(req, res, next),
  );

  router.get(
    '/',
    handle({ query: ListArticlesQuery }, async ({ query }, _req, res) => {
      res.json(await articles.listArticlePage(query));
    }),
  );

  router.get(
    '/:id',
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      res.json(await articles.getArticle(params.id));
    }),
  );

  router.delete(
    '/:id',
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      await articles.deleteArticle(params.id);
      res.status(204).end();
    }),
  );

  return router;
}
