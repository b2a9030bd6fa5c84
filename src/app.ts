import express, { type Express } from 'express';
import helmet from 'helmet';
import { articlesRouter } from './articles/articles.routes';
import { createArticleService } from './articles/articles.service';
import { auditRouter } from './audit/audit.routes';
import { createAuditService } from './audit/audit.service';
import { authRouter } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { createLoginThrottle } from './auth/login-throttle';
import { createTokenService } from './auth/tokens';
import { claimsRouter } from './claims/claims.routes';
import { createClaimService } from './claims/claims.service';
import type { Config } from './config';
import type { PrismaClient } from './db/prisma';
import { healthRouter } from './health/health.routes';
import { authenticate } from './http/authenticate';
import { articleBodyParsers } from './http/body-limits';
import { errorHandler, notFoundRoute } from './http/error-handler';
import { noStore } from './http/no-store';
import { requestLogging } from './http/request-logging';
import type { Logger } from './logger';
import { docsRouter } from './openapi/docs.routes';
import { usersRouter } from './users/users.routes';
import { createUserService } from './users/users.service';

export interface AppDeps {
  prisma: PrismaClient;
  config: Readonly<Config>;
  logger: Logger;
  /** Defaults to config.jwt.secret; the server passes the generated one on the embedded default. */
  jwtSecret?: string;
}

const SMALL_BODY_LIMIT = '64kb';

export function buildApp({ prisma, config, logger, jwtSecret = config.jwt.secret }: AppDeps): Express {
  if (!jwtSecret) throw new Error('buildApp needs a JWT secret');
  const tokens = createTokenService({ ...config.jwt, secret: jwtSecret });
  const throttle = createLoginThrottle({ prisma, settings: config.loginThrottle, logger });
  const users = createUserService({ prisma });
  const audit = createAuditService({ prisma });

  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(requestLogging(logger));
  app.use(helmet());

  app.use(healthRouter(prisma));
  app.use(docsRouter());

  // Bodies are parsed only after authentication, so anonymous callers cannot make the server parse megabytes.
  const authenticated = authenticate(tokens, prisma);
  const smallJson = express.json({ limit: SMALL_BODY_LIMIT });
  const articleBodies = articleBodyParsers(config.articleMaxBytes);

  const api = express.Router();
  api.use(noStore);
  api.use('/auth', smallJson, authRouter(createAuthService({ prisma, tokens, throttle }), users, authenticated));
  api.use(authenticated);
  api.use('/articles', articleBodies, articlesRouter(createArticleService({ prisma, articleMaxBytes: config.articleMaxBytes })));
  api.use('/claims', smallJson, claimsRouter(createClaimService({ prisma }), audit));
  api.use('/users', smallJson, usersRouter(users));
  api.use('/audit', auditRouter(audit));
  app.use('/api', api);

  app.use(notFoundRoute);
  app.use(errorHandler(logger));
  return app;
}
