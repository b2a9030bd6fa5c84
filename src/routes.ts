import { articleRoutes } from './articles/articles.routes';
import { assignmentRoutes } from './assignments/assignments.routes';
import { noteRoutes } from './notes/notes.routes';
import { reportRoutes } from './export/report.routes';
import { ratingScaleRoutes } from './rating-scales/rating-scales.routes';
import { rulingRoutes } from './rulings/rulings.routes';
import { sourceRoutes } from './sources/sources.routes';
import { verdictRoutes } from './verdicts/verdicts.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { claimRoutes } from './claims/claims.routes';
import { healthRoutes } from './health/health.routes';
import type { AnyRoute } from './http/route';
import { userRoutes } from './users/users.routes';

/**
 * The route table: every operation of the service, declared once. It builds the Express routes
 * (src/http/mount-routes.ts), the OpenAPI document (src/openapi/route-docs.ts) and the permission-matrix test.
 */
export const ROUTES: readonly AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...articleRoutes,
  ...claimRoutes,
  ...assignmentRoutes,
  ...sourceRoutes,
  ...noteRoutes,
  ...verdictRoutes,
  ...rulingRoutes,
  ...ratingScaleRoutes,
  ...reportRoutes,
  ...auditRoutes,
  ...userRoutes,
];
