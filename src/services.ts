import { createArticleService, type ArticleService } from './articles/articles.service';
import { createAuditService, type AuditService } from './audit/audit.service';
import { createAuthService, type AuthService } from './auth/auth.service';
import type { LoginRateLimiter } from './auth/login-rate-limiter';
import type { TokenService } from './auth/tokens';
import { createClaimService, type ClaimService } from './claims/claims.service';
import { createTriageService, type TriageService } from './claims/triage.service';
import type { Config } from './config';
import type { Db } from './db/sql';
import { createHealthService, type HealthService } from './health/health.service';
import { createUserService, type UserService } from './users/users.service';

/** Every service the routes call, built once per app from the database and the configuration. */
export interface Services {
  articles: ArticleService;
  claims: ClaimService;
  triage: TriageService;
  audit: AuditService;
  users: UserService;
  auth: AuthService;
  health: HealthService;
}

export interface ServiceDeps {
  db: Db;
  config: Readonly<Config>;
  tokens: TokenService;
  rateLimiter: LoginRateLimiter;
}

export function createServices({ db, config, tokens, rateLimiter }: ServiceDeps): Services {
  const audit = createAuditService(db);
  const claims = createClaimService(db, audit);
  return {
    articles: createArticleService({
      db,
      claims,
      articleMaxBytes: config.articleMaxBytes,
      articleMaxClaims: config.articleMaxClaims,
    }),
    claims,
    triage: createTriageService(db),
    audit,
    users: createUserService(db),
    auth: createAuthService({ prisma: db.prisma, tokens, rateLimiter }),
    health: createHealthService(db),
  };
}
