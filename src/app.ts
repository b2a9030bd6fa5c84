import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { articlesRouter } from './articles/articles.routes';
import { createArticleService } from './articles/articles.service';
import { claimsRouter } from './claims/claims.routes';
import { createClaimService } from './claims/claims.service';
import type { Config } from './config';
import type { PrismaClient } from './db/prisma';
import { healthRouter } from './health/health.routes';
import { errorHandler, notFoundRoute } from './http/error-handler';
import type { Logger } from './logger';
import { docsRouter } from './openapi/docs.routes';

export interface AppDeps {
  prisma: PrismaClient;
  config: Readonly<Config>;
  logger: Logger;
}

/** Headroom over the article limit for the JSON envelope and metadata. */
const JSON_ENVELOPE_BYTES = 64 * 1024;
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

export function buildApp({ prisma, config, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(helmet());

  const bodyLimit = config.articleMaxBytes + JSON_ENVELOPE_BYTES;
  app.use(express.json({ limit: bodyLimit }));
  app.use(express.text({ type: 'text/plain', limit: bodyLimit }));

  app.use(healthRouter(prisma));
  app.use(docsRouter());

  const api = express.Router();
  api.use('/articles', articlesRouter(createArticleService({ prisma, articleMaxBytes: config.articleMaxBytes })));
  api.use('/claims', claimsRouter(createClaimService({ prisma })));
  app.use('/api', api);

  app.use(notFoundRoute);
  app.use(errorHandler(logger));
  return app;
}
