import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { createLoginRateLimiter } from './auth/login-rate-limiter';
import { createTokenService } from './auth/tokens';
import type { Config } from './config';
import type { Db } from './db/sql';
import { authenticate } from './http/authenticate';
import { errorHandler, notFoundRoute } from './http/error-handler';
import { mountRoutes } from './http/mount-routes';
import { requestLogging } from './http/request-log';
import type { Logger } from './logger';
import { docsRouter } from './openapi/docs.routes';
import { ROUTES } from './routes';
import { createServices } from './services';

export interface AppDeps {
  db: Db;
  config: Readonly<Config>;
  logger: Logger;
  /** Defaults to config.jwt.secret; the server passes the generated one on the embedded default. */
  jwtSecret?: string;
  /** Replaces the bearer-token check; only the bench uses it, to measure what the check costs. */
  authenticate?: RequestHandler;
}

/** Headroom over the article limit for the JSON envelope and metadata. */
const JSON_ENVELOPE_BYTES = 64 * 1024;
const SMALL_BODY_LIMIT = '64kb';

export function buildApp({ db, config, logger, jwtSecret = config.jwt.secret, authenticate: authenticateOverride }: AppDeps): Express {
  if (!jwtSecret) throw new Error('buildApp needs a JWT secret');
  const tokens = createTokenService({ ...config.jwt, secret: jwtSecret });
  const services = createServices({ db, config, tokens, rateLimiter: createLoginRateLimiter(config.loginRateLimit) });

  const app = express();
  app.disable('x-powered-by');
  // Versioned resources carry their own ETag (the version); Express's body hashes would only confuse If-Match.
  app.set('etag', false);
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.use(requestLogging(logger));
  app.use(helmet());
  app.use(docsRouter());

  mountRoutes(app, ROUTES, {
    services,
    authenticate: authenticateOverride ?? authenticate(tokens, db),
    bodyParsers: {
      small: [express.json({ limit: SMALL_BODY_LIMIT })],
      article: [
        express.json({ limit: config.articleMaxBytes + JSON_ENVELOPE_BYTES }),
        express.text({ type: 'text/plain', limit: config.articleMaxBytes + JSON_ENVELOPE_BYTES }),
      ],
    },
    validateResponses: config.nodeEnv === 'test',
  });

  app.use(notFoundRoute);
  app.use(errorHandler(logger));
  return app;
}
