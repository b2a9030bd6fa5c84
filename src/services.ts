import { createArticleService, type ArticleService } from './articles/articles.service';
import { createAssignmentService, type AssignmentService } from './assignments/assignments.service';
import { createClaimDetailService, type ClaimDetailService } from './claims/claim-detail.service';
import { createNoteService, type NoteService } from './notes/notes.service';
import { createRatingScaleService, type RatingScaleService } from './rating-scales/rating-scales.service';
import { createRulingService, type RulingService } from './rulings/rulings.service';
import { createSourceService, type SourceService } from './sources/sources.service';
import { createVerdictService, type VerdictService } from './verdicts/verdicts.service';
import { createDeskExportService, type DeskExportService } from './export/desk-export.service';
import { createReportService, type ReportService } from './export/report.service';
import { createAuditService, type AuditService } from './audit/audit.service';
import { createAuthService, type AuthService } from './auth/auth.service';
import type { LoginThrottle } from './auth/login-throttle';
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
  claimDetail: ClaimDetailService;
  triage: TriageService;
  assignments: AssignmentService;
  sources: SourceService;
  notes: NoteService;
  ratingScales: RatingScaleService;
  verdicts: VerdictService;
  rulings: RulingService;
  reports: ReportService;
  deskExport: DeskExportService;
  audit: AuditService;
  users: UserService;
  auth: AuthService;
  health: HealthService;
}

export interface ServiceDeps {
  db: Db;
  config: Readonly<Config>;
  tokens: TokenService;
  throttle: LoginThrottle;
}

export function createServices({ db, config, tokens, throttle }: ServiceDeps): Services {
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
    claimDetail: createClaimDetailService(db, config.review),
    triage: createTriageService(db),
    assignments: createAssignmentService(db, config.review.requiredVerdicts),
    sources: createSourceService(db),
    notes: createNoteService(db),
    ratingScales: createRatingScaleService(db),
    verdicts: createVerdictService(db, claims, config.review.requiredVerdicts),
    rulings: createRulingService(db, config.review.consensusRule),
    reports: createReportService(db, { ...config.publishing, consensusRule: config.review.consensusRule }),
    deskExport: createDeskExportService(db),
    audit,
    users: createUserService(db),
    auth: createAuthService({ prisma: db.prisma, tokens, throttle }),
    health: createHealthService(db),
  };
}
