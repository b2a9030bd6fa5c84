import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { createLoginThrottle } from './auth/login-throttle';
import { createTokenService } from './auth/tokens';
import type { Config } from './config';
import type { Db } from './db/sql';
import { authenticate } from './http/authenticate';
import { articleBodyParsers, smallJsonBodyParsers } from './http/body-limits';
import { errorHandler, notFoundRoute } from './http/error-handler';
import { mountRoutes } from './http/mount-routes';
import { noStore } from './http/no-store';
import { requestLogging } from './http/request-logging';
import type { Logger } from './logger';
import { docsRouter } from './openapi/docs.routes';
import { ROUTES } from './routes';
import { createServices } from './services';
import { webApp } from './web/static';

export interface AppDeps {
  db: Db;
  config: Readonly<Config>;
  logger: Logger;
  /** Defaults to config.jwt.secret; the server passes the generated one on the embedded default. */
  jwtSecret?: string;
  /** Replaces the bearer-token check; only the bench uses it, to measure what the check costs. */
  authenticate?: RequestHandler;
}

const SMALL_BODY_LIMIT = '64kb';

export function buildApp({ db, config, logger, jwtSecret = config.jwt.secret, authenticate: authenticateOverride }: AppDeps): Express {
  if (!jwtSecret) throw new Error('buildApp needs a JWT secret');
  const tokens = createTokenService({ ...config.jwt, secret: jwtSecret });
  const throttle = createLoginThrottle({ prisma: db.prisma, settings: config.loginThrottle, logger });
  const services = createServices({ db, config, tokens, throttle });

  const app = express();
  app.disable('x-powered-by');
  // Versioned resources carry their own ETag (the version); Express's body hashes would only confuse If-Match.
  app.set('etag', false);
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(requestLogging(logger));
  app.use(helmet());
  app.use(docsRouter());
  app.use('/api', noStore);

  // Bodies are parsed only after authentication, so anonymous callers cannot make the server parse megabytes.
  mountRoutes(app, ROUTES, {
    services,
    authenticate: authenticateOverride ?? authenticate(tokens, db),
    bodyParsers: {
      small: smallJsonBodyParsers(SMALL_BODY_LIMIT),
      article: articleBodyParsers(config.articleMaxBytes),
    },
    validateResponses: config.nodeEnv === 'test',
  });

  app.use(webApp());
  app.use(notFoundRoute);
  app.use(errorHandler(logger));
  return app;
}
